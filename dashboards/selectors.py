"""Reads for the dashboards: figures of one run, aggregated in the database.

Every function here answers in a fixed number of queries, whatever the number of trainees: counts
come from ``aggregate``/``annotate`` (``Count`` with ``filter``), and the few lists of rows (the
trainees to watch, the attempts behind the score distributions) are one query each. Nothing is
read per trainee.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from assessments.grading import passes
from assessments.models import Attempt, QuizPage
from assessments.selectors import kept_attempt
from courses.models import AttendanceSession, CourseRun, Enrolment, LessonProgress

#: Admitted and not gone: the enrolments every figure of a run counts.
COUNTED = (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED)
#: No credited study for this many days puts a studying trainee on the watch list.
IDLE_DAYS = 7
#: Percentage points a trainee may trail the run's schedule before they are "behind".
BEHIND_MARGIN = 10
#: Score buckets of the distributions: 0–9, 10–19, …, 80–89, 90–100.
BUCKETS = 10


# --------------------------------------------------------------------------------------------
# Progress funnel
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Funnel:
    enrolled: int
    studying: int
    half: int  # ≥ 50 %
    most: int  # ≥ 80 %
    completed: int


def run_funnel(run: CourseRun) -> Funnel:
    """Enrolled → studying (any progress, or a lesson opened) → ≥ 50 % → ≥ 80 % → completed, in one
    query. A completed trainee counts at every stage, so each stage holds the next."""
    done = Q(status=Enrolment.Status.COMPLETED)
    opened = LessonProgress.objects.filter(enrolment_id=OuterRef("pk"))
    figures = (
        Enrolment.objects.filter(run=run, status__in=COUNTED)
        .annotate(opened=Exists(opened))
        .aggregate(
            enrolled=Count("pk"),
            studying=Count("pk", filter=done | Q(progress_percent__gt=0) | Q(opened=True)),
            half=Count("pk", filter=done | Q(progress_percent__gte=50)),
            most=Count("pk", filter=done | Q(progress_percent__gte=80)),
            completed=Count("pk", filter=done),
        )
    )
    return Funnel(**figures)


# --------------------------------------------------------------------------------------------
# Quizzes: kept scores, score distributions, failing trainees
# --------------------------------------------------------------------------------------------


def course_quizzes(run: CourseRun) -> list[QuizPage]:
    """The live quizzes of the run's course, in syllabus order."""
    return list(QuizPage.objects.live().descendant_of(run.course).order_by("path"))


@dataclass
class QuizResults:
    """Per quiz: the kept score of each trainee who has one, and who used attempts without a pass."""

    quiz: QuizPage
    kept_scores: list[Decimal] = field(default_factory=list)
    #: enrolment id → (attempts used, any attempt left)
    failing: dict[int, tuple[int, bool]] = field(default_factory=dict)


def quiz_results(run: CourseRun, quizzes: list[QuizPage]) -> list[QuizResults]:
    """Kept attempts (``assessments.selectors.kept_attempt``) of the run's trainees, graded by the
    pass rule (``assessments.grading.passes``), from one query over the run's attempts."""
    results = {quiz.pk: QuizResults(quiz=quiz) for quiz in quizzes}
    if not quizzes:
        return []
    tries: dict[tuple[int, int], list[Attempt]] = {}
    for attempt in Attempt.objects.filter(
        enrolment__run=run, enrolment__status__in=COUNTED, quiz_id__in=list(results)
    ).only("pk", "quiz_id", "enrolment_id", "number", "state", "score", "needs_grading"):
        tries.setdefault((attempt.quiz_id, attempt.enrolment_id), []).append(attempt)
    for (quiz_id, enrolment_id), attempts in sorted(tries.items()):
        result = results[quiz_id]
        kept = kept_attempt(result.quiz, attempts)
        if kept is None:
            continue
        result.kept_scores.append(kept.score)
        if not passes(result.quiz, course=run.course, score=kept.score):
            used = len(attempts)
            limit = result.quiz.max_attempts
            result.failing[enrolment_id] = (used, not limit or used < limit)
    return [results[quiz.pk] for quiz in quizzes]


def score_buckets(scores: list[Decimal]) -> list[int]:
    """How many scores fall in 0–9, 10–19, …, 80–89 and 90–100 (ten counts)."""
    counts = Counter(min(int(score) // 10, BUCKETS - 1) for score in scores)
    return [counts[index] for index in range(BUCKETS)]


# --------------------------------------------------------------------------------------------
# Trainees to watch
# --------------------------------------------------------------------------------------------


def expected_percent(run: CourseRun, today: datetime.date) -> int:
    """The progress a trainee keeping pace would have on ``today``: the elapsed share of the run's
    period (its 훈련기간 when funded), in whole percent."""
    start = run.training_start or run.starts_on
    end = run.training_end or run.ends_on
    if today <= start:
        return 0
    if today >= end:
        return 100
    return (today - start).days * 100 // (end - start).days


@dataclass
class Watch:
    """A studying trainee and why they are on the watch list (empty reasons: not at risk)."""

    enrolment: Enrolment
    last_activity: datetime.datetime | None
    idle: bool = False
    behind: bool = False
    #: (quiz, attempts used, any attempt left) for each quiz used without a pass
    failing: list[tuple[QuizPage, int, bool]] = field(default_factory=list)

    @property
    def at_risk(self) -> bool:
        return self.idle or self.behind or bool(self.failing)


def watch_list(
    run: CourseRun, results: list[QuizResults], *, now: datetime.datetime | None = None
) -> tuple[int, list[Watch]]:
    """(expected progress today, the studying trainees at risk) in one query.

    At risk: no credited study (nor an attempt) for :data:`IDLE_DAYS` days, or none at all since the
    run (or their enrolment) began that long ago; progress more than :data:`BEHIND_MARGIN` points
    under the run's schedule; or a quiz whose kept score does not pass.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    expected = expected_percent(run, today)
    studied = (
        LessonProgress.objects.filter(enrolment_id=OuterRef("pk"))
        .values("enrolment_id")
        .annotate(last=Max(Coalesce("last_studied_at", "completed_at", "started_at")))
        .values("last")
    )
    tried = (
        Attempt.objects.filter(enrolment_id=OuterRef("pk"))
        .values("enrolment_id")
        .annotate(last=Max(Coalesce("closed_at", "started_at")))
        .values("last")
    )
    enrolments = (
        Enrolment.objects.filter(run=run, status=Enrolment.Status.ACTIVE)
        .select_related("user")
        .annotate(last_study=Subquery(studied), last_attempt=Subquery(tried))
        .order_by("user__name_ko", "pk")
    )
    failing: dict[int, list[tuple[QuizPage, int, bool]]] = {}
    for result in results:
        for enrolment_id, (used, left) in result.failing.items():
            failing.setdefault(enrolment_id, []).append((result.quiz, used, left))
    started = run.training_start or run.starts_on
    watched = []
    for enrolment in enrolments:
        moments = [m for m in (enrolment.last_study, enrolment.last_attempt) if m is not None]
        last = max(moments) if moments else None
        if last is not None:
            idle = (today - timezone.localdate(last)).days >= IDLE_DAYS
        else:
            since = max(started, timezone.localdate(enrolment.created_at))
            idle = (today - since).days >= IDLE_DAYS
        watch = Watch(
            enrolment=enrolment,
            last_activity=last,
            idle=idle,
            behind=enrolment.progress_percent < expected - BEHIND_MARGIN,
            failing=failing.get(enrolment.pk, []),
        )
        if watch.at_risk:
            watched.append(watch)
    return expected, watched


# --------------------------------------------------------------------------------------------
# Attendance
# --------------------------------------------------------------------------------------------


def attendance_by_session(run: CourseRun) -> list[AttendanceSession]:
    """The run's on-site sessions, each with ``present`` and ``absent`` counts, in one query."""
    return list(
        AttendanceSession.objects.filter(run=run)
        .annotate(
            present=Count("records", filter=Q(records__present=True, records__enrolment__status__in=COUNTED)),
            absent=Count("records", filter=Q(records__present=False, records__enrolment__status__in=COUNTED)),
        )
        .order_by("starts_at", "pk")
    )
