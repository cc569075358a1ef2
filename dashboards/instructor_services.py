"""Writes of the instructor dashboard: a reminder to chosen trainees of one run."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy

from courses.models import CourseRun, Enrolment
from notifications.services import notify
from ops.audit import audit_record

SUBJECT_MAX = 120
MESSAGE_MAX = 1000


class ReminderError(ValueError):
    """The reminder names an enrolment that is not a studying trainee of the run."""


def run_trainees_remind(*, run: CourseRun, actor, enrolments: Sequence[Enrolment], subject: str, message: str) -> int:
    """Send ``subject`` and ``message`` (in the app and, by the trainees' preference, by e-mail) to
    the trainees of ``enrolments``, which must be studying in ``run``; audited. Returns how many
    notifications were written.

    The text is the sender's own, in their language: it is stored as written for both languages.
    """
    ids = sorted({enrolment.pk for enrolment in enrolments})
    if not ids:
        raise ReminderError("no trainee chosen")
    digest = hashlib.sha256(f"{subject.strip()}\n{message.strip()}".encode()).hexdigest()[:16]
    with transaction.atomic():
        rows = list(
            Enrolment.objects.filter(pk__in=ids, run=run, status=Enrolment.Status.ACTIVE).values_list("pk", "user_id")
        )
        if len(rows) != len(ids):
            raise ReminderError("an enrolment is not a studying trainee of this run")
        user_ids = [user_id for _pk, user_id in rows]
        sent = notify(
            users=user_ids,
            kind="reminder",
            message=format_lazy("{subject}: {message}", subject=subject.strip(), message=message.strip()),
            url=run.course.url or "",
            # the same text to the same trainees of this run on the same day is sent once (a double click)
            key=f"run-reminder:{run.pk}:{timezone.localdate():%Y%m%d}:{digest}",
        )
        audit_record(
            action="dashboards.run_reminder",
            actor=actor,
            obj=run,
            data={"enrolments": ids, "subject": subject.strip()[:SUBJECT_MAX], "sent": sent},
        )
    return sent
