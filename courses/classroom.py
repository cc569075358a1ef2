"""The funded classroom (원격훈련 강의실, DOMAIN-KR §6): what a trainee of a funded run sees on
``/learn/`` and on the lesson page — the 차시 table, 오늘 학습 N/8차시, the 평가 rows and the
수료 조건 현황. A presenter: it reads, shapes dataclasses for the templates, and writes nothing.

``courses`` knows the 차시, their 진도율 and the unlock rule. The day's ledger (``compliance``) and
the assessments and the weighted total (``assessments``) come in through two registries, filled at
start-up like ``courses.completion``'s requirement providers, so ``courses`` imports neither:

- a **ledger reader** ``reader(enrolments, *, now) -> {enrolment id: StudyLedger}``;
- a **score reader** ``reader(enrolments, *, now) -> {enrolment id: ScoreSummary}``.

A batch of enrolments costs a fixed number of queries, whatever the number of 차시.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from .completion import Requirement, missing_for
from .funding import FUNDED_MIN_PROGRESS_PERCENT
from .gates import is_gated, lesson_percent_of
from .models import COURSE_DEPTH, Enrolment, LessonPage, LessonProgress
from .permissions import under_paths
from .progress_rule import kst_date, seconds_to_reach


class LessonState(models.TextChoices):
    """The state of one 차시 in the table (the words of Korean providers)."""

    STUDY = "study", pgettext_lazy("funded lesson state", "Study")
    LOCKED = "locked", pgettext_lazy("funded lesson state", "Not enough progress")
    DAILY_CAP = "daily_cap", pgettext_lazy("funded lesson state", "Daily limit reached")
    DONE = "done", pgettext_lazy("funded lesson state", "Completed")
    REVIEW = "review", pgettext_lazy("funded lesson state", "Review only")


class AssessmentState(models.TextChoices):
    """The state of one 평가 (진행단계평가, 최종평가, 과제)."""

    LOCKED = "locked", pgettext_lazy("funded assessment state", "Not enough progress")
    NOT_TAKEN = "not_taken", pgettext_lazy("funded assessment state", "Not taken")
    IN_PROGRESS = "in_progress", pgettext_lazy("funded assessment state", "In progress")
    TAKEN = "taken", pgettext_lazy("funded assessment state", "Taken")
    NOT_SUBMITTED = "not_submitted", pgettext_lazy("funded assessment state", "Not submitted")
    SUBMITTED = "submitted", pgettext_lazy("funded assessment state", "Submitted")


def mmss(seconds: int) -> str:
    """Seconds as mm:ss (minutes may pass 59: 학습시간 is counted in minutes)."""
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


@dataclass(frozen=True)
class StudyLedger:
    """One enrolment's study-day ledger as the classroom reads it: today's 차시 and each 차시's last day."""

    lessons_today: frozenset[int]
    lesson_cap: int
    last_days: dict[int, datetime.date] = field(default_factory=dict)

    @property
    def lessons(self) -> int:
        return len(self.lessons_today)

    @property
    def at_cap(self) -> bool:
        return self.lessons >= self.lesson_cap


@dataclass(frozen=True)
class AssessmentRow:
    """One 평가 row: what it is, its state, and the note beside it (when it opens, the deadline, the score)."""

    kind_label: str
    title: str
    url: str
    state: AssessmentState
    note: str = ""
    score: str = ""

    @property
    def state_label(self) -> str:
        return str(self.state.label)

    @property
    def name(self) -> str:
        """What the row is called: the title, or the kind when it has none."""
        return self.title or self.kind_label

    @property
    def kind_prefix(self) -> str:
        """The kind before the title, unless the title says it already (a test titled 진행단계평가)."""
        return self.kind_label if self.title and self.title != self.kind_label else ""


@dataclass(frozen=True)
class ScoreSummary:
    """The 평가 rows of an enrolment and its weighted total (None: the course sets no weights)."""

    rows: list[AssessmentRow]
    total: str | None = None
    required_total: int = 60
    weights: str = ""
    assignment_weighted: bool = False
    assignment_submitted: bool = False
    #: The course's 만족도 설문 (None: it has none): its title, address, whether the trainee answered
    #: it, and whether the final test waits for it.
    survey_title: str = ""
    survey_url: str = ""
    survey_answered: bool | None = None
    survey_required: bool = False


LedgerReader = Callable[..., dict[int, StudyLedger]]
ScoreReader = Callable[..., dict[int, ScoreSummary]]

_ledger_readers: list[LedgerReader] = []
_score_readers: list[ScoreReader] = []


def register_ledger_reader(reader: LedgerReader) -> None:
    if reader not in _ledger_readers:
        _ledger_readers.append(reader)


def register_score_reader(reader: ScoreReader) -> None:
    if reader not in _score_readers:
        _score_readers.append(reader)


@dataclass(frozen=True)
class LessonRow:
    """One 차시 of the table."""

    number: int
    title: str
    url: str
    required: bool
    percent: int
    credited_seconds: int
    required_seconds: int
    last_day: datetime.date | None
    state: LessonState
    note: str = ""
    lesson_id: int = 0

    @property
    def credited(self) -> str:
        return mmss(self.credited_seconds)

    @property
    def needed(self) -> str:
        return mmss(self.required_seconds)

    @property
    def state_label(self) -> str:
        return str(self.state.label)

    @property
    def can_open(self) -> bool:
        return self.state in (LessonState.STUDY, LessonState.DONE, LessonState.REVIEW)

    @property
    def to_study(self) -> bool:
        """A 차시 still to study (its link is the call to action; finished ones are for review)."""
        return self.state == LessonState.STUDY


@dataclass
class FundedClassroom:
    """Everything the funded classroom shows for one enrolment."""

    enrolment: Enrolment
    lessons: list[LessonRow]
    ledger: StudyLedger | None
    scores: ScoreSummary | None
    progress_percent: int
    required_progress: int
    training_start: datetime.date | None
    training_end: datetime.date | None
    today: datetime.date
    missing: list[Requirement] = field(default_factory=list)

    def may_open(self, lesson_id: int) -> bool:
        """Whether the 차시 opens today (not over the daily cap, not locked by the unlock rule)."""
        return any(row.can_open for row in self.lessons if row.lesson_id == lesson_id)

    @property
    def assessments(self) -> list[AssessmentRow]:
        return self.scores.rows if self.scores else []

    @property
    def progress_met(self) -> bool:
        return self.progress_percent >= self.required_progress

    @property
    def total_met(self) -> bool:
        if self.scores is None or self.scores.total is None:
            return False
        return float(self.scores.total) >= self.scores.required_total

    @property
    def d_day(self) -> str:
        """D-7, D-day, or 종료 after the last day of the 훈련기간."""
        if self.training_end is None:
            return ""
        days = (self.training_end - self.today).days
        if days > 0:
            return f"D-{days}"
        if days == 0:
            return "D-day"
        return _("Ended")


def _unlock_note(previous: LessonPage, previous_row: LessonProgress | None, threshold: int, number: int) -> str:
    studied = previous_row.seconds_studied if previous_row else 0
    needed = seconds_to_reach(threshold, study_minutes=previous.study_minutes)
    minutes = -(-(needed - studied) // 60)
    if minutes <= 0:
        return _("Opens when lesson %(number)s is studied to its last page.") % {"number": number}
    return _("Opens when lesson %(number)s reaches %(percent)s %% (%(minutes)s more minutes).") % {
        "number": number,
        "percent": threshold,
        "minutes": minutes,
    }


def funded_classrooms(
    enrolments: list[Enrolment], *, now: datetime.datetime | None = None
) -> dict[int, FundedClassroom]:
    """The classroom of each funded enrolment (others are left out). The enrolments need ``run`` and
    ``run.course`` loaded; the batch costs a fixed number of queries, whatever the number of 차시."""
    now = now or timezone.now()
    funded = [e for e in enrolments if e.run.is_funded]
    if not funded:
        return {}
    today = kst_date(now)
    courses = {e.run.course.pk: e.run.course for e in funded}
    lessons = list(
        LessonPage.objects.live()
        .filter(under_paths([course.path for course in courses.values()]), depth__gt=COURSE_DEPTH)
        .order_by("path")
        .only(
            "id",
            "path",
            "depth",
            "title",
            "title_en",
            "url_path",
            "study_minutes",
            "required",
            "final_activity_required",
        )
    )
    progress = {
        (row.enrolment_id, row.lesson_id): row
        for row in LessonProgress.objects.filter(enrolment__in=funded).only(
            "enrolment_id", "lesson_id", "seconds_studied", "final_activity_at"
        )
    }
    ledgers: dict[int, StudyLedger] = {}
    for reader in _ledger_readers:
        ledgers.update(reader(funded, now=now))
    scores: dict[int, ScoreSummary] = {}
    for reader in _score_readers:
        scores.update(reader(funded, now=now))
    missing = missing_for(funded)

    result = {}
    for enrolment in funded:
        run = enrolment.run
        course = run.course
        gated = is_gated(enrolment, now)
        ended = run.training_end is not None and today > run.training_end
        ledger = ledgers.get(enrolment.pk)
        rows = []
        previous: tuple[LessonPage, LessonProgress | None, int, int] | None = None  # lesson, row, percent, number
        number = 0
        for lesson in lessons:
            if not lesson.path.startswith(course.path):
                continue
            number += 1
            row = progress.get((enrolment.pk, lesson.pk))
            percent = lesson_percent_of(row, lesson)
            required_seconds = lesson.study_minutes * 60
            credited = min(row.seconds_studied if row else 0, required_seconds or (row.seconds_studied if row else 0))
            note = ""
            if percent == 100:
                state = LessonState.DONE
            elif ended:
                state = LessonState.REVIEW
            elif gated and previous is not None and previous[2] < run.unlock_next_at:
                state = LessonState.LOCKED
                note = _unlock_note(previous[0], previous[1], run.unlock_next_at, previous[3])
            elif gated and ledger is not None and ledger.at_cap and lesson.pk not in ledger.lessons_today:
                state = LessonState.DAILY_CAP
                note = _("Opens again tomorrow (at most %(cap)s lessons a day).") % {"cap": ledger.lesson_cap}
            else:
                state = LessonState.STUDY
            if lesson.required:
                previous = (lesson, row, percent, number)
            rows.append(
                LessonRow(
                    number=number,
                    title=lesson.display_title,
                    url=lesson.get_url() or "",
                    required=lesson.required,
                    percent=percent,
                    credited_seconds=credited,
                    required_seconds=required_seconds,
                    last_day=ledger.last_days.get(lesson.pk) if ledger else None,
                    state=state,
                    note=note,
                    lesson_id=lesson.pk,
                )
            )
        result[enrolment.pk] = FundedClassroom(
            enrolment=enrolment,
            lessons=rows,
            ledger=ledger,
            scores=scores.get(enrolment.pk),
            progress_percent=enrolment.progress_percent,
            required_progress=max(FUNDED_MIN_PROGRESS_PERCENT, course.min_progress_percent),
            training_start=run.training_start,
            training_end=run.training_end,
            today=today,
            missing=missing.get(enrolment.pk, []),
        )
    return result


def funded_classroom(enrolment: Enrolment | None, *, now: datetime.datetime | None = None) -> FundedClassroom | None:
    if enrolment is None or not enrolment.run.is_funded:
        return None
    return funded_classrooms([enrolment], now=now).get(enrolment.pk)


# --------------------------------------------------------------------------------------------
# 학습 유의사항 (the study rules of a funded run)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FundedNotice:
    """The numbers the 학습 유의사항 page states for one funded run (settings and the run's own)."""

    run: object
    course: object
    required_progress: int
    min_total_score: int
    weight_progress_test: int | None
    weight_final_test: int | None
    weight_assignment: int | None
    unlock_next_at: int
    daily_lessons: int
    daily_hours: int
    progress_test_opens_at: int
    final_test_opens_at: int
    last_start: str
    similarity_percent: int = 90

    @property
    def has_weights(self) -> bool:
        return bool(self.course.has_assessment_weights)


def funded_notice(run) -> FundedNotice:
    """The 학습 유의사항 of a funded run (the run needs its ``course`` loaded). No query."""
    from django.conf import settings

    course = run.course
    return FundedNotice(
        run=run,
        course=course,
        required_progress=max(FUNDED_MIN_PROGRESS_PERCENT, course.min_progress_percent),
        min_total_score=course.min_total_score,
        weight_progress_test=course.weight_progress_test,
        weight_final_test=course.weight_final_test,
        weight_assignment=course.weight_assignment,
        unlock_next_at=run.unlock_next_at,
        daily_lessons=settings.ACADEMY_FUNDED_DAILY_LESSONS,
        daily_hours=settings.ACADEMY_FUNDED_DAILY_SECONDS // 3600,
        progress_test_opens_at=settings.ACADEMY_FUNDED_PROGRESS_TEST_OPENS_AT,
        final_test_opens_at=settings.ACADEMY_FUNDED_FINAL_TEST_OPENS_AT,
        last_start=settings.ACADEMY_FUNDED_LAST_START,
    )
