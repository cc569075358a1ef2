"""Background work of the certificate domain. Each task takes ids only and calls a service."""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError

from . import services

#: Errors worth trying again: the database or the storage briefly away.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, OSError, ConnectionError)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=5,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=10,
)
def certificate_render_task(certificate_id: int) -> bool:
    """Render and issue one certificate. Safe to run twice, at once on two workers, or after a crash.

    Acknowledged only when done: a worker killed mid-render leaves the message to be delivered
    again (Redis: after the visibility timeout; the sweeper enqueues it sooner).
    """
    return services.certificate_render(certificate_id=certificate_id)


@shared_task(acks_late=True)
def certificate_sweep_task() -> int:
    """Every few minutes (beat): enqueue again the certificates still waiting for their PDF."""
    return len(services.certificates_sweep())


@shared_task(acks_late=True, autoretry_for=TRANSIENT_ERRORS, retry_backoff=60, max_retries=5)
def certificate_expiry_reminders_task() -> int:
    """Daily (beat): expiry reminders 90, 30 and 7 days before; each is sent once."""
    return services.expiry_reminders_send()


@shared_task
def verification_log_task(
    channel: str,
    client_hash: str,
    certificate_ids: list[int],
    unknown: int,
    api_key_id: int | None = None,
    found: int | None = None,
) -> int:
    """Write the one log row of one verification request (ids and counts only)."""
    from .verification import log_write

    return log_write(
        channel=channel,
        client_hash=client_hash,
        certificate_ids=certificate_ids,
        unknown=unknown,
        api_key_id=api_key_id,
        found=found,
    )
