"""평가 of funded runs (DOMAIN-KR §1.5): progress gates, one attempt unless a retake is granted, no start
after 23:57 on the last day, saved answers auto-submitted at 24:00, inputs frozen after the period."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from assessments import services
from assessments.models import Attempt, RetakeGrant
from tests import factories as f

from .funded_support import END, funded_course, kst

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 20)  # inside the training period


@pytest.fixture
def world():
    return funded_course()


def trainee(world, progress: int):
    return f.enrolment(world["run"], progress_percent=progress)


def answer_all(attempt, value="true"):
    return {qid: [value] for qid in attempt.question_ids}


def test_79_percent_refuses_the_final_test_and_80_allows_it(world):
    enrolment = trainee(world, 79)

    with translation.override("ko"), pytest.raises(services.GateRefusal) as refused:
        services.attempt_start(quiz=world["final_test"], user=enrolment.user, now=kst(DAY, 10))
    assert "진도율 80%부터 응시 가능" in str(refused.value)
    assert not Attempt.objects.exists()

    enrolment.progress_percent = 80
    enrolment.save()
    attempt = services.attempt_start(quiz=world["final_test"], user=enrolment.user, now=kst(DAY, 10))
    assert attempt.is_open


def test_the_progress_test_opens_at_50_percent(world):
    enrolment = trainee(world, 49)
    with translation.override("ko"), pytest.raises(services.GateRefusal, match="진도율 50%부터 응시 가능"):
        services.attempt_start(quiz=world["progress_test"], user=enrolment.user, now=kst(DAY, 10))

    enrolment.progress_percent = 50
    enrolment.save()
    assert services.attempt_start(quiz=world["progress_test"], user=enrolment.user, now=kst(DAY, 10)).is_open


def test_a_second_start_is_refused_unless_a_retake_is_granted(world):
    enrolment, quiz = trainee(world, 85), world["final_test"]  # the quiz's own limit (2) does not apply
    services.attempt_submit(attempt=services.attempt_start(quiz=quiz, user=enrolment.user, now=kst(DAY, 10)))

    with translation.override("ko"), pytest.raises(services.GateRefusal, match="1회만 응시"):
        services.attempt_start(quiz=quiz, user=enrolment.user, now=kst(DAY, 11))

    grant = services.retake_grant(enrolment=enrolment, quiz=quiz, actor=world["manager"], reason="응시 중 정전 (증빙)")
    retake = services.attempt_start(quiz=quiz, user=enrolment.user, now=kst(DAY, 12))
    grant.refresh_from_db()
    assert retake.number == 2 and grant.attempt_id == retake.pk and grant.used_at == kst(DAY, 12)

    services.attempt_submit(attempt=retake, now=kst(DAY, 12, 30))
    with pytest.raises(services.GateRefusal):
        services.attempt_start(quiz=quiz, user=enrolment.user, now=kst(DAY, 13))
    assert Attempt.objects.filter(enrolment=enrolment).count() == 2


def test_a_grant_never_opens_a_gate(world):
    enrolment, quiz = trainee(world, 60), world["final_test"]
    RetakeGrant.objects.create(enrolment=enrolment, quiz=quiz, granted_by=world["manager"], reason="사유")

    with pytest.raises(services.GateRefusal):
        services.attempt_start(quiz=quiz, user=enrolment.user, now=kst(DAY, 10))
    assert RetakeGrant.objects.get().used_at is None


def test_a_start_at_23_58_on_the_last_day_is_refused_and_23_56_is_not(world):
    enrolment = trainee(world, 90)

    with translation.override("ko"), pytest.raises(services.GateRefusal, match="23:57"):
        services.attempt_start(quiz=world["final_test"], user=enrolment.user, now=kst(END, 23, 58))

    attempt = services.attempt_start(quiz=world["final_test"], user=enrolment.user, now=kst(END, 23, 56))
    midnight = kst(END + datetime.timedelta(days=1), 0)
    assert attempt.deadline == midnight and attempt.freeze_at == midnight  # not 00:56 the next day


def test_no_start_after_the_training_period(world):
    enrolment = trainee(world, 90)
    with pytest.raises(services.GateRefusal):
        services.attempt_start(
            quiz=world["progress_test"], user=enrolment.user, now=kst(END + datetime.timedelta(days=1), 9)
        )


def test_a_closed_window_does_not_stop_the_clock(world):
    """Window closed at minute 10 of 60, reopened at minute 70 → the attempt is closed with the saved answers."""
    enrolment = trainee(world, 90)
    start = kst(DAY, 10)
    attempt = services.attempt_start(quiz=world["final_test"], user=enrolment.user, now=start)
    first = attempt.question_ids[0]
    services.attempt_save_answers(
        attempt=attempt, raw_answers={first: ["true"]}, now=start + datetime.timedelta(minutes=5)
    )

    with pytest.raises(services.GateRefusal):  # reopening at minute 70: closed, and no second attempt
        services.attempt_start(
            quiz=world["final_test"], user=enrolment.user, now=start + datetime.timedelta(minutes=70)
        )

    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.TIMED_OUT
    assert attempt.score == 25  # the one saved answer of four, graded
    assert attempt.answers.get(question_id=first).points == 1


def test_saved_answers_are_submitted_at_24_00_and_later_answers_refused(world):
    enrolment = trainee(world, 90)
    attempt = services.attempt_start(quiz=world["final_test"], user=enrolment.user, now=kst(END, 23, 50))
    first, second = attempt.question_ids[:2]
    services.attempt_save_answers(attempt=attempt, raw_answers={first: ["true"]}, now=kst(END, 23, 59, 59))

    with pytest.raises(services.AssessmentError):  # 00:00:05: within the usual grace, but the inputs froze
        services.attempt_save_answers(
            attempt=attempt, raw_answers={second: ["true"]}, now=kst(END + datetime.timedelta(days=1), 0, 0, 5)
        )

    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.TIMED_OUT and attempt.score == 25
    assert not attempt.answers.filter(question_id=second, response=True).exists()


def test_the_sweeper_submits_at_24_00_attempts_whose_trainee_is_gone(world):
    enrolment = trainee(world, 90)
    attempt = services.attempt_start(quiz=world["final_test"], user=enrolment.user, now=kst(END, 23, 30))
    services.attempt_save_answers(attempt=attempt, raw_answers=answer_all(attempt), now=kst(END, 23, 40))

    assert services.attempts_close_overdue(now=kst(END, 23, 59, 59)) == 0
    assert services.attempts_close_overdue(now=kst(END + datetime.timedelta(days=1), 0)) == 1

    attempt.refresh_from_db()
    assert attempt.state == Attempt.State.TIMED_OUT and attempt.score == 100


def test_the_start_view_answers_403_and_the_quiz_page_says_when_it_opens(client):
    today = timezone.localdate()
    world = funded_course(end=today + datetime.timedelta(days=10))
    enrolment = trainee(world, 79)
    quiz = world["final_test"]
    client.force_login(enrolment.user)

    page = client.get(quiz.url)
    response = client.post(reverse("assessments:start", args=[quiz.pk]))

    assert "진도율 80%부터 응시 가능" in page.content.decode()
    assert reverse("assessments:start", args=[quiz.pk]) not in page.content.decode()
    assert response.status_code == 403
    assert "진도율 80%부터 응시 가능" in response.content.decode()
    assert not Attempt.objects.exists()


def test_unfunded_runs_keep_the_quizs_own_rules(world):
    unfunded = funded_course(funded=False)
    enrolment = f.enrolment(unfunded["run"], progress_percent=0)
    quiz = unfunded["final_test"]  # a final test, progress 0, after 23:57 on what would be the last day

    first = services.attempt_start(quiz=quiz, user=enrolment.user, now=kst(END, 23, 58))
    services.attempt_submit(attempt=first, now=kst(END, 23, 59))
    second = services.attempt_start(quiz=quiz, user=enrolment.user, now=kst(END + datetime.timedelta(days=1), 9))

    assert first.freeze_at is None and first.deadline == kst(END, 23, 58) + datetime.timedelta(minutes=60)
    assert second.number == 2
    services.attempt_submit(attempt=second)
    with pytest.raises(services.AssessmentError) as refused:
        services.attempt_start(quiz=quiz, user=enrolment.user)
    assert not isinstance(refused.value, services.GateRefusal)  # the usual message and redirect


def test_the_assignment_gate_opens_at_80_percent_for_the_assignment_activity(world):
    from assessments.funded import gate_refusal

    enrolment = trainee(world, 79)
    with translation.override("ko"):
        assert "진도율 80%부터 응시 가능" in gate_refusal(enrolment=enrolment, kind="assignment", now=kst(DAY, 10))
        assert "23:57" in gate_refusal(enrolment=trainee(world, 80), kind="assignment", now=kst(END, 23, 57))
    assert gate_refusal(enrolment=trainee(world, 80), kind="assignment", now=kst(DAY, 10)) == ""
    unfunded = f.enrolment(funded_course(funded=False)["run"], progress_percent=0)
    assert gate_refusal(enrolment=unfunded, kind="assignment", now=kst(END, 23, 59)) == ""
