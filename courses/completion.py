"""The completion rule (수료기준): one function, used by every view, task and service.

A course's own requirements (progress, attendance) are checked here. Other apps add theirs
(the assessments app: every required assessment passed) by registering a *requirement provider*
at start-up, so ``courses`` never imports them. Likewise, other apps learn that an enrolment was
completed by registering a listener for ``enrolment_completed``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import AttendanceRecord, AttendanceSession, Enrolment


@dataclass(frozen=True)
class Requirement:
    """One item of the completion rule, met or not, with the words a trainee reads."""

    key: str
    label: str
    met: bool


RequirementProvider = Callable[[Enrolment], list[Requirement]]
CompletionListener = Callable[[Enrolment], None]

_providers: list[RequirementProvider] = []
_listeners: list[CompletionListener] = []


def register_requirement_provider(provider: RequirementProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def register_completion_listener(listener: CompletionListener) -> None:
    """``listener(enrolment)`` runs inside the transaction that completes the enrolment."""
    if listener not in _listeners:
        _listeners.append(listener)


def completion_listeners() -> list[CompletionListener]:
    return list(_listeners)


def attendance_percent(enrolment: Enrolment) -> int | None:
    """Share of the run's on-site sessions that the trainee attended (None: the run has none)."""
    sessions = AttendanceSession.objects.filter(run_id=enrolment.run_id).count()
    if not sessions:
        return None
    present = AttendanceRecord.objects.filter(
        enrolment=enrolment, present=True, session__run_id=enrolment.run_id
    ).count()
    return round(100 * present / sessions)


def requirements(enrolment: Enrolment) -> list[Requirement]:
    """Every requirement of the enrolment's course, in the order a trainee reads them."""
    course = enrolment.run.course
    items = [
        Requirement(
            key="progress",
            label=_("Progress of at least %(required)s %% (now %(current)s %%)")
            % {"required": course.min_progress_percent, "current": enrolment.progress_percent},
            met=enrolment.progress_percent >= course.min_progress_percent,
        )
    ]
    if enrolment.run.effective_delivery_mode in ("blended", "onsite"):
        attended = attendance_percent(enrolment)
        items.append(
            Requirement(
                key="attendance",
                label=_("Attendance of at least %(required)s %% (now %(current)s %%)")
                % {"required": course.min_attendance_percent, "current": attended or 0},
                met=attended is not None and attended >= course.min_attendance_percent,
            )
        )
    for provider in _providers:
        items.extend(provider(enrolment))
    return items


def missing(enrolment: Enrolment) -> list[Requirement]:
    """수료까지 남은 항목: the requirements not met yet."""
    return [item for item in requirements(enrolment) if not item.met]


def is_complete(enrolment: Enrolment) -> bool:
    return not missing(enrolment)
