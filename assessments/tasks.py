"""Background work for assessments: closing attempts at their deadline."""

from __future__ import annotations

from celery import shared_task

from . import services
from .models import Attempt


@shared_task(acks_late=True)
def attempt_close_task(attempt_id: int) -> bool:
    """Close one attempt at its deadline with what was saved; nothing happens if it is already closed."""
    from django.utils import timezone

    attempt = Attempt.objects.filter(pk=attempt_id).first()
    if attempt is None or not attempt.is_open or not services.past_deadline(attempt, timezone.now()):
        return False  # submitted already, or woken early: the sweeper closes it later if need be
    services.attempt_close(attempt=attempt, timed_out=True)
    return True


@shared_task
def attempts_close_overdue_task() -> int:
    """The sweeper: closes attempts whose timed task was lost (a broker restart, a dead worker)."""
    return services.attempts_close_overdue()


@shared_task(acks_late=True)
def similarity_check_attempt_task(attempt_id: int) -> int:
    """모사답안: compare a closed attempt's essays with the course's other trainees (funded runs)."""
    from .similarity import similarity_check_attempt

    return len(similarity_check_attempt(attempt_id=attempt_id))


@shared_task(acks_late=True)
def similarity_check_course_task(course_id: int) -> int:
    """모사답안: compare every submission of a course's funded runs, per item, across its runs."""
    from courses.models import CoursePage

    from .similarity import similarity_check

    course = CoursePage.objects.filter(pk=course_id).first()
    return len(similarity_check(course=course)) if course is not None else 0


@shared_task
def similarity_check_nightly_task() -> int:
    """The nightly check: one task per course with a funded run (beat: ``assessments-similarity-nightly``)."""
    from .similarity import courses_to_check_nightly

    course_ids = courses_to_check_nightly()
    for course_id in course_ids:
        similarity_check_course_task.delay(course_id)
    return len(course_ids)


@shared_task(acks_late=True)
def similarity_check_submission_task(submission_id: int) -> int:
    """모사답안: compare a submitted assignment with the course's other trainees (funded runs)."""
    from .similarity import similarity_check_submission

    return len(similarity_check_submission(submission_id=submission_id))


@shared_task(acks_late=True)
def final_assessment_open_notices_task() -> int:
    """Daily (beat ``assessments-final-assessment-open-notices``): 최종평가 opening, once per trainee and run."""
    from .notices import final_assessment_open_notices_send

    return final_assessment_open_notices_send()
