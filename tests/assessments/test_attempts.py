"""Attempts on the server: start, save as you go, submit, deadlines on the server clock, limits."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments import services, tasks
from assessments.assignments import required_assignments
from assessments.models import Attempt, AttemptAnswer
from courses.models import Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db

T0 = timezone.make_aware(datetime.datetime(2026, 11, 25, 10, 0, 0))


def at(seconds):
    return T0 + datetime.timedelta(seconds=seconds)


@pytest.fixture
def setup():
    institute = f.institute_page()
    course = f.course_page(institute, min_progress_percent=0)
    bank = f.question_bank(institute, course)
    single = f.question(
        bank,
        "single",
        text="PX4의 기본 지상관제 소프트웨어는?",
        choices=[("QGroundControl", "1"), ("Mission Planner", "0")],
    )
    short = f.question(bank, "short", text="자동 귀환 모드의 약어는?", accepted_answers="RTL")
    numeric = f.question(
        bank, "numeric", text="LiPo 셀 보관 전압은?", numeric_answer=Decimal("3.8"), tolerance=Decimal("0.05")
    )
    quiz = f.quiz_page(
        course, [single, short, numeric], time_limit_minutes=10, max_attempts=2, review_policy="after_submit"
    )
    run = f.course_run(course)
    enrolment = f.enrolment(run)
    return {
        "quiz": quiz,
        "single": single,
        "short": short,
        "numeric": numeric,
        "enrolment": enrolment,
        "user": enrolment.user,
    }


def right_answers(setup, attempt):
    """The right answers as the attempt form sends them (choices by the attempt's identifiers)."""
    right_choice = setup["single"].choices.get(weight=1)
    return {
        setup["single"].pk: [attempt.choice_token(right_choice.pk)],
        setup["short"].pk: ["rtl"],
        setup["numeric"].pk: ["3.82"],
    }


def test_full_marks_pass_and_complete_the_course(setup):
    attempt = services.attempt_start(quiz=setup["quiz"], user=setup["user"], now=at(0))
    services.attempt_save_answers(attempt=attempt, raw_answers=right_answers(setup, attempt), now=at(60))

    closed = services.attempt_submit(attempt=attempt, now=at(120))

    assert closed.state == "submitted" and closed.score == Decimal("100.00") and closed.passed
    enrolment = Enrolment.objects.get(pk=setup["enrolment"].pk)
    assert enrolment.status == "completed"


def test_wrong_answers_fail_and_the_course_stays_open(setup):
    attempt = services.attempt_start(quiz=setup["quiz"], user=setup["user"], now=at(0))
    wrong = setup["single"].choices.get(weight=0)

    closed = services.attempt_submit(
        attempt=attempt,
        raw_answers={setup["single"].pk: [attempt.choice_token(wrong.pk)], setup["short"].pk: ["RTH"]},
        now=at(30),
    )

    assert closed.score == Decimal("0.00") and closed.passed is False
    assert Enrolment.objects.get(pk=setup["enrolment"].pk).status == "active"
    from courses.completion import missing

    labels = [item.label for item in missing(Enrolment.objects.get(pk=setup["enrolment"].pk))]
    assert any("60" in label and "0" in label for label in labels)


def test_answers_after_the_deadline_are_refused_and_the_attempt_closes_with_what_was_saved(setup):
    attempt = services.attempt_start(quiz=setup["quiz"], user=setup["user"], now=at(0))
    assert attempt.deadline == at(600)
    answers = right_answers(setup, attempt)
    services.attempt_save_answers(
        attempt=attempt, raw_answers={setup["short"].pk: answers[setup["short"].pk]}, now=at(300)
    )
    services.attempt_save_answers(
        attempt=attempt, raw_answers={setup["single"].pk: answers[setup["single"].pk]}, now=at(615)
    )  # grace

    with pytest.raises(services.AssessmentError, match="Time is up|시간"):
        services.attempt_save_answers(
            attempt=attempt, raw_answers={setup["numeric"].pk: ["3.8"]}, now=at(600 + services.GRACE_SECONDS + 1)
        )

    attempt.refresh_from_db()
    assert attempt.state == "timed_out"
    assert attempt.points_earned == Decimal("2.00")  # the two answers saved in time
    assert not AttemptAnswer.objects.filter(attempt=attempt, question=setup["numeric"], response__isnull=False).exists()


def test_an_abandoned_attempt_is_closed_by_the_sweeper(setup):
    attempt = services.attempt_start(quiz=setup["quiz"], user=setup["user"], now=at(0))
    services.attempt_save_answers(attempt=attempt, raw_answers={setup["short"].pk: ["RTL"]}, now=at(10))

    assert services.attempts_close_overdue(now=at(599)) == 0
    assert services.attempts_close_overdue(now=at(600 + services.GRACE_SECONDS + 5)) == 1

    attempt.refresh_from_db()
    assert attempt.state == "timed_out" and attempt.points_earned == Decimal("1.00")


def test_the_timed_task_closes_only_past_the_deadline(setup, monkeypatch):
    attempt = services.attempt_start(quiz=setup["quiz"], user=setup["user"])
    assert tasks.attempt_close_task(attempt.pk) is False  # woken early: stays open
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=5))

    assert tasks.attempt_close_task(attempt.pk) is True
    assert tasks.attempt_close_task(attempt.pk) is False
    attempt.refresh_from_db()
    assert attempt.state == "timed_out"


def test_double_submit_is_harmless(setup):
    attempt = services.attempt_start(quiz=setup["quiz"], user=setup["user"], now=at(0))
    first = services.attempt_submit(attempt=attempt, raw_answers=right_answers(setup, attempt), now=at(30))
    second = services.attempt_submit(attempt=attempt, raw_answers={setup["short"].pk: ["wrong"]}, now=at(31))

    assert first.score == second.score == Decimal("100.00")
    assert first.closed_at == second.closed_at


def test_attempt_limit(setup):
    for n in range(2):
        attempt = services.attempt_start(quiz=setup["quiz"], user=setup["user"], now=at(n * 1000))
        services.attempt_submit(attempt=attempt, now=at(n * 1000 + 10))

    with pytest.raises(services.AssessmentError, match="2"):
        services.attempt_start(quiz=setup["quiz"], user=setup["user"], now=at(5000))
    assert Attempt.objects.count() == 2


def test_starting_again_resumes_the_open_attempt(setup):
    first = services.attempt_start(quiz=setup["quiz"], user=setup["user"], now=at(0))
    again = services.attempt_start(quiz=setup["quiz"], user=setup["user"], now=at(60))

    assert first.pk == again.pk


def test_malformed_answers_are_refused_whole_and_do_not_count(setup):
    attempt = services.attempt_start(quiz=setup["quiz"], user=setup["user"], now=at(0))
    good = right_answers(setup, attempt)

    for bad in (
        {setup["single"].pk: ["999999"]},
        {setup["single"].pk: [str(setup["single"].choices.get(weight=1).pk)]},  # a choice id, not its identifier
        {setup["numeric"].pk: ["three point eight"]},
        {setup["short"].pk: ["x" * 5000]},
        {123456789: ["1"]},
        {**good, setup["numeric"].pk: ["abc"]},
    ):
        with pytest.raises(services.AssessmentError):
            services.attempt_save_answers(attempt=attempt, raw_answers=bad, now=at(10))

    assert not AttemptAnswer.objects.filter(attempt=attempt).exists()
    attempt.refresh_from_db()
    assert attempt.is_open and Attempt.objects.count() == 1


def test_highest_or_last_attempt_is_kept(setup):
    from assessments.selectors import kept_attempt

    quiz = setup["quiz"]
    attempt = services.attempt_start(quiz=quiz, user=setup["user"], now=at(0))
    first = services.attempt_submit(attempt=attempt, raw_answers=right_answers(setup, attempt), now=at(10))
    second = services.attempt_submit(
        attempt=services.attempt_start(quiz=quiz, user=setup["user"], now=at(100)), now=at(110)
    )

    assert kept_attempt(quiz, [first, second]) == first
    quiz.grading_method = "last"
    assert kept_attempt(quiz, [first, second]) == second


def test_random_draw_and_shuffles_are_fixed_per_attempt(setup):
    institute = setup["quiz"].course.institute
    bank = f.question_bank(institute, title="추첨 은행")
    for n in range(12):
        f.question(bank, "true_false", text=f"진술 {n}", correct_answer=True, category="법규" if n < 8 else "정비")
    quiz = f.quiz_page(
        setup["quiz"].course,
        draw_bank=bank,
        draw_category="법규",
        draw_count=5,
        shuffle_questions=True,
        time_limit_minutes=0,
    )

    attempt = services.attempt_start(quiz=quiz, user=setup["user"])

    assert len(attempt.question_ids) == 5
    assert set(bank.questions.filter(pk__in=attempt.question_ids).values_list("category", flat=True)) == {"법규"}
    assert attempt.deadline is None


def test_submitting_runs_the_same_number_of_queries_for_5_or_60_questions(setup):
    institute = setup["quiz"].course.institute
    course = setup["quiz"].course

    def attempt_with(n):
        bank = f.question_bank(institute, course)
        questions = [
            f.question(
                bank,
                ["single", "short", "numeric", "true_false", "multiple"][i % 5],
                accepted_answers="x",
                numeric_answer=Decimal(1),
                correct_answer=True,
            )
            for i in range(n)
        ]
        quiz = f.quiz_page(course, questions, max_attempts=0, time_limit_minutes=0)
        attempt = services.attempt_start(quiz=quiz, user=setup["user"])
        services.attempt_save_answers(
            attempt=attempt, raw_answers={q.pk: ["x"] for q in questions if q.type == "short"}
        )
        return attempt

    small, large = attempt_with(5), attempt_with(60)
    # The course's required assignments are kept in the cache from the first look on
    # (``assignments.required_assignments``): warm, so both submissions do the same work.
    required_assignments([small.quiz.course])
    counts = []
    for attempt in (small, large):
        with CaptureQueriesContext(connection) as queries:
            services.attempt_submit(attempt=attempt)
        counts.append(len(queries))

    assert counts[0] == counts[1], counts


def test_the_sweeper_is_scheduled_every_minute(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["assessments-close-overdue-attempts"]

    assert entry["task"] == tasks.attempts_close_overdue_task.name
    assert entry["schedule"].minute == set(range(60))
