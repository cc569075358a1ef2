"""The tamper-evident audit trail (DOMAIN-KR §1.10): write an entry, verify the chain.

Every app records what an inspector or a 개인정보 보호책임자 may ask about (staff overrides,
identity checks, 모사 and 대리수강 decisions, retake grants, exports, every change to a completion
or a certificate) with ``audit_record``, inside the transaction of the change, so the entry exists
exactly when the change does. Entries are chained: each stores the previous entry's hash and its
own, SHA-256 over the previous hash and the canonical JSON of its fields. Appends are serialised
(a PostgreSQL advisory lock held to the end of the transaction; SQLite writes one at a time), so
the chain has no forks. ``audit_chain_verify`` recomputes the chain and names the first entry
whose stored hash no longer matches (an edited row) or whose ``prev_hash`` does not name the
entry before it (a removed or inserted row).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ops.requestcontext import current_client

from .models import AuditChainCheck, AuditEvent

logger = logging.getLogger(__name__)

GENESIS = "0" * 64
#: pg_advisory_xact_lock key of the chain's head ("audit" in ASCII).
_LOCK_KEY = 0x6175646974
_VERIFY_BATCH = 2000


def _canonical(*, at, actor_id, actor_address, subject_user_id, object_type, object_id, action, reason, data) -> str:
    return json.dumps(
        {
            "at": at.astimezone(datetime.UTC).isoformat(timespec="microseconds"),
            "actor": actor_id,
            "actor_address": actor_address,
            "subject_user": subject_user_id,
            "object_type": object_type,
            "object_id": str(object_id),
            "action": action,
            "reason": reason,
            "data": data,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )


def entry_hash(prev_hash: str, canonical: str) -> str:
    return hashlib.sha256((prev_hash + canonical).encode()).hexdigest()


def _normalised(data) -> dict:
    """The data as it will read back from the JSON column (dates as text, tuples as lists)."""
    return json.loads(json.dumps(data or {}, default=str, ensure_ascii=False))


def object_label(obj) -> tuple[str, str]:
    """("app_label.model", pk) of a model instance; ("", "") for None."""
    if obj is None:
        return "", ""
    meta = obj._meta
    return f"{meta.app_label}.{meta.model_name}", str(obj.pk)


@transaction.atomic
def audit_record(
    *,
    action: str,
    actor=None,
    subject_user=None,
    obj=None,
    object_type: str = "",
    object_id: str | int = "",
    reason: str = "",
    data: dict | None = None,
    address: str | None = None,
    at: datetime.datetime | None = None,
) -> AuditEvent:
    """Append one entry. ``action`` is a dotted name ("courses.completion_override"); ``obj`` a
    model instance (or give ``object_type``/``object_id``); ``address`` defaults to the current
    request's client address. Never put secrets or a 주민등록번호 in ``data``."""
    if obj is not None:
        object_type, object_id = object_label(obj)
    if address is None:
        address = current_client().address
    actor_id = getattr(actor, "pk", actor) if actor is not None and getattr(actor, "is_authenticated", True) else None
    subject_id = getattr(subject_user, "pk", subject_user)
    data = _normalised(data)
    at = at or timezone.now()
    with transaction.atomic():  # the advisory lock holds until the caller's transaction (or this one) ends
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
        return _append(
            at=at,
            actor_id=actor_id,
            address=address,
            subject_id=subject_id,
            object_type=object_type,
            object_id=object_id,
            action=action,
            reason=reason,
            data=data,
        )


def _append(*, at, actor_id, address, subject_id, object_type, object_id, action, reason, data) -> AuditEvent:
    prev_hash = AuditEvent.objects.order_by("-pk").values_list("hash", flat=True).first() or GENESIS
    fields = {
        "at": at,
        "actor_id": actor_id,
        "actor_address": address or "",
        "subject_user_id": subject_id,
        "object_type": object_type,
        "object_id": str(object_id),
        "action": action,
        "reason": reason or "",
        "data": data,
    }
    digest = entry_hash(prev_hash, _canonical(**fields))
    return AuditEvent.objects.create(prev_hash=prev_hash, hash=digest, **fields)


@dataclass(frozen=True)
class ChainReport:
    checked: int
    head_hash: str
    broken_id: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_id is None


def audit_chain_verify() -> ChainReport:
    """Recompute the whole chain in id order; the first entry that does not hold is named."""
    prev_hash = GENESIS
    checked = 0
    last_pk = 0
    while True:
        batch = list(AuditEvent.objects.filter(pk__gt=last_pk).order_by("pk")[:_VERIFY_BATCH])
        if not batch:
            return ChainReport(checked=checked, head_hash=prev_hash)
        for event in batch:
            if event.prev_hash != prev_hash:
                return ChainReport(checked, prev_hash, event.pk, "prev_hash")
            canonical = _canonical(
                at=event.at,
                actor_id=event.actor_id,
                actor_address=event.actor_address,
                subject_user_id=event.subject_user_id,
                object_type=event.object_type,
                object_id=event.object_id,
                action=event.action,
                reason=event.reason,
                data=event.data,
            )
            if entry_hash(prev_hash, canonical) != event.hash:
                return ChainReport(checked, prev_hash, event.pk, "hash")
            prev_hash = event.hash
            checked += 1
            last_pk = event.pk


def audit_chain_check(*, now: datetime.datetime | None = None) -> AuditChainCheck:
    """The daily check (``ops.tasks.audit_chain_check_task``): verify the chain, keep the result,
    log it (ERROR when broken) and mail it to the 개인정보 보호책임자
    (``ACADEMY_PRIVACY_OFFICER_EMAIL``): the head hash and the count, or the first broken entry.
    The mail goes through the outbox in the same transaction as the stored result."""
    report = audit_chain_verify()
    recipient = settings.ACADEMY_PRIVACY_OFFICER_EMAIL
    with transaction.atomic():
        check = AuditChainCheck.objects.create(
            ran_at=now or timezone.now(),
            checked=report.checked,
            head_hash=report.head_hash,
            broken_id=report.broken_id,
            problem=report.problem,
            mailed_to=recipient,
        )
        if report.ok:
            logger.info("audit chain verified: %s entries, head %s", report.checked, report.head_hash)
        else:
            logger.error(
                "audit chain broken at entry %s (%s) after %s good entries",
                report.broken_id,
                report.problem,
                report.checked,
            )
        if recipient:
            with translation.override("ko"):
                subject, body = _chain_mail(check)
            send_mail(subject, body, None, [recipient])
        else:
            logger.warning("ACADEMY_PRIVACY_OFFICER_EMAIL is not set: the audit chain result was not mailed")
    return check


def _chain_mail(check: AuditChainCheck) -> tuple[str, str]:
    when = f"{timezone.localtime(check.ran_at):%Y.%m.%d %H:%M} KST"  # as common.dates writes it (ops may not import it)
    if check.ok:
        subject = _("Audit trail verified: %(count)s entries") % {"count": check.checked}
        body = _(
            "The daily check of the audit trail found the chain intact.\n\n"
            "Checked at: %(when)s\nEntries verified: %(count)s\nHead hash: %(hash)s\n\n"
            "Keep this message: the head hash proves what the trail held at this time."
        ) % {"when": when, "count": check.checked, "hash": check.head_hash}
    else:
        subject = _("Audit trail BROKEN at entry %(id)s") % {"id": check.broken_id}
        body = _(
            "The daily check of the audit trail found a broken link.\n\n"
            "Checked at: %(when)s\nFirst broken entry: %(id)s (%(problem)s)\n"
            "Entries verified before it: %(count)s\nLast good hash: %(hash)s\n\n"
            "An entry was edited, removed or inserted behind the application's back. "
            "Investigate before the next check."
        ) % {
            "when": when,
            "id": check.broken_id,
            "problem": check.problem,
            "count": check.checked,
            "hash": check.head_hash,
        }
    return subject, body
