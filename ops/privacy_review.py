"""The 개인정보 보호책임자's monthly review of the access log (DOMAIN-KR §5.3): reads and the sign-off.

A month is reviewed when a ``PersonalDataReview`` names it. From the 1st of the next month until
then it is "검토 전" (overdue); the current month is "진행 중". The review page reads a fixed number of
queries whatever the volume: the reviews, the volume per actor, the off-hours accesses, the
exports and downloads (with bulk accesses), and, when a person is searched, that person.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db import connection, transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ops.audit import audit_record

from .models import PersonalDataAccess, PersonalDataReview
from .privacy import BULK_SUBJECTS, OFF_HOURS_END, OFF_HOURS_START, REASON_REQUIRED

#: Rows shown per list on the screen (the totals count all).
LIST_LIMIT = 200
#: Months offered in the month picker.
MONTHS_SHOWN = 12
REVIEW_PERMISSION = "ops.review_personaldataaccess"
SIGN_OFF_ACTION = "personal_data.review_signed"


class ReviewError(Exception):
    pass


def user_may_review(user) -> bool:
    return bool(user.is_active and (user.is_superuser or user.has_perm(REVIEW_PERMISSION)))


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The month's first and the next month's first instant, in Seoul time."""
    start = timezone.make_aware(datetime.datetime.combine(month, datetime.time.min))
    return start, start + relativedelta(months=1)


def month_status(month: datetime.date, review: PersonalDataReview | None, *, today: datetime.date) -> str:
    """ "reviewed", "overdue" (the month has ended, nobody signed: "검토 전") or "open" (current)."""
    if review is not None:
        return "reviewed"
    return "overdue" if today >= month + relativedelta(months=1) else "open"


STATUS_LABELS = {
    "reviewed": _("Reviewed"),
    "overdue": _("Not reviewed"),
    "open": pgettext_lazy("privacy review", "In progress"),
}


def off_hours_q() -> Q:
    """``privacy.is_off_hours`` as a filter on annotated ``local_hour`` and ``local_weekday``."""
    return Q(local_weekday__gte=6) | Q(local_hour__gte=OFF_HOURS_START) | Q(local_hour__lt=OFF_HOURS_END)


def _with_local_time(queryset):
    tz = timezone.get_current_timezone()
    return queryset.annotate(local_hour=ExtractHour("at", tzinfo=tz), local_weekday=ExtractIsoWeekDay("at", tzinfo=tz))


def _naming(queryset, user_id: int):
    """Rows whose subjects include ``user_id``. PostgreSQL's JSON containment; SQLite (the demo)
    has none, so there the month's rows are read and filtered by id (still one query)."""
    if connection.vendor == "postgresql":
        return queryset.filter(subject_ids__contains=[user_id])
    ids = [row.pk for row in queryset.only("pk", "subject_ids") if user_id in row.subject_ids]
    return queryset.filter(pk__in=ids)


@dataclass
class MonthReview:
    month: datetime.date
    status: str
    review: PersonalDataReview | None
    total: int
    per_actor: list[dict]
    off_hours: list[PersonalDataAccess]
    exports: list[PersonalDataAccess]
    subject: object | None
    months: list[dict]

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def may_sign(self) -> bool:
        return self.status == "overdue"


def month_review(
    *, month: datetime.date, today: datetime.date, actor_id: int | None = None, subject_query: str = ""
) -> MonthReview:
    """Everything the review screen shows for ``month``, optionally only one actor's accesses or
    only those naming the person whose e-mail or name is ``subject_query``."""
    from django.contrib.auth import get_user_model

    first_month = month_start(today) - relativedelta(months=MONTHS_SHOWN - 1)
    reviews = {
        review.month: review
        for review in PersonalDataReview.objects.filter(month__gte=min(first_month, month)).select_related(
            "reviewed_by"
        )
    }
    months = [
        {"month": m, "status": month_status(m, reviews.get(m), today=today)}
        for m in (month_start(today) - relativedelta(months=i) for i in range(MONTHS_SHOWN))
    ]
    start, end = month_bounds(month)
    rows = PersonalDataAccess.objects.filter(at__gte=start, at__lt=end)
    if actor_id:
        rows = rows.filter(actor_id=actor_id)
    subject = None
    if subject_query:
        subject = (
            get_user_model()
            .objects.filter(
                Q(email__iexact=subject_query) | Q(name_ko=subject_query) | Q(name_en__iexact=subject_query)
            )
            .order_by("pk")
            .first()
        )
        rows = _naming(rows, subject.pk) if subject is not None else rows.none()
    per_actor = list(
        _with_local_time(rows)
        .values("actor_id", "actor__email", "actor__name_ko")
        .annotate(
            accesses=Count("pk"),
            people=Sum("subject_count"),
            exports=Count("pk", filter=Q(action__in=REASON_REQUIRED)),
            off_hours=Count("pk", filter=off_hours_q()),
        )
        .order_by("-accesses", "actor_id")
    )
    listed = rows.select_related("actor").order_by("-at", "-pk")
    off_hours = list(_with_local_time(listed).filter(off_hours_q())[:LIST_LIMIT])
    exports = list(listed.filter(Q(action__in=REASON_REQUIRED) | Q(subject_count__gte=BULK_SUBJECTS))[:LIST_LIMIT])
    review = reviews.get(month)
    return MonthReview(
        month=month,
        status=month_status(month, review, today=today),
        review=review,
        total=sum(row["accesses"] for row in per_actor),
        per_actor=per_actor,
        off_hours=off_hours,
        exports=exports,
        subject=subject,
        months=months,
    )


@transaction.atomic
def personal_data_review_sign(*, month: datetime.date, actor, note: str = "", today: datetime.date | None = None):
    """Sign ``month`` off as reviewed. Only a month that has ended, and only once; written to the
    audit trail."""
    today = today or timezone.localdate()
    month = month_start(month)
    if today < month + relativedelta(months=1):
        raise ReviewError(_("A month can be signed off from the 1st of the next month."))
    review, created = PersonalDataReview.objects.get_or_create(
        month=month, defaults={"reviewed_by": actor, "note": note.strip()}
    )
    if not created:
        raise ReviewError(_("This month was already signed off."))
    audit_record(
        action=SIGN_OFF_ACTION, actor=actor, obj=review, data={"month": month.isoformat(), "note": review.note}
    )
    return review
