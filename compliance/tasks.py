"""Background work of compliance: sending the 공단 reporting outbox (hourly, ``CELERY_BEAT_SCHEDULE``)."""

from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True)
def emon_send_task() -> dict:
    """Send what is due (``compliance.emon.sending.emon_send``); safe to run twice or concurrently."""
    from .emon.sending import emon_send

    result = emon_send()
    return {"sent": result.sent, "errors": result.errors, "alerted": len(result.alerted)}
