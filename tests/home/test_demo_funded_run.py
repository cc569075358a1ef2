"""The demo's funded run (issue 16 point 11): identifiers and 훈련기간 around today, 12 차시 with 학습시간,
a progress test (pool ≥ 3 × length) and a final test with an essay, the survey, and trainees at
each stage; loading twice changes nothing and ``manage.py check`` passes with it loaded."""

import difflib
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from assessments import selectors as assessment_selectors
from assessments.models import (
    Attempt,
    AttemptAnswer,
    Question,
    QuizPage,
    SimilarityCase,
    SurveyPage,
    SurveyResponse,
)
from compliance.selectors import daily_study
from compliance.services import daily_cap_refusal
from courses.funding import funding_errors
from courses.gates import open_refusal
from courses.models import CourseRun, Enrolment, LessonPage
from home.demo.people import DEFAULT_DEMO_PASSWORD

pytestmark = pytest.mark.django_db

SLUG = "drone-operations-safety-funded"


@pytest.fixture
def demo(shared_demo):
    run = CourseRun.objects.get(course__slug=SLUG, emp_ins_flag__gt=0)
    return {
        "run": run,
        "lessons": list(LessonPage.objects.live().descendant_of(run.course).filter(required=True).order_by("path")),
        "enrolments": {e.user.email: e for e in Enrolment.objects.filter(run=run).select_related("user", "run")},
    }


def test_the_funded_run_is_complete_and_open_today(demo):
    run, course = demo["run"], demo["run"].course
    today = timezone.localdate()
    assert run.is_funded and run.emp_ins_flag == 1
    assert len(run.hrd_tracse_id) == 17 and run.hrd_tracse_tme and course.simsa_code
    assert run.training_start < today < run.training_end
    assert funding_errors(run) == {}
    assert (course.weight_progress_test, course.weight_final_test, course.weight_assignment) == (10, 40, 50)
    assert len(demo["lessons"]) >= 10 and all(lesson.study_minutes > 0 for lesson in demo["lessons"])

    progress_test = QuizPage.objects.live().descendant_of(course).get(kind="progress")
    assert progress_test.require_item_pool
    pool = Question.objects.filter(bank=progress_test.draw_bank, category=progress_test.draw_category).count()
    assert pool >= 3 * progress_test.draw_count > 0
    final_test = QuizPage.objects.live().descendant_of(course).get(kind="final")
    assert final_test.quiz_questions.filter(question__type="essay").exists()
    survey = SurveyPage.objects.live().child_of(course).get()
    assert survey.required_before_final


def test_the_capped_trainee_has_used_8_of_8_lessons_today(demo):
    enrolment = demo["enrolments"]["funded-cap@example.com"]
    assert enrolment.user.check_password(DEFAULT_DEMO_PASSWORD)
    study = daily_study(enrolment)
    assert (study.lessons, study.lesson_cap, study.at_cap) == (8, 8, True)
    with translation.override("ko"):
        refusal = daily_cap_refusal(enrolment=enrolment, lesson=demo["lessons"][8], now=timezone.now())
    assert "1일 학습 가능한 차시(8차시)를 초과" in refusal


def test_the_trainee_below_half_gets_nothing_for_lesson_2_and_lesson_3_stays_closed(demo):
    enrolment = demo["enrolments"]["funded-below@example.com"]
    progress = enrolment.lesson_progress.get(lesson=demo["lessons"][1])
    assert 0 < progress.seconds_studied < demo["lessons"][1].study_minutes * 60 // 2
    assert enrolment.progress_percent == 100 // len(demo["lessons"])  # 차시 1 alone counts
    assert open_refusal(enrolment=enrolment, lesson=demo["lessons"][2], now=timezone.now())


def test_the_trainee_waiting_for_the_final_test_may_start_it(demo):
    enrolment = demo["enrolments"]["funded-final@example.com"]
    final_test = QuizPage.objects.get(kind="final", path__startswith=demo["run"].course.path)
    assert enrolment.progress_percent >= 80
    assert SurveyResponse.objects.filter(enrolment=enrolment).exists()
    assert not Attempt.objects.filter(enrolment=enrolment, quiz=final_test).exists()
    attempts = list(Attempt.objects.filter(user=enrolment.user, quiz=final_test))
    assert assessment_selectors.start_refusal(quiz=final_test, attempts=attempts, enrolment=enrolment) == ""


def test_two_trainees_submitted_near_identical_essays(demo):
    essays = [
        AttemptAnswer.objects.get(
            attempt__enrolment=demo["enrolments"][email], attempt__quiz__kind="final", question__type="essay"
        )
        for email in ("funded-essay1@example.com", "funded-essay2@example.com")
    ]
    texts = [answer.response["text"] if isinstance(answer.response, dict) else answer.response for answer in essays]
    assert all(answer.attempt.state != "in_progress" for answer in essays)
    assert texts[0] != texts[1]
    assert difflib.SequenceMatcher(a=str(texts[0]), b=str(texts[1])).ratio() >= 0.9  # a 모사 pair (≥ 90 %)
    pair = sorted(answer.attempt.enrolment_id for answer in essays)
    case = SimilarityCase.objects.get(kind="essay", enrolment_a_id=pair[0], enrolment_b_id=pair[1])
    assert case.decision == SimilarityCase.Decision.PENDING and case.score >= Decimal(
        "0.90"
    )  # waiting in the instructor's queue


def test_a_proxy_learning_cluster_awaits_review_in_the_funded_runs_queue(demo):
    from compliance.models import ProxyFlag, StudySignal

    flag = ProxyFlag.objects.get(run=demo["run"])
    pair = {demo["enrolments"][email].pk for email in ("funded-essay1@example.com", "funded-essay2@example.com")}
    assert (flag.kind, flag.key, flag.state) == ("address", "203.0.113.7", "pending")
    assert set(flag.memberships.values_list("enrolment_id", flat=True)) == pair
    signals = StudySignal.objects.count()
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    assert ProxyFlag.objects.count() == 1 and StudySignal.objects.count() == signals


def test_loading_twice_changes_nothing_and_the_system_check_passes(demo):
    from tests.home.test_demo_data import snapshot

    first = snapshot()
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    assert snapshot() == first
    call_command("check", fail_level="WARNING")


def test_the_funded_run_has_emon_rows_in_every_state(demo):
    from compliance.models import EmonRecord

    rows = EmonRecord.objects.filter(run=demo["run"])
    assert set(rows.values_list("state", flat=True)) == {"sent", "pending", "error"}
    assert rows.filter(state="sent", last_code="200").exists()
    assert set(rows.filter(state="error").values_list("endpoint", flat=True)) == {"score_hist"}
    before = list(rows.order_by("seq").values_list("seq", "state"))
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    assert list(rows.order_by("seq").values_list("seq", "state")) == before
