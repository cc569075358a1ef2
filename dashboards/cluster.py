"""The cluster report (issue 19, item 3): what the Academy's institutes trained, for the cluster's funders.

**Which enrolments a period holds.** Every figure belongs to a run (차수) and to the month its 교육기간
starts (개강일), the way Korean training results (훈련실적) are counted per 과정·차수: a period's report
covers the admitted enrolments (studying, completed, withdrawn or removed after admission) of the runs
that start in it, and every figure of a row refers to the same people, so completions ÷ enrolments is
that row's completion rate. A quarter's completions and certificates still grow while its runs go on;
the printed report says when it was made.

**The figures.** *Trainees*: distinct people (someone in two courses counts once in a total, once in each
course's row). *Enrolments*, *completions* (status completed), *certificates* (issued and not revoked;
a pending one is not issued yet). *Study hours*: the study time the server credited to those enrolments
(``LessonProgress.seconds_studied``, the only record of time kept for every run; funded runs' daily ledger
holds the same seconds again), in hours. *Satisfaction*: the mean of every 1–5 answer of the
만족도 설문 (``SurveyResponse.answers``) of those enrolments, withheld (``None``) below
``ACADEMY_SURVEY_MIN_RESPONSES`` responses in a row, as on the institute's survey screen: a row of one
company with one response would otherwise show a person's answers.

**Company.** The organisation whose member the trainee was when they applied (the membership with the
latest ``joined_at`` on or before the enrolment's ``created_at``); a trainee whose company registered
them only later counts for that company (the earliest membership); no membership: "no company". The
Academy keeps no history of ended memberships, so a trainee whose membership was removed counts as
"no company" afterwards.

**How it is computed.** Three aggregate queries whatever the data's size: one grouped by course,
company and month for the additive figures (the Python sums them up by institute, course, company,
month and in total), one for distinct trainees per grouping (a ``Count(distinct)`` per row is not
additive), and the names of the courses, institutes and companies in the result.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import BigIntegerField, Count, F, IntegerField, OuterRef, Q, Subquery, Sum, TextField, Value
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce, Substr, TruncMonth
from django.utils.translation import gettext as _

from accounts.models import Membership, Organisation
from assessments.models import SurveyResponse
from assessments.survey import ITEM_KEYS
from certificates.models import Certificate
from common.i18n import bilingual
from courses.models import CoursePage, Enrolment, InstitutePage, LessonProgress

QUARTER_MONTHS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}


@dataclass(frozen=True)
class Period:
    """A year, or one of its quarters (``quarter`` 1–4; 0 = the whole year). Runs starting in it count."""

    year: int
    quarter: int = 0

    @property
    def first_day(self) -> datetime.date:
        month = QUARTER_MONTHS[self.quarter][0] if self.quarter else 1
        return datetime.date(self.year, month, 1)

    @property
    def end(self) -> datetime.date:
        """The first day after the period."""
        last_month = QUARTER_MONTHS[self.quarter][1] if self.quarter else 12
        return datetime.date(self.year + 1, 1, 1) if last_month == 12 else datetime.date(self.year, last_month + 1, 1)

    @property
    def last_day(self) -> datetime.date:
        return self.end - datetime.timedelta(days=1)

    @property
    def months(self) -> list[datetime.date]:
        first = self.first_day
        count = 3 if self.quarter else 12
        return [datetime.date(first.year, first.month + index, 1) for index in range(count)]

    @property
    def label(self) -> str:
        if self.quarter:
            return _("%(year)s Q%(quarter)s") % {"year": self.year, "quarter": self.quarter}
        return _("%(year)s (whole year)") % {"year": self.year}

    @property
    def slug(self) -> str:
        return f"{self.year}-q{self.quarter}" if self.quarter else f"{self.year}"


@dataclass
class Figures:
    """One row of the report."""

    trainees: int = 0
    enrolments: int = 0
    completions: int = 0
    certificates: int = 0
    study_seconds: int = 0
    survey_responses: int = 0
    survey_answer_sum: int = 0
    survey_answers: int = 0

    def add(self, other: Figures) -> None:
        for name in ("enrolments", "completions", "certificates", "study_seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.survey_responses += other.survey_responses
        self.survey_answer_sum += other.survey_answer_sum
        self.survey_answers += other.survey_answers

    @property
    def completion_rate(self) -> Decimal | None:
        """Completions as a percentage of enrolments (one decimal), ``None`` without enrolments."""
        if not self.enrolments:
            return None
        return (Decimal(100 * self.completions) / self.enrolments).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def study_hours(self) -> Decimal:
        return (Decimal(self.study_seconds) / 3600).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def satisfaction(self) -> Decimal | None:
        """The mean 1–5 answer (two decimals); ``None`` below the survey's anonymity threshold."""
        if self.survey_responses < settings.ACADEMY_SURVEY_MIN_RESPONSES or not self.survey_answers:
            return None
        return (Decimal(self.survey_answer_sum) / self.survey_answers).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class Row:
    key: object
    label: str
    figures: Figures = field(default_factory=Figures)


@dataclass
class ClusterReport:
    period: Period
    total: Figures
    by_institute: list[Row]
    by_course: list[Row]
    by_company: list[Row]
    by_month: list[Row]

    @property
    def breakdowns(self) -> list[tuple[str, str, list[Row]]]:
        """``(key, heading, rows)`` of each breakdown, in the order the report shows them."""
        return [
            ("institute", _("By institute"), self.by_institute),
            ("course", _("By course"), self.by_course),
            ("company", _("By company"), self.by_company),
            ("month", _("By month (the month a run starts)"), self.by_month),
        ]


NO_COMPANY = 0  # the key of trainees without a membership


def _company_of_enrolment(user_ref: str, applied_ref: str):
    """The organisation id of the trainee's membership when they applied (see the module), or NULL."""
    memberships = Membership.objects.filter(user=OuterRef(user_ref))
    before = memberships.filter(joined_at__lte=OuterRef(applied_ref)).order_by("-joined_at", "-pk")
    later = memberships.order_by("joined_at", "pk")
    return Coalesce(
        Subquery(before.values("organisation_id")[:1]),
        Subquery(later.values("organisation_id")[:1]),
        Value(NO_COMPANY),
        output_field=BigIntegerField(),
    )


def _answers_sum_and_count():
    """Per survey response: the sum of its 1–5 answers and how many items it answers."""
    values = [Cast(KeyTextTransform(key, "answers"), IntegerField()) for key in ITEM_KEYS]
    total = answered = Value(0)
    for value in values:
        total = total + Coalesce(value, Value(0))
        answered = answered + Coalesce(value * 0 + 1, Value(0))  # 1 for an answered item, 0 for a missing one
    return total, answered


def report_enrolments(period: Period):
    """The enrolments a period's report counts: admitted, in runs starting in the period."""
    return Enrolment.objects.filter(
        status__in=Enrolment.ADMITTED,
        run__starts_on__gte=period.first_day,
        run__starts_on__lt=period.end,
    )


def cluster_report(*, period: Period) -> ClusterReport:
    """Every figure of the cluster report for ``period`` (see the module): a fixed number of queries."""
    enrolments = report_enrolments(period).annotate(
        company=_company_of_enrolment("user_id", "created_at"),
        month=TruncMonth("run__starts_on"),
        course_id=F("run__course_id"),
    )
    seconds = (
        LessonProgress.objects.filter(enrolment=OuterRef("pk"))
        .values("enrolment")
        .annotate(total=Sum("seconds_studied"))
        .values("total")
    )
    answer_sum, answer_count = _answers_sum_and_count()
    survey = SurveyResponse.objects.filter(enrolment=OuterRef("pk")).annotate(s=answer_sum, n=answer_count)
    issued = Certificate.objects.filter(enrolment=OuterRef("pk"), state=Certificate.State.ISSUED).values("pk")[:1]
    # 1. Additive figures per (course, company, month).
    fine = (
        enrolments.values("course_id", "company", "month")
        .annotate(
            enrolments=Count("pk"),
            completions=Count("pk", filter=Q(status=Enrolment.Status.COMPLETED)),
            certificates=Count(Subquery(issued)),
            study_seconds=Coalesce(Sum(Subquery(seconds)), 0),
            survey_responses=Count(Subquery(survey.values("pk")[:1])),
            survey_answer_sum=Coalesce(Sum(Subquery(survey.values("s")[:1])), 0),
            survey_answers=Coalesce(Sum(Subquery(survey.values("n")[:1])), 0),
        )
        .order_by()
    )
    fine = list(fine)
    # 2. Distinct trainees per grouping, in one query: each row says which grouping it counts.
    institutes = list(InstitutePage.objects.only("pk", "path", "depth", "title", "title_en").order_by("path"))
    trainees = _distinct_trainees(enrolments, institutes)

    course_ids = {row["course_id"] for row in fine}
    courses = {
        course.pk: course
        for course in CoursePage.objects.filter(pk__in=course_ids).only("pk", "path", "title", "title_en")
    }
    company_ids = {row["company"] for row in fine} - {NO_COMPANY}
    companies = {
        org.pk: org for org in Organisation.objects.filter(pk__in=company_ids).only("pk", "name_ko", "name_en")
    }

    def institute_of(course_id):
        course = courses.get(course_id)
        for institute in institutes:
            if course is not None and course.path.startswith(institute.path):
                return institute
        return None

    total = Figures()
    groups: dict[str, dict[object, Row]] = {"institute": {}, "course": {}, "company": {}, "month": {}}
    for month in period.months:
        groups["month"][month] = Row(month, f"{month.year}.{month.month:02d}")
    for values in fine:
        figures = Figures(**{name: values[name] for name in _ADDITIVE})
        total.add(figures)
        course = courses.get(values["course_id"])
        institute = institute_of(values["course_id"])
        month = _as_date(values["month"])
        keys = {
            "institute": (institute.pk if institute else None, institute.display_title if institute else _("Unknown")),
            "course": (values["course_id"], course.display_title if course else _("Unknown")),
            "company": (
                values["company"],
                bilingual(companies[values["company"]].name_ko, companies[values["company"]].name_en)
                if values["company"] in companies
                else _("No company"),
            ),
            "month": (month, f"{month.year}.{month.month:02d}"),
        }
        for grouping, (key, label) in keys.items():
            row = groups[grouping].setdefault(key, Row(key, label))
            row.figures.add(figures)
    for grouping, key, count in trainees:
        if grouping == "total":
            total.trainees = count
            continue
        row = groups[grouping].get(key)
        if row is not None:
            row.figures.trainees = count

    def ordered(rows: dict, *, by_label: bool = True) -> list[Row]:
        values = list(rows.values())
        if by_label:
            values.sort(key=lambda row: (-row.figures.enrolments, row.label))
        return values

    by_company = ordered(groups["company"])
    # "No company" last, whatever its size: it is not a company.
    by_company.sort(key=lambda row: row.key == NO_COMPANY)
    return ClusterReport(
        period=period,
        total=total,
        by_institute=ordered(groups["institute"]),
        by_course=ordered(groups["course"]),
        by_company=by_company,
        by_month=sorted(groups["month"].values(), key=lambda row: row.key),
    )


_ADDITIVE = (
    "enrolments",
    "completions",
    "certificates",
    "study_seconds",
    "survey_responses",
    "survey_answer_sum",
    "survey_answers",
)


def _as_date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def _distinct_trainees(enrolments, institutes: list[InstitutePage]) -> list[tuple[str, object, int]]:
    """``(grouping, key, distinct trainees)`` for the total and each institute, course, company, month.

    Institutes are read as the courses' tree paths cut at the institute's depth, so the count runs in
    the database like the others; one UNION of five grouped counts (one query)."""
    institute_depth = institutes[0].depth if institutes else 0  # institutes are the catalog's children
    steplen = CoursePage.steplen
    base = enrolments.order_by()
    parts = [
        base.annotate(g=Value("total"), k=Value("")).values("g", "k"),
        base.annotate(g=Value("institute"), k=Substr("run__course__path", 1, institute_depth * steplen)).values(
            "g", "k"
        ),
        base.annotate(g=Value("course"), k=Cast("run__course_id", output_field=_text())).values("g", "k"),
        base.annotate(g=Value("company"), k=Cast("company", output_field=_text())).values("g", "k"),
        base.annotate(g=Value("month"), k=Cast("month", output_field=_text())).values("g", "k"),
    ]
    counted = [part.annotate(n=Count("user_id", distinct=True)).values_list("g", "k", "n") for part in parts]
    query = counted[0].union(*counted[1:], all=True)
    paths = {institute.path: institute.pk for institute in institutes}
    result = []
    for grouping, key, count in query:
        if grouping == "institute":
            key = paths.get(key)
        elif grouping in ("course", "company"):
            key = int(key)
        elif grouping == "month":
            key = datetime.date.fromisoformat(key[:10])
        result.append((grouping, key, count))
    return result


def _text():
    return TextField()
