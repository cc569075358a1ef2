"""The inspection evidence pack (DOMAIN-KR §1.9): per enrolment of a funded run, a CSV and a PDF.

What it holds is the registry of sections in ``courses.evidence``: each app registers the tables
of what it keeps (courses: enrolment events and the credit timeline per 차시; assessments:
attempts, submissions, 모사 cases; compliance, here: the account facts, masked, the daily ledger,
and the audit entries about the enrolment). Identity checks, proxy-learning flags and the 공단
reporting log register their own sections when those apps exist; nothing here changes then.

- ``evidence_pack`` (selector) reads one enrolment's sections: a fixed number of queries.
- ``pack_csv`` / ``pack_pdf`` write it: one table per section (CSV: UTF-8 with a byte-order mark,
  every cell through ``common.exports``; PDF: WeasyPrint through ``common.pdf`` with the shipped
  Korean font). The pack is written in Korean whatever the reader's language: it is for the 공단.
- ``evidence_pack_export`` / ``evidence_run_zip_export`` (services) make a pack or a run's zip on
  demand and record the download in the audit trail (an export of personal data).
- ``evidence_pack_store`` (a task's body) stores an enrolment's pack once, in private storage, the
  day after its 훈련기간; ``evidence_packs_due`` lists the enrolments still waiting for one.

Masking (decision, after DOMAIN-KR §5.5): the trainee's names as ``mask_name`` shows them (홍*동,
G****** H***), the e-mail as ``mask_email`` (ho*****@drone.example), the birth date as its year
only; other people's names (another trainee in a 모사 case) masked too; staff who acted are named
(an inspector must know who decided).
"""

from __future__ import annotations

import datetime
import io
import json
import zipfile
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from accounts.models import Membership
from accounts.names import mask_email, mask_name
from common.exports import csv_text
from common.pdf import html_to_pdf, sha256_hex
from courses.evidence import EvidenceSection, register_section, sections
from courses.models import CourseRun, Enrolment
from courses.progress_rule import KST, kst_date
from ops.audit import audit_record
from ops.models import AuditEvent
from ops.privacy import Action, personal_data_access_record

from .models import (
    EmonRecord,
    IdentityCheck,
    ProxyFlag,
    ProxyFlagMember,
    StoredEvidencePack,
    StudyDayLesson,
    StudySignal,
)

#: Enrolments that never studied (requests, waiting list, invitations) have no pack.
ADMITTED = Enrolment.ADMITTED
EXPORT_ACTION = "compliance.evidence_pack_export"
RUN_EXPORT_ACTION = "compliance.evidence_run_export"
STORED_ACTION = "compliance.evidence_pack_stored"


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class EvidencePack:
    enrolment: Enrolment
    generated_at: datetime.datetime
    facts: list[tuple[str, str]]
    tables: list[Table]

    @property
    def name(self) -> str:
        """The file name (no extension): the run and enrolment ids, never a person's name."""
        return f"evidence-run{self.enrolment.run_id}-enrolment{self.enrolment.pk}"


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


def cell(value) -> str:
    """A value as the pack prints it: moments in KST to the second (2026.03.02 10:05:31), dates
    2026.03.02, numbers as they are, yes/no in words, nothing as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        local = value.astimezone(KST) if timezone.is_aware(value) else value
        return f"{local:%Y.%m.%d %H:%M:%S}"
    if isinstance(value, datetime.date):
        return f"{value:%Y.%m.%d}"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, Decimal):
        return f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def _run_facts(enrolment: Enrolment, generated_at: datetime.datetime) -> list[tuple[str, str]]:
    run = enrolment.run
    course = run.course
    return [
        (_("Course"), course.title),
        (_("Run"), run.title),
        (_("HRD-Net course ID"), run.hrd_tracse_id),
        (_("Round (회차)"), run.hrd_tracse_tme),
        (_("Screening code (심사과정코드)"), course.simsa_code),
        (_("Training period"), f"{cell(run.training_start)} – {cell(run.training_end)}"),
        (pgettext("evidence pack", "Enrolment"), str(enrolment.public_id)),
        (_("Status"), enrolment.get_status_display()),
        (_("Progress (%)"), cell(enrolment.progress_percent)),
        (_("Completed at"), cell(enrolment.completed_at)),
        (_("Generated at"), cell(generated_at)),
    ]


def evidence_pack(enrolment: Enrolment, *, now: datetime.datetime | None = None) -> EvidencePack:
    """Every registered section of one enrolment, in Korean: one query for the enrolment and a
    fixed number per section, however many rows each holds."""
    generated_at = now or timezone.now()
    enrolment = Enrolment.objects.select_related("user", "run__course").get(pk=enrolment.pk)
    with translation.override("ko"):
        tables = [
            Table(
                key=section.key,
                title=str(section.title),
                columns=[str(column) for column in section.columns],
                rows=[[cell(value) for value in row] for row in section.rows(enrolment)],
            )
            for section in sections()
        ]
        facts = _run_facts(enrolment, generated_at)
    return EvidencePack(enrolment=enrolment, generated_at=generated_at, facts=facts, tables=tables)


# --------------------------------------------------------------------------------------------
# Writing: CSV and PDF
# --------------------------------------------------------------------------------------------


def pack_csv(pack: EvidencePack) -> bytes:
    """One table per section, each under its title and separated by an empty line; UTF-8 with a
    byte-order mark (Excel), every cell neutralised against formulas."""
    with translation.override("ko"):
        parts = [csv_text(header=[_("Inspection evidence pack")], rows=[[label, value] for label, value in pack.facts])]
    for table in pack.tables:
        parts.append(csv_text(header=[table.title], rows=[table.columns, *table.rows]))
    return ("\ufeff" + "\r\n".join(parts)).encode("utf-8")


def pack_pdf(pack: EvidencePack) -> bytes:
    with translation.override("ko"):
        html = render_to_string("compliance/evidence_pack_pdf.html", {"pack": pack})
    return html_to_pdf(html)


# --------------------------------------------------------------------------------------------
# The sections of compliance
# --------------------------------------------------------------------------------------------


def account_rows(enrolment: Enrolment) -> list[list]:
    """The trainee as an inspector's copy shows them: masked names and e-mail, the birth year, the
    employers (a 사업주훈련 trainee is trained for one). One query (the user came with the enrolment)."""
    user = enrolment.user
    organisations = list(
        Membership.objects.filter(user=user).order_by("pk").values_list("organisation__name_ko", flat=True)
    )
    return [
        [_("Name"), mask_name(user.name_ko)],
        [_("English name"), mask_name(user.name_en)],
        [_("E-mail"), mask_email(user.email)],
        [_("Year of birth"), user.birth_date.year if user.birth_date else ""],
        [_("Organisation"), ", ".join(organisations)],
        [_("Joined"), user.date_joined],
        [_("Account active"), user.is_active],
    ]


def daily_ledger_rows(enrolment: Enrolment) -> list[list]:
    """The 1일 8차시 ledger: per KST day, each 차시 credited, its seconds and the first credit. One query."""
    return [
        [row.day, row.lesson.title, row.seconds, row.first_credited_at]
        for row in StudyDayLesson.objects.filter(enrolment=enrolment)
        .select_related("lesson")
        .only("day", "seconds", "first_credited_at", "lesson__title")
        .order_by("day", "first_credited_at", "pk")
    ]


def audit_rows(enrolment: Enrolment) -> list[list]:
    """Every audit entry about the enrolment (completions and overrides, certificates, grading,
    모사 decisions, retake grants, reopenings, exports of this pack), with who, from where and why;
    the entry id and hash let an inspector check it against the chain. One query."""
    events = (
        AuditEvent.objects.filter(subject_user_id=enrolment.user_id)
        .filter(Q(object_type="courses.enrolment", object_id=str(enrolment.pk)) | Q(data__enrolment=enrolment.pk))
        .select_related("actor")
        .order_by("pk")
    )
    return [
        [
            event.at,
            event.action,
            event.actor.name_ko if event.actor else "",
            event.actor_address,
            event.reason,
            {key: value for key, value in event.data.items() if key != "enrolment"},
            event.pk,
            event.hash[:16],
        ]
        for event in events
    ]


def identity_check_rows(enrolment: Enrolment) -> list[list]:
    """Every identity check of the trainee for this enrolment (and the 입과 checks, which may precede
    it): when, the moment with its EVAL_CD and CLASS_TME, the route and backend, the result with the
    provider's code and transaction id, the address. One query."""
    checks = IdentityCheck.objects.filter(user_id=enrolment.user_id).filter(
        Q(enrolment=enrolment) | Q(enrolment__isnull=True)
    )
    return [
        [
            check.at,
            str(check.get_moment_display()),
            check.eval_cd,
            check.class_tme,
            check.backend,
            str(check.get_result_display()),
            check.raw_code,
            check.provider_tx_id,
            check.address or "",
        ]
        for check in checks.order_by("at", "pk")
    ]


def study_signal_rows(enrolment: Enrolment) -> list[list]:
    """Where the trainee studied, logged in and submitted from, per KST day (the proxy-learning
    signals): the kind, the address, the device and browser hashes, how often, first and last. One query."""
    return [
        [
            signal.day,
            str(signal.get_kind_display()),
            signal.address,
            signal.device_hash[:12],
            signal.user_agent_hash[:12],
            signal.count,
            signal.first_at,
            signal.last_at,
        ]
        for signal in StudySignal.objects.filter(enrolment=enrolment).order_by("day", "first_at", "pk")
    ]


def proxy_flag_rows(enrolment: Enrolment) -> list[list]:
    """Every 대리수강 cluster the trainee was part of, with the institute's decision. One query."""
    memberships = (
        ProxyFlagMember.objects.filter(enrolment=enrolment)
        .select_related("flag__decided_by")
        .order_by("flag__day", "flag_id")
    )
    return [
        [
            member.flag.day,
            str(member.flag.get_kind_display()),
            member.flag.key if member.flag.kind == ProxyFlag.Kind.ADDRESS else member.flag.key[:12],
            str(member.flag.get_state_display()),
            _("Yes") if member.confirmed else "",
            member.flag.decided_by.name_ko if member.flag.decided_by else "",
            member.flag.decided_at,
            member.flag.reason,
        ]
        for member in memberships
    ]


def emon_rows(enrolment: Enrolment) -> list[list]:
    """The 공단 reporting log of the enrolment: each outbox row with its endpoint, what it reported
    (the evaluation type or the state change), its state, the answer code and when it was sent. One query."""
    records = EmonRecord.objects.filter(Q(enrolment=enrolment) | Q(enrolment__isnull=True, user_id=enrolment.user_id))
    return [
        [
            record.seq,
            record.endpoint,
            record.payload.get("evalType") or record.payload.get("changeState") or "",
            record.created_at,
            str(record.get_state_display()),
            record.last_code,
            record.sent_at,
        ]
        for record in records.order_by("seq")
    ]


def register_sections() -> None:
    register_section(
        EvidenceSection(
            key="account",
            title=gettext_lazy("Account (masked)"),
            columns=(gettext_lazy("Item"), gettext_lazy("Value")),
            rows=account_rows,
            order=10,
        )
    )
    register_section(
        EvidenceSection(
            key="daily_ledger",
            title=gettext_lazy("Daily study ledger (1일 8차시)"),
            columns=(
                gettext_lazy("Day (KST)"),
                gettext_lazy("Lesson"),
                gettext_lazy("Seconds credited"),
                gettext_lazy("First credited"),
            ),
            rows=daily_ledger_rows,
            order=40,
        )
    )
    register_section(
        EvidenceSection(
            key="audit",
            title=gettext_lazy("Staff decisions and overrides (audit trail)"),
            columns=(
                gettext_lazy("Time"),
                gettext_lazy("Action"),
                gettext_lazy("By"),
                pgettext_lazy("evidence pack", "Address"),
                gettext_lazy("Reason"),
                gettext_lazy("Details"),
                gettext_lazy("Entry"),
                gettext_lazy("Hash"),
            ),
            rows=audit_rows,
            order=90,
        )
    )
    register_section(
        EvidenceSection(
            key="identity_checks",
            title=gettext_lazy("Identity checks (본인인증)"),
            columns=(
                gettext_lazy("Time"),
                gettext_lazy("Moment"),
                "EVAL_CD",
                "CLASS_TME",
                gettext_lazy("Backend"),
                gettext_lazy("Result"),
                gettext_lazy("Provider code"),
                gettext_lazy("Provider transaction id"),
                pgettext_lazy("evidence pack", "Address"),
            ),
            rows=identity_check_rows,
            order=50,
        )
    )
    register_section(
        EvidenceSection(
            key="study_signals",
            title=gettext_lazy("Addresses and devices per day"),
            columns=(
                gettext_lazy("Day (KST)"),
                gettext_lazy("Kind"),
                pgettext_lazy("evidence pack", "Address"),
                gettext_lazy("Device (keyed hash)"),
                gettext_lazy("Browser (keyed hash)"),
                gettext_lazy("Times"),
                gettext_lazy("First"),
                gettext_lazy("Last"),
            ),
            rows=study_signal_rows,
            order=55,
        )
    )
    register_section(
        EvidenceSection(
            key="proxy_flags",
            title=gettext_lazy("Proxy-learning flags and decisions (대리수강)"),
            columns=(
                gettext_lazy("Day (KST)"),
                gettext_lazy("Kind"),
                gettext_lazy("Address or device"),
                gettext_lazy("State"),
                gettext_lazy("Confirmed for this trainee"),
                gettext_lazy("Decided by"),
                gettext_lazy("Decided at"),
                gettext_lazy("Reason"),
            ),
            rows=proxy_flag_rows,
            order=80,
        )
    )
    register_section(
        EvidenceSection(
            key="emon",
            title=gettext_lazy("Reports to the 공단 (EMON)"),
            columns=(
                gettext_lazy("Row"),
                gettext_lazy("Endpoint"),
                gettext_lazy("Reported"),
                gettext_lazy("Written at"),
                gettext_lazy("State"),
                gettext_lazy("Answer code"),
                gettext_lazy("Sent at"),
            ),
            rows=emon_rows,
            order=95,
        )
    )


# --------------------------------------------------------------------------------------------
# Services: on demand (recorded as exports) and stored after the 훈련기간
# --------------------------------------------------------------------------------------------

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "pdf": "application/pdf", "zip": "application/zip"}


def _write(pack: EvidencePack, file_format: str) -> bytes:
    return pack_pdf(pack) if file_format == "pdf" else pack_csv(pack)


def evidence_pack_export(*, enrolment: Enrolment, actor, file_format: str, reason: str) -> tuple[str, bytes]:
    """A fresh pack of ``enrolment`` as ``file_format`` ("csv" or "pdf") for a staff member; the
    download is recorded in the audit trail (who, from where, which enrolment, the file's hash).
    The caller has checked the actor may see the run and asked for the ``reason``, which goes with
    the trainee's id to the personal data access log (DOMAIN-KR §5.3)."""
    if file_format not in ("csv", "pdf"):
        raise ValueError(file_format)
    pack = evidence_pack(enrolment)
    data = _write(pack, file_format)
    with transaction.atomic():
        audit_record(
            action=EXPORT_ACTION,
            actor=actor,
            subject_user=pack.enrolment.user_id,
            obj=pack.enrolment,
            reason=reason,
            data={"enrolment": pack.enrolment.pk, "format": file_format, "sha256": sha256_hex(data)},
        )
        personal_data_access_record(
            actor=actor, action=Action.DOWNLOAD, subjects=[pack.enrolment.user_id], obj=pack.enrolment, reason=reason
        )
    return f"{pack.name}.{file_format}", data


def admitted_enrolments(run: CourseRun):
    return Enrolment.objects.filter(run=run, status__in=ADMITTED).order_by("pk")


def admitted_enrolments_of(runs):
    """The enrolments with a pack among ``runs`` (a queryset the caller scoped by permission)."""
    return Enrolment.objects.filter(run__in=runs, status__in=ADMITTED)


def evidence_run_zip_export(*, run: CourseRun, actor, reason: str) -> tuple[str, bytes]:
    """Every pack of a run (CSV and PDF per enrolment) in one zip for an inspection, with a
    manifest of the files' SHA-256. A stored pack is used as stored; the others are made now.
    One audit entry for the run (how many enrolments)."""
    stored = {pack.enrolment_id: pack for pack in StoredEvidencePack.objects.filter(enrolment__run=run)}
    buffer = io.BytesIO()
    manifest = []
    enrolments = list(admitted_enrolments(run))
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for enrolment in enrolments:
            kept = stored.get(enrolment.pk)
            if kept is not None:
                files = {"csv": _read(kept.csv_file), "pdf": _read(kept.pdf_file)}
                name = f"evidence-run{run.pk}-enrolment{enrolment.pk}"
            else:
                pack = evidence_pack(enrolment)
                files = {"csv": pack_csv(pack), "pdf": pack_pdf(pack)}
                name = pack.name
            for extension, data in files.items():
                archive.writestr(f"{name}.{extension}", data)
                manifest.append([f"{name}.{extension}", sha256_hex(data), _("stored") if kept else _("generated")])
        archive.writestr("manifest.csv", "\ufeff" + csv_text(header=["file", "sha256", "source"], rows=manifest))
    data = buffer.getvalue()
    with transaction.atomic():
        audit_record(
            action=RUN_EXPORT_ACTION,
            actor=actor,
            obj=run,
            reason=reason,
            data={"run": run.pk, "enrolments": len(enrolments), "sha256": sha256_hex(data)},
        )
        personal_data_access_record(
            actor=actor, action=Action.DOWNLOAD, subjects=[e.user_id for e in enrolments], obj=run, reason=reason
        )
    return f"evidence-run{run.pk}.zip", data


def _read(field) -> bytes:
    with field.storage.open(field.name, "rb") as handle:
        return handle.read()


def evidence_pack_store(*, enrolment_id: int, now: datetime.datetime | None = None) -> bool:
    """Store the pack of one enrolment (CSV and PDF, private storage) if it has none; answer whether
    this call stored it. Safe to run twice or at once on two workers: the enrolment's row is locked
    and the one-per-enrolment constraint stands behind it."""
    if StoredEvidencePack.objects.filter(enrolment_id=enrolment_id).exists():
        return False
    enrolment = Enrolment.objects.select_related("run").filter(pk=enrolment_id).first()
    if enrolment is None or not enrolment.run.is_funded or enrolment.run.training_end is None:
        return False
    pack = evidence_pack(enrolment, now=now)
    csv_data, pdf_data = pack_csv(pack), pack_pdf(pack)
    with transaction.atomic():
        Enrolment.objects.select_for_update().only("pk").get(pk=enrolment_id)
        if StoredEvidencePack.objects.filter(enrolment_id=enrolment_id).exists():
            return False
        stored = StoredEvidencePack(
            enrolment=enrolment,
            training_end=enrolment.run.training_end,
            csv_sha256=sha256_hex(csv_data),
            pdf_sha256=sha256_hex(pdf_data),
            generated_at=pack.generated_at,
        )
        stored.csv_file.save(f"{pack.name}.csv", ContentFile(csv_data), save=False)
        stored.pdf_file.save(f"{pack.name}.pdf", ContentFile(pdf_data), save=False)
        stored.save()
        audit_record(
            action=STORED_ACTION,
            subject_user=enrolment.user_id,
            obj=enrolment,
            data={"enrolment": enrolment.pk, "csv_sha256": stored.csv_sha256, "pdf_sha256": stored.pdf_sha256},
        )
    return True


def evidence_packs_due(*, now: datetime.datetime | None = None) -> list[int]:
    """Enrolments of funded runs whose 훈련기간 ended before today (KST) that have no stored pack yet
    (runs already past the packs' retention excepted: they would be destroyed the same night)."""
    from .retention import EVIDENCE_PACKS, cutoff

    today = kst_date(now or timezone.now())
    return list(
        Enrolment.objects.filter(
            run__emp_ins_flag__gt=0,
            run__training_end__lt=today,
            run__training_end__gte=cutoff(EVIDENCE_PACKS, today),
            status__in=ADMITTED,
            stored_evidence_pack__isnull=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
