"""Background work for accounts: delivering the e-mail outbox."""

from __future__ import annotations

from datetime import timedelta
from smtplib import SMTPException

from celery import shared_task
from django.utils import timezone

from . import services
from .models import OutboundEmail

MAX_ATTEMPTS = 8


@shared_task(
    bind=True,
    autoretry_for=(SMTPException, OSError, ConnectionError),
    retry_backoff=30,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=MAX_ATTEMPTS,
)
def email_deliver_task(self, email_id: int) -> bool:
    try:
        return services.email_deliver(email_id=email_id)
    except Exception as exc:
        if self.request.retries >= MAX_ATTEMPTS:
            services.email_mark_failed(email_id=email_id, error=repr(exc))
        raise


@shared_task
def email_sweep() -> int:
    """Re-enqueue messages still queued after five minutes (their task never reached the broker)."""
    cutoff = timezone.now() - timedelta(minutes=5)
    stuck = list(
        OutboundEmail.objects.filter(
            status=OutboundEmail.Status.QUEUED, created_at__lt=cutoff, attempts__lt=MAX_ATTEMPTS
        ).values_list("pk", flat=True)[:1000]
    )
    for email_id in stuck:
        email_deliver_task.delay(email_id)
    return len(stuck)
