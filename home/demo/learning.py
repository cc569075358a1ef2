"""The demo trainee's learning: one course under way, one request, one course completed.

Everything goes through the course services, as a real trainee's actions would; a second run
finds the enrolments in place and changes nothing.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from accounts.models import User
from courses import services as course_services
from courses.models import CoursePage, Enrolment, LessonPage, LessonProgress

STUDYING = "flight-safety-aviation-law"
REQUESTED = "defense-tech-security"
COMPLETED = "defense-quality-management"


def _first_run(course: CoursePage):
    return course.runs.order_by("starts_on").first()


def _study(enrolment: Enrolment, lessons: list[LessonPage]) -> None:
    """Record lessons as studied for their full time and finished, then let the rule decide."""
    now = timezone.now()
    for lesson in lessons:
        LessonProgress.objects.update_or_create(
            enrolment=enrolment,
            lesson=lesson,
            defaults={
                "seconds_studied": lesson.study_minutes * 60,
                "started_at": now - datetime.timedelta(minutes=lesson.study_minutes),
                "completed_at": now,
            },
        )
    course_services.enrolments_recount_seconds([enrolment.pk])
    course_services.enrolment_refresh_progress(enrolment=enrolment)


def _pass_quiz(quiz, trainee: User) -> None:
    """Take the quiz with the right answers, through the same services a trainee's browser uses."""
    from assessments import services as assessment_services
    from assessments.models import Question

    attempt = assessment_services.attempt_start(quiz=quiz, user=trainee)
    answers = {}
    for question in Question.objects.filter(pk__in=attempt.question_ids).prefetch_related("choices"):
        if question.type in ("single", "multiple"):
            answers[question.pk] = [attempt.choice_token(c.pk) for c in question.choices.all() if c.weight > 0]
        elif question.type == "true_false":
            answers[question.pk] = ["true" if question.correct_answer else "false"]
        elif question.type == "short":
            answers[question.pk] = [question.accepted_answer_list[0]]
        else:
            answers[question.pk] = [str(question.numeric_answer)]
    assessment_services.attempt_submit(attempt=attempt, raw_answers=answers)


def load_learning(trainee: User, courses: dict[str, CoursePage], quizzes: dict) -> None:
    studying = courses[STUDYING]
    run = _first_run(studying)
    if not Enrolment.objects.filter(user=trainee, run=run).exists():
        enrolment = course_services.enrolment_request(user=trainee, run=run)
        _study(enrolment, list(studying.lessons()[:2]))

    requested = courses[REQUESTED]
    run = _first_run(requested)
    if not Enrolment.objects.filter(user=trainee, run=run).exists():
        course_services.enrolment_request(user=trainee, run=run)

    completed = courses[COMPLETED]
    run = _first_run(completed)
    if not Enrolment.objects.filter(user=trainee, run=run).exists():
        enrolment = course_services.enrolment_request(user=trainee, run=run)
        _study(enrolment, list(completed.lessons()))
        _pass_quiz(quizzes[COMPLETED], trainee)
