"""The personal-data access log of 개인정보취급자 (DOMAIN-KR §5.3, 안전성 확보조치 기준 제8조).

Views and services that show, export, download, print or change *other people's* personal data
call ``personal_data_access_record`` explicitly (no middleware guessing from URLs): who, when,
from where, whose data (user ids only, never the data), what action, on which screen or object,
and for exports and downloads the reason the person gave on a form first (``ExportReasonForm``).
Each row is one INSERT plus one append to the hash-chained audit trail (``ops.audit``), which
carries the same facts, so the row is tamper-evident (§1.10).

A person reading their own data writes nothing; the actor is never counted among the subjects.
Lists log the ids of the people shown on the page (not of every match of the search).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ops.audit import audit_record, object_label
from ops.requestcontext import current_client

from .models import PersonalDataAccess

Action = PersonalDataAccess.Action

#: Actions that need a reason typed by the person before the file is produced.
REASON_REQUIRED = frozenset({Action.EXPORT, Action.DOWNLOAD})
#: The audit trail's action names ("personal_data.view", ...).
AUDIT_PREFIX = "personal_data."
REASON_MIN = 4
REASON_MAX = 500


def _subject_ids(subjects: Iterable) -> list[int]:
    """Sorted distinct user ids of ``subjects`` (users or ids)."""
    return sorted({int(getattr(subject, "pk", subject)) for subject in subjects if subject is not None})


def personal_data_access_record(
    *,
    actor,
    action: str,
    subjects: Iterable,
    obj=None,
    object_type: str = "",
    object_id: str | int = "",
    reason: str = "",
    at: datetime.datetime | None = None,
) -> PersonalDataAccess | None:
    """Log one access by ``actor`` to the personal data of ``subjects`` (users or user ids).

    Returns the row, or None when nothing is logged: an anonymous actor, or nobody else's data
    (the actor's own data, an empty list). An export or download without a reason is a
    programming error (the view asks with ``ExportReasonForm`` first): ``ValueError``. ``at``
    defaults to now (the demo gives past times)."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None
    action = Action(action)
    ids = [pk for pk in _subject_ids(subjects) if pk != actor.pk]
    if not ids:
        return None
    reason = " ".join((reason or "").split())
    if action in REASON_REQUIRED and not reason:
        raise ValueError(f"a {action} of personal data needs a reason")
    if obj is not None:
        object_type, object_id = object_label(obj)
    address = current_client().address
    at = at or timezone.now()
    with transaction.atomic():
        event = audit_record(
            action=AUDIT_PREFIX + action,
            actor=actor,
            subject_user=ids[0] if len(ids) == 1 else None,
            object_type=object_type,
            object_id=object_id,
            reason=reason,
            data={"subjects": ids, "count": len(ids)},
            address=address,
            at=at,
        )
        return PersonalDataAccess.objects.create(
            actor=actor,
            at=at,
            address=address,
            action=action,
            object_type=object_type,
            object_id=str(object_id),
            subject_ids=ids,
            subject_count=len(ids),
            reason=reason,
            audit_event=event,
        )


class ExportReasonForm(forms.Form):
    """The reason asked before any export or download of other people's data (DOMAIN-KR §5.3):
    required; kept with the log row for the monthly review."""

    reason = forms.CharField(
        label=_("Reason for the download"),
        min_length=REASON_MIN,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Why you need this file (e.g. “분기 교육 실적 보고”). It is kept in the personal data access log "
            "and read by the 개인정보 보호책임자."
        ),
        error_messages={"required": _("Give the reason for this download before the file is made.")},
    )

    def clean_reason(self) -> str:
        return " ".join(self.cleaned_data["reason"].split())


# --------------------------------------------------------------------------------------------
# Rules the monthly review applies
# --------------------------------------------------------------------------------------------

#: Off hours (KST): from 22:00 to before 07:00, and all of Saturday and Sunday.
OFF_HOURS_START = 22
OFF_HOURS_END = 7
#: An access naming at least this many people is a bulk access.
BULK_SUBJECTS = 100


def is_off_hours(at: datetime.datetime) -> bool:
    """The one rule for "off hours": a weekend day, or 22:00–07:00, in Seoul time."""
    local = timezone.localtime(at)
    return local.isoweekday() >= 6 or local.hour >= OFF_HOURS_START or local.hour < OFF_HOURS_END


# --------------------------------------------------------------------------------------------
# Retention (DOMAIN-KR §5.2: 접속기록 2 years; the audit entries stay)
# --------------------------------------------------------------------------------------------


def _destroy_access_rows(day: datetime.date) -> int:
    """Rows logged before ``day``; their chained audit entries are kept (DOMAIN-KR §1.10)."""
    cutoff = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    _total, per_model = PersonalDataAccess.objects.filter(at__lt=cutoff).delete()
    return per_model.get(PersonalDataAccess._meta.label, 0)


def register_retention() -> None:
    from ops.retention import register_destroyer

    register_destroyer("access_logs", "ops.personaldataaccess", _destroy_access_rows)
