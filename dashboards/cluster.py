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
(``Enrolment.seconds_studied``: the sum of its lessons' ``LessonProgress.seconds_studied``, the only record
of time kept for every run, which the heartbeat keeps in step; funded runs' daily ledger holds the same
seconds again), in hours. *Satisfaction*: the mean of every 1–5 answer of the
만족도 설문 (``SurveyResponse.answers``) of those enrolments, withheld (``None``) below
``ACADEMY_SURVEY_MIN_RESPONSES`` responses in a row, as on the institute's survey screen: a row of one
company with one response would otherwise show a person's answers.

**Company.** The organisation of each membership the trainee held when they applied (``joined_at`` on
or before the enrolment's ``created_at``); none: "no company". A trainee of two companies counts for
each. The Academy keeps no history of ended memberships, so a trainee whose membership was removed
counts as "no company" afterwards.

**How it is computed.** Seven queries whatever the data's size, each large table read once: the
enrolments (with their study seconds, certificate and survey response, at most one each) grouped by
(run, company), so the company rows and the run rows come from the same pass; a small query takes back
the repeated rows of trainees counted for several companies from their runs (``_additive``). The
lessons' progress rows are not read: the enrolment keeps their sum. The Python adds the runs up by course, institute, month and in total. One
``UNION ALL`` of ``COUNT(DISTINCT)`` gives the distinct trainees per grouping (they are not additive),
and four small queries the runs and the names. ``bench/cluster_report.py`` times it on 100,000
enrolments.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import (
    BigIntegerField,
    Count,
    F,
    FilteredRelation,
    IntegerField,
    Q,
    Sum,
    TextField,
    Value,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce, Substr, TruncMonth
from django.utils.translation import gettext as _

from accounts.models import Membership, Organisation
from assessments.survey import ITEM_KEYS
from certificates.models import Certificate
from common.i18n import bilingual
from courses.models import CoursePage, CourseRun, Enrolment, InstitutePage

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


def _with_company(queryset, prefix: str = ""):
    """Annotate ``company``: the organisation of each membership the trainee held when applying
    (``joined_at`` on or before the enrolment's ``created_at``), by a LEFT JOIN, so a trainee of two
    companies gives a row for each; none: ``NO_COMPANY``."""
    relation = f"{prefix}user__memberships"
    return queryset.annotate(
        member=FilteredRelation(relation, condition=Q(**{f"{relation}__joined_at__lte": F(f"{prefix}created_at")}))
    ).annotate(company=Coalesce("member__organisation_id", Value(NO_COMPANY), output_field=BigIntegerField()))


def _answers_sum_and_count(prefix: str = ""):
    """Per survey response: the sum of its 1–5 answers and how many items it answers (``prefix``: the
    path to the response, e.g. ``"survey_responses__"``; no response gives 0 and 0)."""
    values = [Cast(KeyTextTransform(key, f"{prefix}answers"), IntegerField()) for key in ITEM_KEYS]
    total = answered = Value(0)
    for value in values:
        total = total + Coalesce(value, Value(0))
        answered = answered + Coalesce(value * 0 + 1, Value(0))  # 1 for an answered item, 0 for a missing one
    return total, answered


def report_enrolments(period: Period, prefix: str = ""):
    """The enrolments a period's report counts: admitted, in runs starting in the period (``prefix``:
    the path from another model to its enrolment, e.g. ``"enrolment__"``)."""
    return {
        f"{prefix}status__in": Enrolment.ADMITTED,
        f"{prefix}run__starts_on__gte": period.first_day,
        f"{prefix}run__starts_on__lt": period.end,
    }


def _enrolment_figures(answer_prefix: str) -> dict:
    """The aggregates of enrolments with their certificate and survey response (both at most one per
    enrolment, so the LEFT JOINs multiply no row)."""
    answer_sum, answer_count = _answers_sum_and_count(answer_prefix)
    return {
        "enrolments": Count("pk"),
        "study_seconds": Sum("seconds_studied"),
        "completions": Count("pk", filter=Q(status=Enrolment.Status.COMPLETED)),
        "certificates": Count("certificate", filter=Q(certificate__state=Certificate.State.ISSUED)),
        "responses": Count("survey_responses"),  # not "survey_responses": that name is the relation's
        "survey_answer_sum": Sum(answer_sum),
        "survey_answers": Sum(answer_count),
    }


def _additive(period: Period) -> tuple[dict[object, Figures], dict[object, Figures]]:
    """The additive figures per run and per company, the enrolments read once.

    One query of the enrolments (with their study seconds, certificate and survey response) grouped by
    (run, company). A trainee who was a member of k companies when applying gives k rows
    there (one per company, as the company rows want), so a run's figures are the sum of its rows less
    (k − 1) times such an enrolment's own figures: a second, small query reads them per
    enrolment, with k, for the enrolments counted for two or more companies (none in most data).

    The pairs are kept in plain lists, not ``Figures``: they are thousands of rows on the benchmark
    data, and building objects for each cost about a seventh of the report's time."""
    several = Membership.objects.order_by().values("user_id").annotate(n=Count("pk")).filter(n__gte=2).values("user_id")
    # The enrolments counted for two or more companies: a subquery on enrolments and memberships only, so
    # the second query joins certificates and responses to these few rows.
    repeated_enrolments = (
        _with_company(Enrolment.objects.filter(**report_enrolments(period), user_id__in=several))
        .values("pk")
        .annotate(n=Count("member__id"))
        .filter(n__gte=2)
        .values("pk")
    )
    tables = ((Enrolment.objects, "", "pk", _enrolment_figures("survey_responses__")),)
    by_run: dict[object, list[int]] = {}
    by_company: dict[object, list[int]] = {}
    for manager, prefix, enrolment_key, aggregates in tables:
        names = list(aggregates)
        slots = [ADDITIVE.index(AGGREGATE_FIGURE.get(name, name)) for name in names]
        rows = _with_company(manager.filter(**report_enrolments(period, prefix)), prefix)
        run_key = f"{prefix}run_id"
        for run_id, company, *values in rows.values_list(run_key, "company").annotate(**aggregates).order_by():
            run = by_run.get(run_id) or by_run.setdefault(run_id, [0] * len(ADDITIVE))
            member = by_company.get(company) or by_company.setdefault(company, [0] * len(ADDITIVE))
            for slot, value in zip(slots, values, strict=True):
                run[slot] += value or 0
                member[slot] += value or 0
        repeated = (
            rows.filter(**{f"{enrolment_key}__in": repeated_enrolments})
            .values(enrolment_key, run_key)
            .annotate(companies=Count("member__id", distinct=True), **aggregates)
            .order_by()
        )
        for row in repeated:
            run, companies = by_run[row[run_key]], row["companies"]
            for slot, name in zip(slots, names, strict=True):
                # Each of the enrolment's figures came in ``companies`` times: count it once for the run.
                run[slot] -= (row[name] or 0) // companies * (companies - 1)
    return (
        {key: Figures(**dict(zip(ADDITIVE, values, strict=True))) for key, values in by_run.items()},
        {key: Figures(**dict(zip(ADDITIVE, values, strict=True))) for key, values in by_company.items()},
    )


#: The additive fields of ``Figures``, and the aggregates named otherwise than their field.
ADDITIVE = (
    "enrolments",
    "completions",
    "certificates",
    "study_seconds",
    "survey_responses",
    "survey_answer_sum",
    "survey_answers",
)
AGGREGATE_FIGURE = {"responses": "survey_responses"}


def cluster_report(*, period: Period) -> ClusterReport:
    """Every figure of the cluster report for ``period`` (see the module): a fixed number of queries."""
    runs = {
        run["pk"]: run
        for run in CourseRun.objects.filter(starts_on__gte=period.first_day, starts_on__lt=period.end).values(
            "pk", "course_id", "starts_on"
        )
    }
    by_run, by_company = _additive(period)
    institutes = list(InstitutePage.objects.only("pk", "path", "depth", "title", "title_en").order_by("path"))
    trainees = _distinct_trainees(period, institutes)
    course_ids = {runs[run_id]["course_id"] for run_id in by_run}
    courses = {
        course.pk: course
        for course in CoursePage.objects.filter(pk__in=course_ids).only("pk", "path", "title", "title_en")
    }
    companies = {
        org.pk: org
        for org in Organisation.objects.filter(pk__in=set(by_company) - {NO_COMPANY}).only("pk", "name_ko", "name_en")
    }

    def institute_of(course):
        for institute in institutes:
            if course is not None and course.path.startswith(institute.path):
                return institute
        return None

    total = Figures()
    groups: dict[str, dict[object, Row]] = {"institute": {}, "course": {}, "company": {}, "month": {}}
    for month in period.months:
        groups["month"][month] = Row(month, f"{month.year}.{month.month:02d}")
    for run_id, figures in by_run.items():
        total.add(figures)
        course = courses.get(runs[run_id]["course_id"])
        institute = institute_of(course)
        starts = runs[run_id]["starts_on"]
        month = datetime.date(starts.year, starts.month, 1)
        keys = {
            "institute": (institute.pk if institute else None, institute.display_title if institute else _("Unknown")),
            "course": (runs[run_id]["course_id"], course.display_title if course else _("Unknown")),
            "month": (month, f"{month.year}.{month.month:02d}"),
        }
        for grouping, (key, label) in keys.items():
            groups[grouping].setdefault(key, Row(key, label)).figures.add(figures)
    for company_id, figures in by_company.items():
        company = companies.get(company_id)
        label = bilingual(company.name_ko, company.name_en) if company else _("No company")
        groups["company"].setdefault(company_id, Row(company_id, label)).figures.add(figures)
    for grouping, key, count in trainees:
        if grouping == "total":
            total.trainees = count
        elif key in groups[grouping]:
            groups[grouping][key].figures.trainees = count

    def ordered(rows: dict) -> list[Row]:
        return sorted(rows.values(), key=lambda row: (-row.figures.enrolments, row.label))

    company_rows = ordered(groups["company"])
    company_rows.sort(key=lambda row: row.key == NO_COMPANY)  # "No company" last: it is not a company
    return ClusterReport(
        period=period,
        total=total,
        by_institute=ordered(groups["institute"]),
        by_course=ordered(groups["course"]),
        by_company=company_rows,
        by_month=sorted(groups["month"].values(), key=lambda row: row.key),
    )


def _as_date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def _distinct_trainees(period: Period, institutes: list[InstitutePage]) -> list[tuple[str, object, int]]:
    """``(grouping, key, distinct trainees)`` for the total and each institute, course, company, month.

    Institutes are read as the courses' tree paths cut at the institute's depth, so the count runs in
    the database like the others; one UNION of five grouped counts (one query)."""
    institute_depth = institutes[0].depth if institutes else 0  # institutes are the catalog's children
    steplen = CoursePage.steplen
    base = Enrolment.objects.filter(**report_enrolments(period)).order_by()
    parts = [
        base.annotate(g=Value("total"), k=Value("")).values("g", "k"),
        base.annotate(g=Value("institute"), k=Substr("run__course__path", 1, institute_depth * steplen)).values(
            "g", "k"
        ),
        base.annotate(g=Value("course"), k=Cast("run__course_id", output_field=_text())).values("g", "k"),
        _with_company(base).annotate(g=Value("company"), k=Cast("company", output_field=_text())).values("g", "k"),
        base.annotate(g=Value("month"), k=Cast(TruncMonth("run__starts_on"), output_field=_text())).values("g", "k"),
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
