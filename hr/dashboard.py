"""The HR dashboard (/hr/overview/, 교육 현황 대시보드): an organisation's training at a glance.

Reads (one database query each, whatever the number of members; figures are counted by the
database) and the presenter that turns them into the page's charts. Every read is given the
organisation and looks no further: enrolments, certificates and security-training states of the
organisation's members only (``Membership`` is unique per organisation and person, so the join
never counts anyone twice).

What the figures mean (decisions, also in the README):

- **Enrolled** is an enrolment that was admitted at some point (``Enrolment.ADMITTED``: studying,
  completed, withdrawn, removed); requests, waitlist places and rejections are not training.
  **Completion rate** = completed / enrolled, by course, for the runs that *started* in the period.
- **By month**: *started* counts admitted enrolments by the month their run (차수) starts;
  *completed* counts completions by the Korean calendar month of ``completed_at``.
- **Mandatory training**: the security-training rule (``compliance.security_training``, the same
  states as /hr/security-training/, as of today) and the funded runs (사업주훈련 and the other
  refundable schemes, ``CourseRun.is_funded``): the employer is refunded only for members who
  complete, so HR follows who is studying, who completed and who ended without completing.
- **Certificate expiry**: issued certificates whose last valid day falls in this month or the 11
  after it, counted per month; revoked ones are left out (they no longer need renewing).
- **Behind schedule** (``behind_schedule``): a studying enrolment of a run that has started is
  *behind* when the share of the run's days gone by (today included) exceeds its progress by more
  than ``BEHIND_MARGIN`` points, and *idle* when nothing was studied in the last ``IDLE_DAYS`` days
  while the run was on (no lesson of it opened or finished since; a run that started less than
  ``IDLE_DAYS`` ago cannot be idle yet). The Academy keeps no per-heartbeat time per enrolment, so
  "studied" is a lesson opened for the first time or finished: a trainee who spends over a week on
  one lesson shows as idle, and a reminder then does no harm.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.db.models import BooleanField, Case, Count, Exists, Max, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, Organisation
from certificates.models import Certificate
from common import charts
from common.i18n import bilingual, reader_is_english
from compliance import security_training as sec
from courses.models import CoursePage, CourseRun, Enrolment, LessonProgress

#: A run's elapsed share may exceed the enrolment's progress by this many points before it is "behind".
BEHIND_MARGIN = 20
#: No lesson opened or finished for this many days (while the run was on): "idle".
IDLE_DAYS = 7
#: Periods longer than this many months are refused (a chart of more columns reads badly).
MAX_MONTHS = 24
#: The certificate timeline covers this month and the next eleven.
EXPIRY_MONTHS = 12
#: The nearest expiring certificates listed under the timeline.
NEAREST_CERTIFICATES = 10


@dataclass(frozen=True)
class Period:
    """Whole months: ``first`` and ``last`` are first days of months, ``last`` included."""

    first: datetime.date
    last: datetime.date

    @property
    def end(self) -> datetime.date:
        """The first day after the period."""
        return self.last + relativedelta(months=1)

    @property
    def months(self) -> list[datetime.date]:
        months, month = [], self.first
        while month <= self.last:
            months.append(month)
            month += relativedelta(months=1)
        return months

    @classmethod
    def default(cls, today: datetime.date) -> Period:
        """The last 12 months, this one included."""
        last = today.replace(day=1)
        return cls(first=last - relativedelta(months=11), last=last)


@dataclass(frozen=True)
class Filters:
    period: Period
    course_id: int | None = None


def month_label(month: datetime.date) -> str:
    """``2026.11`` (Korean) or ``Nov 2026`` (English)."""
    return f"{month:%b %Y}" if reader_is_english() else f"{month:%Y.%m}"


def _start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


# --------------------------------------------------------------------------------------------
# Selectors
# --------------------------------------------------------------------------------------------


def member_enrolments(organisation: Organisation, *, course_id: int | None = None):
    """Every enrolment of the organisation's members (of one course when ``course_id`` is given)."""
    enrolments = Enrolment.objects.filter(user__memberships__organisation=organisation)
    if course_id:
        enrolments = enrolments.filter(run__course_id=course_id)
    return enrolments


def courses_of_members(organisation: Organisation) -> list[tuple[int, str]]:
    """The courses any member was ever admitted to, as ``(id, title)`` for the course filter."""
    rows = (
        CoursePage.objects.filter(
            runs__enrolments__user__memberships__organisation=organisation,
            runs__enrolments__status__in=Enrolment.ADMITTED,
        )
        .values_list("pk", "title", "title_en")
        .distinct()
        .order_by("title", "pk")
    )
    return [(pk, bilingual(title, title_en)) for pk, title, title_en in rows]


@dataclass(frozen=True)
class CourseCompletion:
    course_id: int
    title: str
    enrolled: int
    completed: int
    studying: int

    @property
    def rate(self) -> float | None:
        """Completed per enrolled, in %, one decimal; None when nobody enrolled."""
        return round(self.completed * 100 / self.enrolled, 1) if self.enrolled else None


def completion_by_course(organisation: Organisation, filters: Filters) -> list[CourseCompletion]:
    """Enrolled, completed and studying per course, for the runs that started in the period."""
    rows = (
        member_enrolments(organisation, course_id=filters.course_id)
        .filter(
            status__in=Enrolment.ADMITTED,
            run__starts_on__gte=filters.period.first,
            run__starts_on__lt=filters.period.end,
        )
        .values("run__course_id", "run__course__title", "run__course__title_en")
        .annotate(
            enrolled=Count("pk"),
            completed=Count("pk", filter=Q(status=Enrolment.Status.COMPLETED)),
            studying=Count("pk", filter=Q(status=Enrolment.Status.ACTIVE)),
        )
        .order_by("run__course__title", "run__course_id")
    )
    return [
        CourseCompletion(
            course_id=row["run__course_id"],
            title=bilingual(row["run__course__title"], row["run__course__title_en"]),
            enrolled=row["enrolled"],
            completed=row["completed"],
            studying=row["studying"],
        )
        for row in rows
    ]


def started_by_month(organisation: Organisation, filters: Filters) -> dict[datetime.date, int]:
    """Admitted enrolments by the month their run starts."""
    rows = (
        member_enrolments(organisation, course_id=filters.course_id)
        .filter(
            status__in=Enrolment.ADMITTED,
            run__starts_on__gte=filters.period.first,
            run__starts_on__lt=filters.period.end,
        )
        .annotate(month=TruncMonth("run__starts_on"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return {_as_date(row["month"]): row["n"] for row in rows}


def completed_by_month(organisation: Organisation, filters: Filters) -> dict[datetime.date, int]:
    """Completions by the Korean calendar month of their ``completed_at``."""
    rows = (
        member_enrolments(organisation, course_id=filters.course_id)
        .filter(
            status=Enrolment.Status.COMPLETED,
            completed_at__gte=_start_of_day(filters.period.first),
            completed_at__lt=_start_of_day(filters.period.end),
        )
        .annotate(month=TruncMonth("completed_at", tzinfo=timezone.get_current_timezone()))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return {_as_date(row["month"]): row["n"] for row in rows}


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def security_training_counts(organisation: Organisation, *, today: datetime.date) -> dict[str, int]:
    """Members per security-training state, by the one rule (``compliance.security_training``)."""
    memberships = sec.with_training(
        Membership.objects.filter(organisation=organisation).only("pk", "user_id", "organisation_id", "role")
    )
    counts = dict.fromkeys(sec.TrainingState.values, 0)
    for membership in memberships.order_by():
        counts[sec.status_of_membership(membership, today=today).state] += 1
    return counts


@dataclass(frozen=True)
class FundedStatus:
    studying: int = 0
    completed: int = 0
    not_completed: int = 0

    @property
    def total(self) -> int:
        return self.studying + self.completed + self.not_completed


def funded_status(organisation: Organisation, filters: Filters, *, today: datetime.date) -> FundedStatus:
    """Members' admitted enrolments in funded runs started in the period: studying (the training
    period not over), completed, and ended without completing (withdrawn, removed, or still
    studying after the last day of the training period, or of the run when it has none)."""
    ended = Q(status__in=(Enrolment.Status.WITHDRAWN, Enrolment.Status.REMOVED)) | Q(
        status=Enrolment.Status.ACTIVE, last_day__lt=today
    )
    row = (
        member_enrolments(organisation, course_id=filters.course_id)
        .filter(
            status__in=Enrolment.ADMITTED,
            run__emp_ins_flag__gt=0,
            run__starts_on__gte=filters.period.first,
            run__starts_on__lt=filters.period.end,
        )
        .annotate(last_day=Coalesce("run__training_end", "run__ends_on"))
        .aggregate(
            studying=Count("pk", filter=Q(status=Enrolment.Status.ACTIVE, last_day__gte=today)),
            completed=Count("pk", filter=Q(status=Enrolment.Status.COMPLETED)),
            not_completed=Count("pk", filter=ended),
        )
    )
    return FundedStatus(**row)


def _expiring(organisation: Organisation, *, course_id: int | None, today: datetime.date):
    first = today.replace(day=1)
    certificates = Certificate.objects.filter(
        enrolment__user__memberships__organisation=organisation,
        state=Certificate.State.ISSUED,
        expires_on__gte=today,
        expires_on__lt=first + relativedelta(months=EXPIRY_MONTHS),
    )
    if course_id:
        certificates = certificates.filter(enrolment__run__course_id=course_id)
    return certificates


def expiry_by_month(organisation: Organisation, *, course_id: int | None, today: datetime.date) -> dict:
    """Valid certificates whose last day is in this month or the next eleven, per month."""
    rows = (
        _expiring(organisation, course_id=course_id, today=today)
        .annotate(month=TruncMonth("expires_on"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return {_as_date(row["month"]): row["n"] for row in rows}


def nearest_expiring(organisation: Organisation, *, course_id: int | None, today: datetime.date) -> list[Certificate]:
    return list(
        _expiring(organisation, course_id=course_id, today=today)
        .select_related("enrolment__user")
        .order_by("expires_on", "pk")[:NEAREST_CERTIFICATES]
    )


def elapsed_percent(run: CourseRun, today: datetime.date) -> float:
    """The share of the run's days gone by, today included, in % (0 before it starts, 100 after it ends)."""
    days = (run.ends_on - run.starts_on).days + 1
    gone = (today - run.starts_on).days + 1
    return max(0.0, min(100.0, gone * 100 / days))


def _studying(organisation: Organisation, *, course_id: int | None, today: datetime.date):
    return member_enrolments(organisation, course_id=course_id).filter(
        status=Enrolment.Status.ACTIVE, run__starts_on__lte=today
    )


def behind_schedule(organisation: Organisation, *, course_id: int | None = None, today: datetime.date | None = None):
    """The rule (module docstring): the members' studying enrolments that are behind or idle, each
    annotated ``is_behind``, ``is_idle``, ``last_started``/``last_finished`` (lesson times) and the
    ``membership_id`` of this organisation; the least progress first. Two queries: the runs'
    dates (to turn each run's elapsed share into a progress threshold), then this queryset."""
    today = today or timezone.localdate()
    studying = _studying(organisation, course_id=course_id, today=today)
    runs = CourseRun.objects.filter(pk__in=studying.values("run_id")).only("pk", "starts_on", "ends_on")
    by_threshold: dict[int, list[int]] = defaultdict(list)
    for run in runs:
        threshold = math.ceil(elapsed_percent(run, today) - BEHIND_MARGIN)
        if threshold > 0:  # progress < threshold is behind; runs below the margin have nobody behind
            by_threshold[threshold].append(run.pk)
    behind = Q(pk__in=[])
    for threshold, run_ids in by_threshold.items():
        behind |= Q(run_id__in=run_ids, progress_percent__lt=threshold)
    since = _start_of_day(today) - datetime.timedelta(days=IDLE_DAYS - 1)
    recent = LessonProgress.objects.filter(enrolment=OuterRef("pk")).filter(
        Q(started_at__gte=since) | Q(completed_at__gte=since)
    )
    lessons = LessonProgress.objects.filter(enrolment=OuterRef("pk")).order_by()
    idle = Q(run__starts_on__lte=today - datetime.timedelta(days=IDLE_DAYS), has_recent=False)
    return (
        studying.annotate(has_recent=Exists(recent))
        .annotate(
            is_behind=_flag(behind),
            is_idle=_flag(idle),
            last_started=Subquery(lessons.values("enrolment").annotate(m=Max("started_at")).values("m")[:1]),
            last_finished=Subquery(lessons.values("enrolment").annotate(m=Max("completed_at")).values("m")[:1]),
            membership_id=Subquery(
                Membership.objects.filter(organisation=organisation, user=OuterRef("user_id")).values("pk")[:1]
            ),
        )
        .filter(behind | idle)
        .select_related("user", "run__course")
        .order_by("progress_percent", "run__ends_on", "user__name_ko", "pk")
    )


def _flag(condition: Q):
    return Case(When(condition, then=Value(True)), default=Value(False), output_field=BooleanField())


# --------------------------------------------------------------------------------------------
# Presenter
# --------------------------------------------------------------------------------------------


@dataclass
class BehindRow:
    enrolment: Enrolment
    membership_id: int
    elapsed: float
    behind: bool
    idle: bool
    last_studied: datetime.datetime | None
    reasons: list[str] = field(default_factory=list)


def behind_rows(enrolments, *, today: datetime.date) -> list[BehindRow]:
    """A page of ``behind_schedule`` as rows for the table (no query)."""
    rows = []
    for enrolment in enrolments:
        moments = [m for m in (enrolment.last_started, enrolment.last_finished) if m]
        row = BehindRow(
            enrolment=enrolment,
            membership_id=enrolment.membership_id,
            elapsed=round(elapsed_percent(enrolment.run, today), 1),
            behind=enrolment.is_behind,
            idle=enrolment.is_idle,
            last_studied=max(moments) if moments else None,
        )
        if row.behind:
            row.reasons.append(_("Behind schedule"))
        if row.idle:
            row.reasons.append(_("No study for %(days)s days") % {"days": IDLE_DAYS})
        rows.append(row)
    return rows


def completion_chart(rows: list[CourseCompletion]) -> charts.Chart:
    return charts.bar_chart(
        title=_("Completion rate by course"),
        description=_("Completed per enrolled member, for the runs that started in the period."),
        items=[(row.title, row.rate) for row in rows],
        label_header=_("Course"),
        value_header=_("Completion rate"),
        max_value=100,
        value_format=charts.percent,
        extra_columns=[
            (_("Enrolled"), [charts.format_number(row.enrolled) for row in rows]),
            (_("Completed"), [charts.format_number(row.completed) for row in rows]),
            (_("Studying"), [charts.format_number(row.studying) for row in rows]),
        ],
    )


def count_scale(values) -> int | None:
    """The top of a column chart of counts: the largest count rounded up to a multiple of 4, so the
    chart's four gridlines fall on whole numbers (None for no data: the chart says so)."""
    top = max(values, default=0)
    return 4 * math.ceil(top / 4) if top > 0 else None


def monthly_chart(period: Period, started: dict, completed: dict) -> charts.Chart:
    months = period.months
    return charts.column_chart(
        title=_("Enrolments started and completions by month"),
        description=_("Started: by the month the run begins. Completed: by the month of completion."),
        categories=[month_label(month) for month in months],
        series=[
            (_("Training started"), [started.get(month, 0) for month in months]),
            (_("Completed"), [completed.get(month, 0) for month in months]),
        ],
        category_header=_("Month"),
        max_value=count_scale([*started.values(), *completed.values()]),
    )


def expiry_chart(by_month: dict, *, today: datetime.date) -> charts.Chart:
    first = today.replace(day=1)
    months = [first + relativedelta(months=n) for n in range(EXPIRY_MONTHS)]
    return charts.column_chart(
        title=_("Certificates expiring by month"),
        description=_("Valid certificates of your members by the month of their last valid day."),
        categories=[month_label(month) for month in months],
        series=[(_("Certificates expiring"), [by_month.get(month, 0) for month in months])],
        category_header=_("Month"),
        max_value=count_scale(by_month.values()),
    )


def security_chart(counts: dict[str, int]) -> charts.Chart:
    return charts.bar_chart(
        title=_("Security training (보안교육) of the members"),
        items=[(str(label), counts[value]) for value, label in sec.TrainingState.choices],
        label_header=_("Status"),
        value_header=_("Members"),
    )


def overall_rate(rows: list[CourseCompletion]) -> tuple[int, int, float | None]:
    enrolled = sum(row.enrolled for row in rows)
    completed = sum(row.completed for row in rows)
    return enrolled, completed, (round(completed * 100 / enrolled, 1) if enrolled else None)
