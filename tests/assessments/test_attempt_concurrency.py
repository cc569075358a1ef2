"""The attempt limit holds under concurrent starts on PostgreSQL, in one run and across the runs of a course."""

import threading

import pytest
from django.db import close_old_connections
from django.test import Client
from django.urls import reverse

from assessments import services
from assessments.models import Attempt
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_concurrent_starts_create_one_attempt_and_respect_the_limit():
    institute = f.institute_page()
    course = f.course_page(institute)
    bank = f.question_bank(institute, course)
    quiz = f.quiz_page(course, [f.question(bank, "true_false", correct_answer=True)], max_attempts=2)
    enrolment = f.enrolment(f.course_run(course))
    services.attempt_submit(attempt=services.attempt_start(quiz=quiz, user=enrolment.user))  # attempt 1 used
    barrier = threading.Barrier(12)
    statuses = []

    def start():
        try:
            client = Client()
            client.force_login(enrolment.user)
            barrier.wait(timeout=30)
            statuses.append(client.post(reverse("assessments:start", args=[quiz.pk])).status_code)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=start) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

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
    barrier = threading.Barrier(12)
    statuses = []

    def start():
        try:
            client = Client()
            client.force_login(user)
            barrier.wait(timeout=30)
            statuses.append(client.post(reverse("assessments:start", args=[quiz.pk])).status_code)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=start) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert statuses == [302] * 12
    assert list(
        Attempt.objects.filter(quiz=quiz, user=user).order_by("number").values_list("number", "enrolment_id", "state")
    ) == [(1, first.pk, "submitted"), (2, second.pk, "in_progress")]
    services.attempt_submit(attempt=Attempt.objects.get(quiz=quiz, number=2))
    with pytest.raises(services.AssessmentError):
        services.attempt_start(quiz=quiz, user=user)
