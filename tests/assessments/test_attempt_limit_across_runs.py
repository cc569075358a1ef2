"""Attempt limits count a trainee's attempts at a quiz in every run of the course, and number them so."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from assessments import services
from assessments.models import Attempt
from courses.models import Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_runs():
    institute = f.institute_page()
    course = f.course_page(institute, min_progress_percent=0)
    bank = f.question_bank(institute, course)
    quiz = f.quiz_page(course, [f.question(bank, "true_false", correct_answer=True)], max_attempts=2)
    first_run = f.course_run(course, title="2026년 1차")
    second_run = f.course_run(course, title="2026년 2차")
    enrolment = f.enrolment(first_run)
    return {"quiz": quiz, "course": course, "second_run": second_run, "enrolment": enrolment, "user": enrolment.user}


def submit(quiz, user, answer="false"):
    attempt = services.attempt_start(quiz=quiz, user=user)
    return services.attempt_submit(attempt=attempt, raw_answers={attempt.question_ids[0]: [answer]})


def move_to_the_second_run(setup) -> Enrolment:
    Enrolment.objects.filter(pk=setup["enrolment"].pk).update(status=Enrolment.Status.WITHDRAWN)
    return f.enrolment(setup["second_run"], user=setup["user"])


def test_attempts_in_run_1_count_in_run_2(two_runs):
    quiz, user = two_runs["quiz"], two_runs["user"]
    submit(quiz, user)
    submit(quiz, user)
    second = move_to_the_second_run(two_runs)

    with pytest.raises(services.AssessmentError, match="2"):
        services.attempt_start(quiz=quiz, user=user)
    assert not Attempt.objects.filter(enrolment=second).exists()


def test_numbering_continues_across_runs_and_the_grade_counts_for_the_current_run(two_runs):
    quiz, user = two_runs["quiz"], two_runs["user"]
    first = submit(quiz, user)
    second_enrolment = move_to_the_second_run(two_runs)

    second = submit(quiz, user, answer="true")

    assert (first.number, first.enrolment_id) == (1, two_runs["enrolment"].pk)
    assert (second.number, second.enrolment_id) == (2, second_enrolment.pk)
    assert Enrolment.objects.get(pk=second_enrolment.pk).status == Enrolment.Status.COMPLETED


def test_an_attempt_left_open_in_an_earlier_run_is_resumed_not_doubled(two_runs):
    quiz, user = two_runs["quiz"], two_runs["user"]
    open_attempt = services.attempt_start(quiz=quiz, user=user)
    move_to_the_second_run(two_runs)

    again = services.attempt_start(quiz=quiz, user=user)

    assert again.pk == open_attempt.pk
    assert Attempt.objects.filter(quiz=quiz, user=user).count() == 1


def test_the_quiz_page_counts_attempts_of_every_run(client, two_runs):
    quiz, user = two_runs["quiz"], two_runs["user"]
    submit(quiz, user)
    move_to_the_second_run(two_runs)
    client.force_login(user)

    page = client.get(quiz.url)

    assert page.context["attempts_left"] == 1
    assert [row.earlier_run for row in page.context["attempt_rows"]] == [True]
    assert page.context["kept"] is None  # the grade of run 1 does not count for run 2
    submit(quiz, user)
    page = client.get(quiz.url)
    assert page.context["attempts_left"] == 0
    assert reverse("assessments:start", args=[quiz.pk]) not in page.content.decode()


def test_the_migration_numbers_each_trainees_attempts_in_start_order(two_runs):
    quiz, user = two_runs["quiz"], two_runs["user"]
    first, second = submit(quiz, user), submit(quiz, user)
    Attempt.objects.filter(pk=first.pk).update(number=7)  # as numbered per enrolment before, out of order
    Attempt.objects.filter(pk=second.pk).update(number=3)
    migration = importlib.import_module("assessments.migrations.0002_attempt_numbers_per_trainee")

    migration.number_per_trainee(apps, None)

    assert list(Attempt.objects.order_by("number").values_list("pk", "number")) == [(first.pk, 1), (second.pk, 2)]


def test_a_grade_earned_in_an_earlier_run_counts_for_the_run_studied_now():
    """Attempts are the trainee's, not the run's: a pass from run 1 is not lost by moving to run 2
    (where no attempt may be left to earn it again)."""
    from courses import services as course_services

    institute = f.institute_page()
    course = f.course_page(institute)
    lesson = f.lesson_page(course, minutes=0)
    bank = f.question_bank(institute, course)
    quiz = f.quiz_page(course, [f.question(bank, "true_false", correct_answer=True)], max_attempts=1)
    first = f.enrolment(f.course_run(course, title="2026년 1차"))
    user = first.user
    passed = submit(quiz, user, answer="true")
    assert passed.passed and Enrolment.objects.get(pk=first.pk).status == Enrolment.Status.ACTIVE  # lesson left
    Enrolment.objects.filter(pk=first.pk).update(status=Enrolment.Status.WITHDRAWN)
    second = f.enrolment(f.course_run(course, title="2026년 2차"), user=user)

    course_services.lesson_complete(user=user, lesson=lesson)

    assert Enrolment.objects.get(pk=second.pk).status == Enrolment.Status.COMPLETED
