"""Lesson gates of funded runs: what keeps a trainee from opening a 차시, or from being credited for it.

``courses`` owns the 2026 unlock rule (차시 n+1 opens once 차시 n reaches the run's
``unlock_next_at``). Other apps add their rules without ``courses`` importing them, by registering
at start-up (``AppConfig.ready``), like the requirement providers of ``courses.completion``:

- an **open gate** ``gate(*, enrolment, lesson, now) -> str | None`` answers a translated refusal
  (the lesson page answers 403 with it, and the heartbeat credits nothing) or None;
- a **credit limiter** ``limiter(*, enrolment, lesson, seconds, now) -> int`` answers how many of
  the ``seconds`` a heartbeat is about to credit may count (0 to refuse). It runs inside the
  heartbeat's transaction, with the enrolment's row locked, so it may record what it allowed and
  two concurrent heartbeats of one enrolment never both pass a limit;
- an **entry gate** ``gate(*, enrolment, entry, now) -> Detour | None`` answers where the trainee
  must go first (``compliance``: the identity check of DOMAIN-KR §1.7) before entering a 차시, a
  quiz attempt or an assignment submission (an ``Entry``). The lesson page redirects to the
  detour, the quiz start and the assignment page too, and while a detour stands a heartbeat
  credits nothing (``open_refusal`` answers its message). Entry gates are asked for every active
  enrolment, funded or not: the gate decides (unfunded runs may be configured in).

Gates apply to active enrolments of funded runs inside their 훈련기간, to trainees only: the
institute's staff and unfunded runs are never gated, and outside the 훈련기간 lessons open for
review while nothing is credited (``courses.progress_rule.in_training_period``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Enrolment, LessonPage, LessonProgress
from .progress_rule import in_training_period, lesson_percent, seconds_to_reach

OpenGate = Callable[..., "str | None"]
CreditLimiter = Callable[..., int]


@dataclass(frozen=True)
class Entry:
    """Where a trainee is about to go. ``kind``: "lesson" (a 차시), "quiz" (an attempt start) or
    "assignment" (a submission); ``subkind``: the quiz's kind (progress, final, other);
    ``return_url``: where to come back to; ``since``: a check before this time does not count
    (the start of the previous attempt, the previous submission)."""

    kind: str
    object_id: int
    return_url: str = ""
    lesson: LessonPage | None = None
    subkind: str = ""
    since: datetime.datetime | None = None


@dataclass(frozen=True)
class Detour:
    """The trainee must first go to ``url`` (which brings them back); ``message`` says why."""

    message: str
    url: str


EntryGate = Callable[..., "Detour | None"]

_open_gates: list[OpenGate] = []
_credit_limiters: list[CreditLimiter] = []
_entry_gates: list[EntryGate] = []


def register_open_gate(gate: OpenGate) -> None:
    if gate not in _open_gates:
        _open_gates.append(gate)


def register_credit_limiter(limiter: CreditLimiter) -> None:
    if limiter not in _credit_limiters:
        _credit_limiters.append(limiter)


def register_entry_gate(gate: EntryGate) -> None:
    if gate not in _entry_gates:
        _entry_gates.append(gate)


def entry_detour(*, enrolment: Enrolment | None, entry: Entry, now: datetime.datetime) -> Detour | None:
    """Where an active trainee must go before ``entry`` (None: nowhere). The caller leaves staff out."""
    if enrolment is None or enrolment.status != Enrolment.Status.ACTIVE:
        return None
    for gate in _entry_gates:
        detour = gate(enrolment=enrolment, entry=entry, now=now)
        if detour is not None:
            return detour
    return None


def is_gated(enrolment: Enrolment | None, now: datetime.datetime) -> bool:
    """Do the funded-run gates apply to this enrolment now?"""
    return (
        enrolment is not None
        and enrolment.status == Enrolment.Status.ACTIVE
        and enrolment.run.is_funded
        and in_training_period(enrolment.run, now)
    )


def previous_required_lesson(lesson: LessonPage) -> LessonPage | None:
    """차시 n−1: the required live lesson just before ``lesson`` in syllabus order."""
    return (
        LessonPage.objects.live()
        .descendant_of(lesson.course)
        .filter(required=True, path__lt=lesson.path)
        .order_by("-path")
        .only("id", "title", "title_en", "study_minutes", "final_activity_required", "path", "depth")
        .first()
    )


def lesson_percent_of(progress: LessonProgress | None, lesson: LessonPage) -> int:
    """p of one 차시 for a trainee (``courses.progress_rule.lesson_percent`` on their row)."""
    return lesson_percent(
        credited_seconds=progress.seconds_studied if progress else 0,
        study_minutes=lesson.study_minutes,
        final_activity_done=bool(progress and progress.final_activity_at),
        final_required=lesson.final_activity_required,
    )


def unlock_refusal(*, enrolment: Enrolment, lesson: LessonPage) -> str | None:
    """차시 n+1 stays closed while 차시 n is below the run's ``unlock_next_at`` (DOMAIN-KR §1.4)."""
    previous = previous_required_lesson(lesson)
    if previous is None:
        return None
    progress = LessonProgress.objects.filter(enrolment=enrolment, lesson=previous).first()
    threshold = enrolment.run.unlock_next_at
    if lesson_percent_of(progress, previous) >= threshold:
        return None
    studied = progress.seconds_studied if progress else 0
    needed = seconds_to_reach(threshold, study_minutes=previous.study_minutes)
    minutes = -(-(needed - studied) // 60)
    if minutes <= 0:  # the time is there (a 100 % threshold): the last page is missing
        return _("Finish %(lesson)s first: study it to its last page to open this lesson.") % {
            "lesson": previous.display_title
        }
    return ngettext(
        "%(lesson)s must reach %(percent)s %% first: study it %(minutes)s more minute to open this lesson.",
        "%(lesson)s must reach %(percent)s %% first: study it %(minutes)s more minutes to open this lesson.",
        minutes,
    ) % {"lesson": previous.display_title, "percent": threshold, "minutes": minutes}


def open_refusal(
    *, enrolment: Enrolment | None, lesson: LessonPage, now: datetime.datetime, detours: bool = True
) -> str | None:
    """Why this trainee may not open (nor be credited for) this lesson now; None when they may.

    With ``detours`` (the heartbeat), an entry gate's detour refuses too (its message); the lesson
    page asks without them and redirects to the detour instead. The caller leaves the institute's
    staff out (they are never gated).
    """
    if not is_gated(enrolment, now):
        return None
    refusal = unlock_refusal(enrolment=enrolment, lesson=lesson)
    if refusal:
        return refusal
    for gate in _open_gates:
        refusal = gate(enrolment=enrolment, lesson=lesson, now=now)
        if refusal:
            return refusal
    if detours:
        detour = entry_detour(
            enrolment=enrolment, entry=Entry(kind="lesson", object_id=lesson.pk, lesson=lesson), now=now
        )
        if detour is not None:
            return detour.message
    return None


def allowed_credit(*, enrolment: Enrolment, lesson: LessonPage, seconds: int, now: datetime.datetime) -> int:
    """How many of ``seconds`` the heartbeat may credit, after every registered limiter (in order)."""
    for limiter in _credit_limiters:
        if seconds <= 0:
            break
        seconds = max(0, min(seconds, limiter(enrolment=enrolment, lesson=lesson, seconds=seconds, now=now)))
    return seconds
