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
