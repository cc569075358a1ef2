"""Sending the outbox (the hourly ``emon_send`` task) and the staff's resend.

Per endpoint, batches of at most ``ACADEMY_EMON_BATCH_SIZE`` of the oldest rows that are pending,
or in error and past their backoff, are locked with ``select_for_update(skip_locked=True)`` (two
workers never send one row twice: the second skips what the first holds), sent, and marked by the
answer's code in the same transaction: ``"200"`` sent, anything else error with the code and the
message, retried after 1, 2, 4, then every 8 hours (less five minutes, so the hourly run that
follows picks it up). A sent row is never touched again: every update here is limited to unsent
rows. Running it twice sends nothing twice (idempotent).

An error row still unsent ``ACADEMY_EMON_ALERT_HOURS`` (24) after its first error raises the
operator alert: a log line at ERROR and one e-mail per run of the task listing the rows newly
overdue (to ``ACADEMY_EMON_ALERT_EMAILS``, else the ADMINS); each row alerts once (``alerted_at``).
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from accounts.resident import numbers_for_report
from ops.audit import audit_record

from ..models import EmonRecord
from .payloads import wire_row
from .transport import Transport, get_transport

logger = logging.getLogger("compliance.emon")

#: The most batches one run sends per endpoint (a guard; 500 × 200 rows an hour is far beyond need).
MAX_BATCHES = 200


def backoff(attempts: int) -> datetime.timedelta:
    hours = min(2 ** max(attempts - 1, 0), 8)
    return datetime.timedelta(hours=hours) - datetime.timedelta(minutes=5)


def due(now: datetime.datetime):
    return EmonRecord.objects.filter(
        Q(state=EmonRecord.State.PENDING)
        | Q(state=EmonRecord.State.ERROR) & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
    )


@dataclass
class SendResult:
    sent: int = 0
    errors: int = 0
    alerted: list[int] = field(default_factory=list)


def emon_send(*, now: datetime.datetime | None = None, transport: Transport | None = None) -> SendResult:
    now = now or timezone.now()
    transport = transport or get_transport()
    result = SendResult()
    for endpoint in EmonRecord.Endpoint.values:
        for _batch in range(MAX_BATCHES):
            with transaction.atomic():
                rows = list(
                    due(now)
                    .filter(endpoint=endpoint)
                    .select_for_update(skip_locked=True)
                    .order_by("seq")[: settings.ACADEMY_EMON_BATCH_SIZE]
                )
                if not rows:
                    break
                numbers = numbers_for_report([row.user_id for row in rows if "resNo" in row.payload])
                answer = transport.send(endpoint, [wire_row(row, res_no=numbers.get(row.user_id, "")) for row in rows])
                del numbers
                if answer is None:  # the "none" transport: nothing leaves the machine
                    break
                seqs = [row.seq for row in rows]
                unsent = EmonRecord.objects.unsent().filter(seq__in=seqs)
                if answer.ok:
                    result.sent += unsent.update(
                        state=EmonRecord.State.SENT,
                        attempts=F("attempts") + 1,
                        sent_at=now,
                        last_code=answer.code,
                        last_msg=answer.msg,
                        last_attempt_at=now,
                        next_attempt_at=None,
                    )
                else:
                    result.errors += len(seqs)
                    for row in rows:
                        attempts = row.attempts + 1
                        EmonRecord.objects.unsent().filter(seq=row.seq).update(
                            state=EmonRecord.State.ERROR,
                            attempts=attempts,
                            last_code=answer.code[:32],
                            last_msg=answer.msg,
                            last_attempt_at=now,
                            first_error_at=row.first_error_at or now,
                            next_attempt_at=now + backoff(attempts),
                        )
                    logger.warning("EMON %s: %s rows refused (%s %s)", endpoint, len(seqs), answer.code, answer.msg)
                    continue
    result.alerted = emon_alert_overdue(now=now)
    return result


def emon_alert_overdue(*, now: datetime.datetime) -> list[int]:
    """Rows in error for ``ACADEMY_EMON_ALERT_HOURS``: one log line and one e-mail, once per row."""
    cutoff = now - datetime.timedelta(hours=settings.ACADEMY_EMON_ALERT_HOURS)
    with transaction.atomic():
        overdue = list(
            EmonRecord.objects.select_for_update(skip_locked=True)
            .filter(state=EmonRecord.State.ERROR, first_error_at__lte=cutoff, alerted_at__isnull=True)
            .order_by("seq")
        )
        if not overdue:
            return []
        seqs = [row.seq for row in overdue]
        EmonRecord.objects.unsent().filter(seq__in=seqs).update(alerted_at=now)
        lines = [
            f"#{row.seq} {row.endpoint} run={row.run_id or '-'} since {row.first_error_at:%Y-%m-%d %H:%M} UTC: "
            f"{row.last_code} {row.last_msg[:200]}"
            for row in overdue
        ]
        logger.error("EMON: %s rows unsent for %s h: %s", len(seqs), settings.ACADEMY_EMON_ALERT_HOURS, seqs[:50])
        recipients = list(settings.ACADEMY_EMON_ALERT_EMAILS) or [address for _name, address in settings.ADMINS]
        if recipients:
            body = (
                f"{len(seqs)} EMON rows have failed for more than {settings.ACADEMY_EMON_ALERT_HOURS} hours "
                "(the 공단 reporting outbox; see Course runs → run → EMON reports).\n\n" + "\n".join(lines[:200])
            )
            transaction.on_commit(
                lambda: send_mail(
                    f"[Academy] EMON: {len(seqs)} rows unsent for {settings.ACADEMY_EMON_ALERT_HOURS} h",
                    body,
                    None,
                    recipients,
                )
            )
    return seqs


@transaction.atomic
def emon_resend(*, run, actor) -> int:
    """Put a run's error rows back to pending (sent with the next run of the sender, which is
    started at once after commit); recorded in the audit trail."""
    seqs = list(
        EmonRecord.objects.select_for_update()
        .filter(run=run, state=EmonRecord.State.ERROR)
        .order_by("seq")
        .values_list("seq", flat=True)
    )
    if not seqs:
        return 0
    EmonRecord.objects.unsent().filter(seq__in=seqs).update(state=EmonRecord.State.PENDING, next_attempt_at=None)
    audit_record(action="compliance.emon_resend", actor=actor, obj=run, data={"rows": len(seqs), "seqs": seqs[:500]})
    from ..tasks import emon_send_task

    transaction.on_commit(emon_send_task.delay, robust=True)
    return len(seqs)
