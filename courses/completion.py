"""The completion rule (수료기준): one function, used by every view, task and service.

A course's own requirements (progress, attendance) are checked here. Other apps add theirs
(the assessments app: every required assessment passed) by registering a *requirement provider*
at start-up, so ``courses`` never imports them. Likewise, other apps learn that an enrolment was
completed by registering a listener for ``enrolment_completed``, and that a completion was taken
back (a funded run's 모사 decision or regrade before its grading deadline, or a staff override
after it) by registering one for ``enrolment_uncompleted``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from .models import AttendanceRecord, AttendanceSession, CourseRun, DeliveryMode, Enrolment


@dataclass(frozen=True)
class Requirement:
    """One item of the completion rule, met or not, with the words a trainee reads."""

    key: str
    label: str
    met: bool
    #: Unmet only while something is pending (a copied-answer review): it holds completion back but
    #: never takes a completion away, since the review may well end in the trainee's favour.
    provisional: bool = False
    #: Unmet because of a finding about the record itself (대리수강 확정, DOMAIN-KR §1.8): it takes a
    #: completion back even after the grading deadline, and no staff override completes past it.
    finding: bool = False


RequirementProvider = Callable[[list[Enrolment]], dict[int, list[Requirement]]]
"""A provider takes enrolments and answers, per enrolment id, its requirements (batch: few queries)."""
CompletionListener = Callable[[Enrolment], None]
UncompletionListener = Callable[..., None]
"""``listener(enrolment, *, reason, actor)``: a completion was taken back (``actor`` None: by the rule)."""

_providers: list[RequirementProvider] = []
_listeners: list[CompletionListener] = []
_uncompletion_listeners: list[UncompletionListener] = []


def register_requirement_provider(provider: RequirementProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def register_completion_listener(listener: CompletionListener) -> None:
    """``listener(enrolment)`` runs inside the transaction that completes the enrolment."""
    if listener not in _listeners:
        _listeners.append(listener)


def completion_listeners() -> list[CompletionListener]:
    return list(_listeners)


def register_uncompletion_listener(listener: UncompletionListener) -> None:
    """``listener(enrolment, reason=…, actor=…)`` runs inside the transaction that takes a completion back."""
    if listener not in _uncompletion_listeners:
        _uncompletion_listeners.append(listener)


def uncompletion_listeners() -> list[UncompletionListener]:
    return list(_uncompletion_listeners)


#: Delivery modes with on-site sessions, whose attendance the completion rule requires.
ATTENDANCE_MODES = (DeliveryMode.BLENDED, DeliveryMode.ONSITE)


def effective_delivery_mode(run: CourseRun) -> str:
    """How a run is held: its own delivery mode, or its course's when the run leaves it empty.

    The one answer for completion (is attendance required?) and the course page (what each run
    offers, which completion rule applies). The run needs its ``course`` loaded.
    """
    return run.delivery_mode or run.course.delivery_mode


def requires_attendance(run: CourseRun) -> bool:
    """Blended and on-site runs require attendance of ``CoursePage.min_attendance_percent``."""
    return effective_delivery_mode(run) in ATTENDANCE_MODES


def attendance_percents(enrolments: list[Enrolment]) -> dict[int, int | None]:
    """Share of each run's on-site sessions that each trainee attended (None: the run has none)."""
    if not enrolments:
        return {}
    sessions = dict(
        AttendanceSession.objects.filter(run_id__in={e.run_id for e in enrolments})
        .values_list("run_id")
        .annotate(n=Count("pk"))
    )
    present = dict(
        AttendanceRecord.objects.filter(enrolment__in=enrolments, present=True)
        .values_list("enrolment_id")
        .annotate(n=Count("pk"))
    )
    result = {}
    for enrolment in enrolments:
        total = sessions.get(enrolment.run_id, 0)
        result[enrolment.pk] = round(100 * present.get(enrolment.pk, 0) / total) if total else None
    return result


def requirements_for(enrolments: list[Enrolment]) -> dict[int, list[Requirement]]:
    """Every requirement of each enrolment's course, in the order a trainee reads them.

    The enrolments need their ``run`` and ``run.course`` loaded; the whole batch costs a fixed
    number of queries.
    """
    result: dict[int, list[Requirement]] = {}
    needs_attendance = [e for e in enrolments if requires_attendance(e.run)]
    attendance = attendance_percents(needs_attendance)
    for enrolment in enrolments:
        course = enrolment.run.course
        items = [
            Requirement(
                key="progress",
                label=_("Progress of at least %(required)s %% (now %(current)s %%)")
                % {"required": course.min_progress_percent, "current": enrolment.progress_percent},
                met=enrolment.progress_percent >= course.min_progress_percent,
            )
        ]
        if enrolment.pk in attendance:
            attended = attendance[enrolment.pk]
            items.append(
                Requirement(
                    key="attendance",
                    label=_("Attendance of at least %(required)s %% (now %(current)s %%)")
                    % {"required": course.min_attendance_percent, "current": attended or 0},
                    met=attended is not None and attended >= course.min_attendance_percent,
                )
            )
        result[enrolment.pk] = items
    for provider in _providers:
        for enrolment_id, items in provider(enrolments).items():
            result[enrolment_id].extend(items)
    return result


def requirements(enrolment: Enrolment) -> list[Requirement]:
    return requirements_for([enrolment])[enrolment.pk]


def missing(enrolment: Enrolment) -> list[Requirement]:
    """수료까지 남은 항목: the requirements not met yet."""
    return [item for item in requirements(enrolment) if not item.met]


def missing_for(enrolments: list[Enrolment]) -> dict[int, list[Requirement]]:
    return {pk: [item for item in items if not item.met] for pk, items in requirements_for(enrolments).items()}


def is_complete(enrolment: Enrolment) -> bool:
    return not missing(enrolment)


def findings(enrolment: Enrolment) -> list[Requirement]:
    """The unmet requirements that are findings about the record (``Requirement.finding``)."""
    return [item for item in missing(enrolment) if item.finding]


def lost_requirements(enrolment: Enrolment) -> list[Requirement]:
    """The unmet requirements that take a completion back (the provisional ones never do)."""
    return [item for item in missing(enrolment) if not item.provisional]
