"""Background work of compliance. Each task takes ids only and calls a service."""

from __future__ import annotations

import datetime

from celery import shared_task
from django.db import InterfaceError, OperationalError

from . import evidence, retention

#: Errors worth trying again: the database or the storage briefly away.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, OSError, ConnectionError)


@shared_task(acks_late=True, autoretry_for=TRANSIENT_ERRORS, retry_backoff=30, max_retries=8)
def evidence_pack_store_task(enrolment_id: int) -> bool:
    """Store one enrolment's evidence pack (CSV and PDF) if it has none. Safe to run twice."""
    return evidence.evidence_pack_store(enrolment_id=enrolment_id)


@shared_task(acks_late=True)
def evidence_packs_due_task() -> int:
    """Nightly (beat): one store task per enrolment of a funded run whose 훈련기간 has ended and that
    has no stored pack yet; a pack that failed is simply due again the next night."""
    due = evidence.evidence_packs_due()
    for enrolment_id in due:
        evidence_pack_store_task.delay(enrolment_id)
    return len(due)


@shared_task(acks_late=True, autoretry_for=TRANSIENT_ERRORS, retry_backoff=60, max_retries=5)
def retention_sweep_task() -> int:
    """Nightly (beat): destroy what is past its retention; the counts are logged, never the values."""
    return sum(sweep.count for sweep in retention.retention_sweep())


@shared_task(acks_late=True)
def proxy_flags_nightly_task(day: str | None = None) -> dict[str, int]:
    """대리수강 clusters of the previous KST day (or ``day``, ISO) in every funded run; safe to run twice."""
    from .proxy import previous_kst_day, proxy_flags_build

    target = datetime.date.fromisoformat(day) if day else previous_kst_day()
    return proxy_flags_build(day=target)


@shared_task(acks_late=True)
def emon_send_task() -> dict:
    """Send what is due (``compliance.emon.sending.emon_send``); safe to run twice or concurrently."""
    from .emon.sending import emon_send

    result = emon_send()
    return {"sent": result.sent, "errors": result.errors, "alerted": len(result.alerted)}


@shared_task(acks_late=True, autoretry_for=TRANSIENT_ERRORS, retry_backoff=60, max_retries=5)
def security_training_reminders_task(day: str | None = None) -> int:
    """Daily (beat): 보안교육 reminders 30 and 7 days before each member's due date; safe to run twice."""
    from .security_training import security_training_reminders_send

    return security_training_reminders_send(today=datetime.date.fromisoformat(day) if day else None)


@shared_task(acks_late=True, autoretry_for=TRANSIENT_ERRORS, retry_backoff=30, max_retries=8)
def pledge_receipt_task(signature_id: int) -> bool:
    """E-mail a signed pledge's PDF receipt to the signer (once)."""
    from .pledges import pledge_receipt_send

    return pledge_receipt_send(signature_id=signature_id)
