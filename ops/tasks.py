"""Background work of operations. Each task calls a service."""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError

from .audit import audit_chain_check


@shared_task(acks_late=True, autoretry_for=(OperationalError, InterfaceError), retry_backoff=60, max_retries=5)
def audit_chain_check_task() -> bool:
    """Daily (beat, early morning KST): verify the audit trail's chain and mail the result."""
    return audit_chain_check().ok
