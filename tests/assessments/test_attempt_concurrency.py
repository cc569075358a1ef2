"""The attempt limit holds under concurrent starts on PostgreSQL, in one run and across the runs of a course."""

import pytest
from django.urls import reverse

from assessments import services
from assessments.models import Attempt
from tests import factories as f
from tests.support.concurrency import post_together

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_concurrent_starts_create_one_attempt_and_respect_the_limit():
    institute = f.institute_page()
    course = f.course_page(institute)
    bank = f.question_bank(institute, course)
    quiz = f.quiz_page(course, [f.question(bank, "true_false", correct_answer=True)], max_attempts=2)
    enrolment = f.enrolment(f.course_run(course))
    services.attempt_submit(attempt=services.attempt_start(quiz=quiz, user=enrolment.user))  # attempt 1 used
    statuses = post_together(enrolment.user, reverse("assessments:start", args=[quiz.pk]), [{}] * 12)

    assert statuses == [302] * 12
    assert list(Attempt.objects.filter(enrolment=enrolment).order_by("number").values_list("number", "state")) == [
        (1, "submitted"),
        (2, "in_progress"),
    ]
    services.attempt_submit(attempt=Attempt.objects.get(number=2))
    with pytest.raises(services.AssessmentError):
        services.attempt_start(quiz=quiz, user=enrolment.user)
    assert Attempt.objects.filter(enrolment=enrolment).count() == 2


def test_concurrent_starts_in_a_second_run_count_the_attempts_of_the_first():
    institute = f.institute_page()
    course = f.course_page(institute)
    bank = f.question_bank(institute, course)
    quiz = f.quiz_page(course, [f.question(bank, "true_false", correct_answer=True)], max_attempts=2)
    first = f.enrolment(f.course_run(course, title="2026년 1차"))
    user = first.user
    services.attempt_submit(attempt=services.attempt_start(quiz=quiz, user=user))  # attempt 1, in run 1
    second = f.enrolment(f.course_run(course, title="2026년 2차"), user=user)  # the latest run: attempts go there
    statuses = post_together(user, reverse("assessments:start", args=[quiz.pk]), [{}] * 12)

    assert statuses == [302] * 12
    assert list(
        Attempt.objects.filter(quiz=quiz, user=user).order_by("number").values_list("number", "enrolment_id", "state")
    ) == [(1, first.pk, "submitted"), (2, second.pk, "in_progress")]
    services.attempt_submit(attempt=Attempt.objects.get(quiz=quiz, number=2))
    with pytest.raises(services.AssessmentError):
        services.attempt_start(quiz=quiz, user=user)
