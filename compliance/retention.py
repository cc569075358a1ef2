"""Retention and destruction (DOMAIN-KR §1.9, §5.2, §5.4): a policy per category and the nightly sweep.

Categories (years in ``ACADEMY_RETENTION_YEARS``; the README lists them with their basis):

- ``funded_training_records``: what a funded run's training left behind (per-차시 progress, the
  daily ledger, enrolment events, attempts and answers, assignment submissions and their files,
  모사 cases, retake grants, practical results, attendance): **3 years after the run's
  ``training_end``**, never less (a smaller setting is raised to 3). The enrolment row itself (who,
  which run, status, completion date) stays: its certificate is kept while verifiable.
- ``evidence_packs``: the stored inspection packs: 3 years after ``training_end``, never less.
- ``withdrawn_personal_data``: what a withdrawal kept (``compliance.withdrawal``): the encrypted
  ``accounts.RetainedRecord`` and ``accounts.ResidentNumber`` rows, each until its own
  ``retain_until`` (3 years after the latest funded 훈련기간), destroyed the day after.
- ``access_logs``: 개인정보처리시스템 접속기록 (the verification log now; the staff access log when it
  exists): **2 years** after the access (the rule when 주민등록번호 is stored; the longer one is kept).

Not swept, by decision: the audit trail (``ops.AuditEvent``: append-only, it witnesses every
other record; the database refuses deletes), certificates (code, name snapshot, status: kept while
the code answers, which is for ever by the public contract), accounts (destroyed at withdrawal, not
for inactivity: the 1-year rule was abolished on 2023-09-15), unfunded runs' records (no 훈련 실시
기록 duty; kept while the account is), and this sweep's own records (no personal data in them).

The rows belong to several apps; each registers a destroyer per category in ``ops.retention``. The
sweep runs each, then writes one ``RetentionSweep`` (category, count, cut-off, time, job) and one
audit entry per category that destroyed anything: counts only, never the destroyed values.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.funding import funded_enrolments_ended_before
from courses.models import AttendanceRecord, EnrolmentEvent, LessonProgress
from courses.progress_rule import kst_date
from ops import retention as registry
from ops.audit import audit_record

from .models import (
    EmonRecord,
    IdentityCheck,
    ProxyFlag,
    RetentionSweep,
    StoredEvidencePack,
    StudyDayLesson,
    StudySignal,
)

FUNDED_TRAINING_RECORDS = "funded_training_records"
EVIDENCE_PACKS = "evidence_packs"
ACCESS_LOGS = "access_logs"
WITHDRAWN_PERSONAL_DATA = "withdrawn_personal_data"
JOB = "compliance.retention_sweep"


@dataclass(frozen=True)
class Category:
    key: str
    title: str
    starts: str
    minimum_years: int


CATEGORIES = (
    Category(FUNDED_TRAINING_RECORDS, _("Training records of funded runs"), _("end of the training period"), 3),
    Category(EVIDENCE_PACKS, _("Stored inspection evidence packs"), _("end of the training period"), 3),
    Category(ACCESS_LOGS, _("Access logs"), _("the access"), 2),
    # Each row carries its own day (retain_until, set at withdrawal): the cut-off is today.
    Category(WITHDRAWN_PERSONAL_DATA, _("Personal data kept after withdrawal"), _("the day it is kept until"), 0),
)


def retention_years(key: str) -> int:
    """The policy of a category: the setting, never below the category's minimum."""
    category = next(c for c in CATEGORIES if c.key == key)
    return max(int(settings.ACADEMY_RETENTION_YEARS.get(key, category.minimum_years)), category.minimum_years)


def cutoff(key: str, today: datetime.date) -> datetime.date:
    """Records whose retention started before this day are due (kept through the last day)."""
    return today - relativedelta(years=retention_years(key))


def retention_sweep(*, now: datetime.datetime | None = None) -> list[RetentionSweep]:
    """Destroy what is due in every category; one ``RetentionSweep`` and one audit entry for each
    category that destroyed something. Safe to run twice: the second run finds nothing due."""
    now = now or timezone.now()
    today = kst_date(now)
    written = []
    for category in CATEGORIES:
        day = cutoff(category.key, today)
        with transaction.atomic():
            parts = {name: destroy(day) for name, destroy in registry.destroyers(category.key).items()}
            count = sum(parts.values())
            if not count:
                continue
            sweep = RetentionSweep.objects.create(category=category.key, count=count, cutoff=day, ran_at=now, job=JOB)
            audit_record(
                action="compliance.retention_destroyed",
                obj=sweep,
                reason=str(category.title),
                data={"category": category.key, "count": count, "cutoff": day, "parts": parts, "job": JOB},
                at=now,
            )
            written.append(sweep)
    return written


# --------------------------------------------------------------------------------------------
# The destroyers of courses' and compliance's rows (assessments and certificates register theirs)
# --------------------------------------------------------------------------------------------


def _deleted(queryset) -> int:
    """Delete and count the rows of the queryset's own model (cascaded rows go with them)."""
    _total, per_model = queryset.delete()
    return per_model.get(queryset.model._meta.label, 0)


def _funded(model):
    def destroy(day: datetime.date) -> int:
        return _deleted(model.objects.filter(enrolment__in=funded_enrolments_ended_before(day)))

    return destroy


def _lesson_progress(day: datetime.date) -> int:
    """The lessons' study records, and the enrolment's sum of them with them (``Enrolment.seconds_studied``
    is kept in step with its rows: the study time is gone from the reports as it was before the sum)."""
    with transaction.atomic():
        ended = funded_enrolments_ended_before(day)
        count = _deleted(LessonProgress.objects.filter(enrolment__in=ended))
        ended.filter(seconds_studied__gt=0).update(seconds_studied=0)
    return count


def _evidence_packs(day: datetime.date) -> int:
    """The stored packs and their files (deleted from the private storage after commit)."""
    packs = list(StoredEvidencePack.objects.filter(training_end__lt=day))
    names = [(pack.csv_file.storage, pack.csv_file.name) for pack in packs] + [
        (pack.pdf_file.storage, pack.pdf_file.name) for pack in packs
    ]
    count = _deleted(StoredEvidencePack.objects.filter(pk__in=[pack.pk for pack in packs]))

    def forget():
        for storage, name in names:
            if name:
                storage.delete(name)

    transaction.on_commit(forget)
    return count


def _with_person_rows(model):
    """Rows of an enrolment that ended, and rows of no enrolment (a 입과 check, a login report)
    written before the cut-off: their reporting period is over as well."""

    def destroy(day: datetime.date) -> int:
        ended = funded_enrolments_ended_before(day)
        cutoff = datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)
        field = "at" if model is IdentityCheck else "created_at"
        return _deleted(
            model.objects.filter(Q(enrolment__in=ended) | Q(enrolment__isnull=True, **{f"{field}__lt": cutoff}))
        )

    return destroy


def _proxy_flags(day: datetime.date) -> int:
    """The flags (and their members) of funded runs whose 훈련기간 ended before the cut-off."""
    return _deleted(ProxyFlag.objects.filter(run__emp_ins_flag__gt=0, run__training_end__lt=day))


def register_destroyers() -> None:
    registry.register_destroyer(FUNDED_TRAINING_RECORDS, LessonProgress._meta.label_lower, _lesson_progress)
    for model in (EnrolmentEvent, AttendanceRecord, StudyDayLesson, StudySignal):
        registry.register_destroyer(FUNDED_TRAINING_RECORDS, model._meta.label_lower, _funded(model))
    for model in (IdentityCheck, EmonRecord):
        registry.register_destroyer(FUNDED_TRAINING_RECORDS, model._meta.label_lower, _with_person_rows(model))
    registry.register_destroyer(FUNDED_TRAINING_RECORDS, "compliance.proxyflag", _proxy_flags)
    registry.register_destroyer(EVIDENCE_PACKS, "compliance.storedevidencepack", _evidence_packs)
    from .withdrawal import destroy_resident_numbers, destroy_retained_records

    registry.register_destroyer(WITHDRAWN_PERSONAL_DATA, "accounts.residentnumber", destroy_resident_numbers)
    registry.register_destroyer(WITHDRAWN_PERSONAL_DATA, "accounts.retainedrecord", destroy_retained_records)
