"""The funded classroom (DOMAIN-KR §6, issue 16 point 9): /learn/ and the lesson page of a funded run
show the 차시 table with each state in Korean, 오늘 학습 N/8차시 from the ledger, the 평가 rows and the
수료 조건 현황; unfunded runs look as before; the page's queries do not grow with the 차시."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from assessments import funded as assessments_funded
from assessments.models import AssignmentSubmission, Attempt, SurveyPage, SurveyResponse
from courses.classroom import AssessmentState, LessonState, funded_classroom, mmss
from courses.models import Enrolment, LessonProgress
from courses.progress_rule import kst_date
from tests import factories as f
from tests.assessments.funded_support import funded_course
from tests.support.funded import make_funded, studied

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _korean():
    with translation.override("ko"):
        yield


@pytest.fixture
def assignment_scores(monkeypatch):
    """A stand-in for the 과제 activity: scores out of 100 by enrolment id (absent: not submitted)."""
    scores: dict[int, Decimal] = {}
    monkeypatch.setattr(
        assessments_funded, "_assignment_sources", [lambda enrolments: {e.pk: scores.get(e.pk) for e in enrolments}]
    )
    return scores


def today_kst():
    return kst_date(timezone.now())


def fresh(enrolment):
    return Enrolment.objects.select_related("run__course").get(pk=enrolment.pk)


def lesson_rows(html: str) -> list[str]:
    return [part.split("</tr>")[0] for part in html.split('data-lesson-state="')[1:]]


def assessment_rows(html: str) -> list[str]:
    return [part.split("</tr>")[0] for part in html.split('data-assessment-state="')[1:]]


# --------------------------------------------------------------------------------------------
# The 차시 table
# --------------------------------------------------------------------------------------------


def test_learn_shows_each_lesson_state_in_korean_and_todays_count(client):
    world = make_funded(lesson_count=10)
    enrolment, lessons = world["enrolment"], world["lessons"]
    studied(enrolment, lessons[:8], today_kst())  # 8 차시 at 100 % today: the day's cap is used
    client.force_login(world["user"])

    html = client.get("/learn/").content.decode()

    rows = lesson_rows(html)
    assert len(rows) == 10
    assert rows[0].startswith("done") and "완료" in rows[0]
    assert "01:00 / 01:00" in rows[0]  # credited / required time
    assert timezone.localdate().strftime("%Y.%m.%d") in rows[0] or today_kst().strftime("%Y.%m.%d") in rows[0]
    assert rows[8].startswith("daily_cap") and "오늘 한도 초과" in rows[8]
    assert rows[9].startswith("locked") and "진도부족" in rows[9]
    assert "오늘 학습 8/8차시" in html
    assert "학습 유의사항" in html


def test_no_continue_button_leads_to_a_lesson_refused_today(client):
    """At the day's cap the next 차시 answers 403: /learn/ offers no 'continue' button to it."""
    world = make_funded(lesson_count=10)
    enrolment, lessons = world["enrolment"], world["lessons"]
    studied(enrolment, lessons[:7], today_kst())
    LessonProgress.objects.filter(enrolment=enrolment).update(completed_at=timezone.now())
    client.force_login(world["user"])
    assert f'href="{lessons[7].url}">이어서 학습' in client.get("/learn/").content.decode()

    studied(enrolment, lessons[7:8], today_kst())
    LessonProgress.objects.filter(enrolment=enrolment).update(completed_at=timezone.now())
    html = client.get("/learn/").content.decode()
    assert "오늘 한도 초과" in lesson_rows(html)[8]
    assert "이어서 학습" not in html


def test_the_next_lesson_is_locked_with_what_is_needed_until_the_unlock_threshold(client):
    world = make_funded(lesson_count=3)  # 1-minute 차시, unlock at 50 %
    enrolment, lessons = world["enrolment"], world["lessons"]
    LessonProgress.objects.create(enrolment=enrolment, lesson=lessons[0], seconds_studied=20)
    client.force_login(world["user"])

    rows = lesson_rows(client.get("/learn/").content.decode())

    assert rows[0].startswith("study") and "학습하기" in rows[0] and "00:20 / 01:00" in rows[0]
    assert rows[1].startswith("locked") and "진도부족" in rows[1]
    assert "1차시" in rows[1] and "50 %" in rows[1]  # names the lesson and the threshold it needs
    assert "오늘 학습 0/8차시" in client.get("/learn/").content.decode()


def test_presenter_rows_follow_the_2026_rule_and_the_ledger():
    world = make_funded(lesson_count=3)
    enrolment, lessons = world["enrolment"], world["lessons"]
    LessonProgress.objects.create(enrolment=enrolment, lesson=lessons[0], seconds_studied=60)  # no last page: 99 %
    studied(enrolment, [lessons[1]], today_kst(), seconds=29, finished=False)  # below half: 0 %

    classroom = funded_classroom(fresh(enrolment))

    first, second, third = classroom.lessons
    assert (first.percent, first.state) == (99, LessonState.STUDY)
    assert (second.percent, second.state, second.last_day) == (0, LessonState.STUDY, today_kst())
    assert third.state == LessonState.LOCKED  # 차시 2 is at 0 %, below the run's 50 %
    assert classroom.ledger.lessons == 1 and classroom.ledger.lesson_cap == 8
    assert mmss(1800) == "30:00" and mmss(899) == "14:59"


def test_lessons_after_the_training_period_are_review_only():
    world = make_funded(lesson_count=2)
    run = world["run"]
    run.training_end = timezone.localdate() - datetime.timedelta(days=1)
    run.training_start = run.training_end - datetime.timedelta(days=10)
    run.save()

    classroom = funded_classroom(fresh(world["enrolment"]))

    assert [row.state for row in classroom.lessons] == [LessonState.REVIEW, LessonState.REVIEW]
    assert classroom.d_day == "종료"


def test_the_lesson_page_of_a_funded_run_shows_the_classroom(client):
    world = make_funded(lesson_count=3)
    client.force_login(world["user"])

    html = client.get(world["lessons"][0].url).content.decode()

    assert len(lesson_rows(html)) == 3
    assert "오늘 학습 0/8차시" in html
    assert f"/learn/runs/{world['run'].pk}/notice/" in html


# --------------------------------------------------------------------------------------------
# 평가 rows and 수료 조건 현황
# --------------------------------------------------------------------------------------------


def funded_world(progress: int):
    world = funded_course(end=timezone.localdate() + datetime.timedelta(days=9))
    enrolment = f.enrolment(world["run"], progress_percent=progress)
    return world, enrolment


def test_assessment_rows_below_the_gates_say_when_they_open(client, assignment_scores):
    world, enrolment = funded_world(progress=40)
    client.force_login(enrolment.user)

    html = client.get("/learn/").content.decode()

    progress_row, final_row, assignment_row = assessment_rows(html)
    assert (
        progress_row.startswith("locked") and "진도부족" in progress_row and "진도율 50%부터 응시 가능" in progress_row
    )
    assert final_row.startswith("locked") and "진도율 80%부터 응시 가능" in final_row
    assert assignment_row.startswith("locked") and "과제" in assignment_row
    assert "진도율 40 / 80 %" in html
    assert "총점 0.00 / 60 (진행단계평가 10 %, 최종평가 40 %, 과제 50 %)" in html
    assert "D-9" in html


def test_assessment_rows_not_taken_in_progress_and_taken_with_score(client, assignment_scores):
    world, enrolment = funded_world(progress=85)
    deadline = timezone.now() + datetime.timedelta(minutes=30)
    Attempt.objects.create(
        quiz=world["progress_test"], enrolment=enrolment, user=enrolment.user, number=1, deadline=deadline
    )
    client.force_login(enrolment.user)

    progress_row, final_row, assignment_row = assessment_rows(client.get("/learn/").content.decode())

    assert progress_row.startswith("in_progress") and "진행중" in progress_row
    assert final_row.startswith("not_taken") and "미응시" in final_row
    assert assignment_row.startswith("not_submitted") and "미제출" in assignment_row

    Attempt.objects.filter(enrolment=enrolment).update(state=Attempt.State.SUBMITTED, score=Decimal("50"))
    progress_row = assessment_rows(client.get("/learn/").content.decode())[0]
    assert progress_row.startswith("taken") and "응시완료" in progress_row and "50" in progress_row


def test_the_assignment_row_links_to_the_courses_assignment(client, assignment_scores):
    """The 과제 row names and links the course's required 과제 (it was a bare '과제' with nowhere to go);
    a test titled like its kind is not named twice ('최종평가 · 최종평가')."""
    world, enrolment = funded_world(progress=85)
    assignment = f.assignment_page(world["course"], title="위험성 평가표 작성 과제", required=True)
    world["final_test"].title = "최종평가"
    world["final_test"].save_revision().publish()
    client.force_login(enrolment.user)

    _progress_row, final_row, assignment_row = assessment_rows(client.get("/learn/").content.decode())

    assert f'과제 · <a href="{assignment.url}">위험성 평가표 작성 과제</a>' in assignment_row
    assert "최종평가 · " not in final_row and ">최종평가</a>" in final_row


def test_a_submitted_assignment_waits_for_grading_rather_than_showing_0(client):
    """The total counts a 과제 not graded yet as 0; its row says 채점 대기 instead of a score of 0.00."""
    world, enrolment = funded_world(progress=85)
    assignment = f.assignment_page(world["course"], title="위험성 평가표 작성 과제", required=True)
    AssignmentSubmission.objects.create(
        assignment=assignment,
        enrolment=enrolment,
        user=enrolment.user,
        text="답안",
        state=AssignmentSubmission.State.SUBMITTED,
        submitted_at=timezone.now(),
    )
    client.force_login(enrolment.user)

    assignment_row = assessment_rows(client.get("/learn/").content.decode())[2]

    assert assignment_row.startswith("submitted") and "채점 대기" in assignment_row and "0.00" not in assignment_row


def test_the_survey_is_a_completion_condition_and_the_final_test_waits_for_it(client, assignment_scores):
    world, enrolment = funded_world(progress=85)
    survey = world["course"].add_child(
        instance=SurveyPage(title="과정 만족도 설문", slug="survey", required_before_final=True)
    )
    client.force_login(enrolment.user)

    html = client.get("/learn/").content.decode()
    final_row = assessment_rows(html)[1]
    assert "만족도 설문 응답 후 응시 가능" in final_row
    assert f'만족도 설문: <a href="{survey.url}">미응답</a>' in html and "최종평가 전 필수" in html

    SurveyResponse.objects.create(survey=survey, enrolment=enrolment, answers={})
    html = client.get("/learn/").content.decode()
    assert "만족도 설문: 응답 완료" in html
    assert "만족도 설문 응답 후 응시 가능" not in assessment_rows(html)[1]


def test_weights_10_40_50_and_scores_50_70_60_show_a_total_of_63(client, assignment_scores):
    """DOMAIN-KR §1.1: weights 10/40/50, scores 50, 70, 60 → 63.0, met; 과제 제출: 예."""
    world, enrolment = funded_world(progress=80)
    for quiz, score in ((world["progress_test"], "50"), (world["final_test"], "70")):
        Attempt.objects.create(
            quiz=quiz,
            enrolment=enrolment,
            user=enrolment.user,
            number=1,
            state=Attempt.State.SUBMITTED,
            score=Decimal(score),
        )
    assignment_scores[enrolment.pk] = Decimal("60")

    classroom = funded_classroom(fresh(enrolment))

    assert classroom.scores.total == "63.00" and classroom.total_met
    assert classroom.progress_met
    assert [row.state for row in classroom.assessments] == [
        AssessmentState.TAKEN,
        AssessmentState.TAKEN,
        AssessmentState.SUBMITTED,
    ]
    assert classroom.scores.assignment_submitted
    assert classroom.missing == []


def test_a_missing_assignment_gives_33_and_the_missing_panel_names_it(client, assignment_scores):
    """DOMAIN-KR §1.1: the same without the 과제 → 33.0, not met; the panel names the 과제."""
    world, enrolment = funded_world(progress=80)
    for quiz, score in ((world["progress_test"], "50"), (world["final_test"], "70")):
        Attempt.objects.create(
            quiz=quiz,
            enrolment=enrolment,
            user=enrolment.user,
            number=1,
            state=Attempt.State.SUBMITTED,
            score=Decimal(score),
        )
    client.force_login(enrolment.user)

    html = client.get("/learn/").content.decode()

    assert "총점 33.00 / 60" in html
    assert "과제 제출: 아니요" in html
    assert "과제 미제출" in html  # the "what is still missing" panel


def test_a_test_not_taken_is_named_in_the_missing_panel_even_with_the_total_met(client, assignment_scores):
    """DOMAIN-KR §1.1: the 진행단계평가 must be taken (응시), whatever the total (90 here)."""
    world, enrolment = funded_world(progress=100)
    Attempt.objects.create(
        quiz=world["final_test"],
        enrolment=enrolment,
        user=enrolment.user,
        number=1,
        state=Attempt.State.SUBMITTED,
        score=Decimal("100"),
    )
    assignment_scores[enrolment.pk] = Decimal("100")
    client.force_login(enrolment.user)

    html = client.get("/learn/").content.decode()

    assert "총점 90.00 / 60" in html
    assert "모든 평가 응시·제출 (진행단계평가, 최종평가, 과제): 진행단계평가 미응시" in html


def test_progress_79_is_shown_as_not_met(assignment_scores):
    """DOMAIN-KR §1.1: progress 79 % and total 90 → not complete (진도율 79 / 80 %)."""
    world, enrolment = funded_world(progress=79)

    classroom = funded_classroom(fresh(enrolment))

    assert classroom.progress_percent == 79 and not classroom.progress_met
    assert any("79" in item.label for item in classroom.missing)


# --------------------------------------------------------------------------------------------
# Unfunded runs, queries
# --------------------------------------------------------------------------------------------


def test_unfunded_runs_look_as_before(client):
    institute = f.institute_page()
    course = f.course_page(institute, "비환급 과정")
    lessons = [f.lesson_page(course, f"{n}차시", minutes=1) for n in (1, 2)]
    enrolment = f.enrolment(f.course_run(course))
    client.force_login(enrolment.user)

    learn = client.get("/learn/").content.decode()
    lesson = client.get(lessons[1].url)

    assert "funded-classroom" not in learn and "오늘 학습" not in learn
    assert "수료까지 남은 항목" in learn or "Still missing" in learn  # the old panel stays
    assert lesson.status_code == 200  # no unlock rule
    assert lesson.context["classroom"] is None
    assert "funded-classroom" not in lesson.content.decode()


def count_learn_queries(client, lesson_count):
    world = make_funded(lesson_count=lesson_count)
    studied(world["enrolment"], world["lessons"][:2], today_kst())
    client.force_login(world["user"])
    client.get("/learn/")  # warm the caches (site root paths, structures)
    client.get(world["lessons"][0].url)
    with CaptureQueriesContext(connection) as learn:
        response = client.get("/learn/")
    assert len(lesson_rows(response.content.decode())) == lesson_count
    with CaptureQueriesContext(connection) as lesson:
        response = client.get(world["lessons"][0].url)
    assert len(lesson_rows(response.content.decode())) == lesson_count
    return len(learn), len(lesson)


def test_queries_do_not_grow_with_the_number_of_lessons(client):
    small = count_learn_queries(client, 3)
    client.logout()
    large = count_learn_queries(client, 20)

    assert small == large
