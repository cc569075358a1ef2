"""Celery tasks of funded-training compliance."""

from __future__ import annotations

import datetime

from celery import shared_task


@shared_task(acks_late=True)
def proxy_flags_nightly_task(day: str | None = None) -> dict[str, int]:
    """대리수강 clusters of the previous KST day (or ``day``, ISO) in every funded run; safe to run twice."""
    from .proxy import previous_kst_day, proxy_flags_build

    target = datetime.date.fromisoformat(day) if day else previous_kst_day()
    return proxy_flags_build(day=target)
