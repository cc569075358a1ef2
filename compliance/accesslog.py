"""The restricted-access log of an organisation's people, for 실태조사 (DOMAIN-KR §3.3 F3.5); the HR
screens are ``hr/views_accesslog.py``, the demo's export ``home/demo_pledge.py``.

**Which entries.** ``courses.protection.restricted_access_log`` writes every view, render, download,
stream and enrolment attempt on restricted material as an ``ops.AuditEvent`` ("restricted.<action>")
whose ``data["organisations"]`` holds the person's organisations *at the time of access*. An
organisation's HR reads the entries that name their organisation there, so a former employee's
accesses stay in the log of the employer they worked for then, and a new employer never sees them.

**The signed PDF.** pyHanko (a real PDF signature) is not installed in the shared environment, so
the PDF carries an **HMAC-SHA256** under ``ACADEMY_EXPORT_SIGNING_KEY`` (derived from ``SECRET_KEY``
when empty) of the exported rows, the filter and the **audit chain's head hash** at export time.
Every export is itself an audit entry ("hr.access_log_export": who, the period, the person, the row
count, the last event id, the head hash, the HMAC, the reason and, for the PDF, the file's SHA-256). The /hr/
verify form takes a PDF: its SHA-256 must be that of an export of the HR's organisation, and the
HMAC, recomputed from the audit trail with the stored filter, must still match. One changed byte
of the file fails the first test; a changed row of the trail fails the second.

**Personal data (DOMAIN-KR §5.3).** The log names people (name, e-mail, address), so reading it is an
access to their personal data: the HR page records a VIEW of the people whose entries it shows
(``hr/views_accesslog.py``), and ``export_log`` refuses an export without the reason the HR person
typed (``ops.privacy.ExportReasonForm``) and records an EXPORT of everyone in the file with it.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.dates import kdatetime
from courses.models import CoursePage
from courses.protection import AUDIT_ACTION_PREFIX
from courses.protection import event_code as event_code_of
from ops.audit import audit_record
from ops.models import AuditEvent
from ops.privacy import Action, personal_data_access_record

EXPORT_ACTION = "hr.access_log_export"


@dataclass(frozen=True)
class LogFilter:
    """What an HR person asked for: their organisation, a period of KST dates, optionally one person."""

    organisation_id: int
    date_from: datetime.date
    date_to: datetime.date
    person_id: int | None = None

    def as_data(self) -> dict:
        return {
            "organisation": self.organisation_id,
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "person": self.person_id,
        }

    @classmethod
    def from_data(cls, data: dict) -> LogFilter:
        return cls(
            organisation_id=int(data["organisation"]),
            date_from=datetime.date.fromisoformat(data["from"]),
            date_to=datetime.date.fromisoformat(data["to"]),
            person_id=data.get("person"),
        )


def _bounds(log_filter: LogFilter) -> tuple[datetime.datetime, datetime.datetime]:
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(log_filter.date_from, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(log_filter.date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    return start, end


def access_events(log_filter: LogFilter, *, up_to_id: int | None = None):
    """The organisation's people's restricted-access entries in the period, oldest first."""
    start, end = _bounds(log_filter)
    events = AuditEvent.objects.filter(action__startswith=AUDIT_ACTION_PREFIX, at__gte=start, at__lt=end)
    if connection.vendor == "postgresql":
        events = events.filter(data__organisations__contains=[log_filter.organisation_id])
    else:  # SQLite (the embedded demo) has no JSON containment: the period's entries, read in Python
        wanted = [
            pk
            for pk, data in events.values_list("pk", "data")
            if log_filter.organisation_id in ((data or {}).get("organisations") or [])
        ]
        events = AuditEvent.objects.filter(pk__in=wanted)
    if log_filter.person_id:
        events = events.filter(subject_user_id=log_filter.person_id)
    if up_to_id is not None:
        events = events.filter(pk__lte=up_to_id)
    return events.select_related("subject_user").order_by("at", "pk")


def event_code(number: int) -> str:
    """The event id as a watermark prints it (base 36, upper case: ``watermark_event_id`` reads it)."""
    return event_code_of(number)


def header() -> list[str]:
    return [
        _("Event"),
        _("Time (KST)"),
        _("Name"),
        _("E-mail"),
        _("Action"),
        _("Result"),
        _("Item"),
        _("Course"),
        _("Address"),
    ]


def rows(events) -> list[list[str]]:
    """The exported cells of ``events`` (a list): all text, the course named in one query."""
    events = list(events)
    course_ids = {e.data.get("course") for e in events if isinstance(e.data.get("course"), int)}
    titles = dict(CoursePage.objects.filter(pk__in=course_ids).values_list("pk", "title")) if course_ids else {}
    out = []
    for event in events:
        person = event.subject_user
        course_id = event.data.get("course")
        out.append(
            [
                f"#{event_code(event.pk)}",
                timezone.localtime(event.at).strftime("%Y-%m-%d %H:%M:%S"),
                getattr(person, "name_ko", "") or "",
                getattr(person, "email", "") or "",
                event.action.removeprefix(AUDIT_ACTION_PREFIX),
                str(event.data.get("result", "")),
                f"{event.object_type}:{event.object_id}" if event.object_type else "",
                titles.get(course_id, str(course_id or "")),
                event.actor_address,
            ]
        )
    return out


def _key() -> bytes:
    explicit = settings.ACADEMY_EXPORT_SIGNING_KEY
    if explicit:
        return explicit.encode()
    return hashlib.sha256(b"academy-export-signing:" + settings.SECRET_KEY.encode()).digest()


def signature(*, log_filter: LogFilter, table: list[list[str]], chain_head: str) -> str:
    """HMAC-SHA256 (hex) of the filter, the rows and the audit chain's head hash."""
    payload = json.dumps(
        {"filter": log_filter.as_data(), "rows": table, "chain_head": chain_head},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    ).encode()
    return hmac.new(_key(), payload, hashlib.sha256).hexdigest()


@dataclass
class Export:
    log_filter: LogFilter
    table: list[list[str]]
    last_event_id: int
    chain_head: str
    mac: str
    event: AuditEvent | None = None
    #: The people the rows name (user ids): the subjects of the export's personal-data access entry.
    subjects: list[int] = field(default_factory=list)


def export_prepare(log_filter: LogFilter) -> Export:
    """The rows and their signature, bounded by the trail's head now (later entries never change
    what this export holds, so it can be recomputed)."""
    head = AuditEvent.objects.order_by("-pk").values_list("pk", "hash").first() or (0, "")
    events = list(access_events(log_filter, up_to_id=head[0]))
    table = rows(events)
    return Export(
        log_filter=log_filter,
        table=table,
        last_event_id=head[0],
        chain_head=head[1],
        mac=signature(log_filter=log_filter, table=table, chain_head=head[1]),
        subjects=sorted({e.subject_user_id for e in events if e.subject_user_id}),
    )


def export_log(
    *, export: Export, organisation, actor, file_format: str, reason: str, pdf_sha256: str = ""
) -> AuditEvent:
    """The export itself, on the audit trail: who (the entry's actor and address), the period, the
    person, the row count, the reason and what verification needs; and on the personal-data access
    log (§5.3) as an EXPORT of the people the rows name, with the reason. No reason: ``ValueError``
    (the view asks for it with ``ExportReasonForm`` before the file is made)."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValueError("an export of the restricted-access log needs a reason")
    with transaction.atomic():
        personal_data_access_record(
            actor=actor, action=Action.EXPORT, subjects=export.subjects, obj=organisation, reason=reason
        )
        export.event = audit_record(
            action=EXPORT_ACTION,
            actor=actor,
            obj=organisation,
            reason=reason,
            data={
                **export.log_filter.as_data(),
                "format": file_format,
                "rows": len(export.table),
                "last_event_id": export.last_event_id,
                "chain_head": export.chain_head,
                "hmac": export.mac,
                "pdf_sha256": pdf_sha256,
            },
        )
    return export.event


def export_pdf(*, export: Export, organisation, actor) -> bytes:
    """The signed PDF (Korean font): the rows, the filter, who exported it when, the HMAC and the head."""
    from django.template.loader import render_to_string

    from common.pdf import html_to_pdf

    html = render_to_string(
        "hr/access_log_pdf.html",
        {
            "export": export,
            "organisation": organisation,
            "actor": actor,
            "header": header(),
            "exported_at": kdatetime(timezone.now()),
        },
    )
    return html_to_pdf(html)


@dataclass(frozen=True)
class Verification:
    genuine: bool
    message: str
    event: AuditEvent | None = None


def verify_pdf(*, content: bytes, organisation) -> Verification:
    """Is ``content`` an access-log PDF this organisation exported, and does the trail still hold its rows?"""
    digest = hashlib.sha256(content).hexdigest()
    event = (
        AuditEvent.objects.filter(action=EXPORT_ACTION, data__pdf_sha256=digest, data__organisation=organisation.pk)
        .select_related("actor")
        .first()
    )
    if event is None:
        return Verification(
            False, _("Not genuine: this file is not an access-log export of your organisation, or it was changed.")
        )
    log_filter = LogFilter.from_data(event.data)
    table = rows(access_events(log_filter, up_to_id=event.data["last_event_id"]))
    mac = signature(log_filter=log_filter, table=table, chain_head=event.data["chain_head"])
    if not hmac.compare_digest(mac, event.data["hmac"]):
        return Verification(
            False, _("The file is the one exported, but the access log no longer holds the same rows."), event
        )
    return Verification(True, _("Genuine: the file is unchanged and the access log still holds its rows."), event)
