"""The sections of an inspection evidence pack (DOMAIN-KR §1.9), registered by the apps that own the data.

A pack (``compliance.evidence``) is one table per section for one enrolment. Each app registers
the sections of what it keeps (``register_section`` in its ``AppConfig.ready``), so the pack grows
when an app does (identity checks, proxy-learning flags, the 공단 reporting log) without the pack's
code changing, and ``courses`` never imports the apps above it. The sections of ``courses`` itself,
the enrolment's status history and the credit timeline per 차시, are registered here.

A section's ``rows(enrolment)`` answers a list of rows (lists of plain values: text, numbers,
dates, moments, None) in a fixed number of queries, whatever the enrolment holds; the pack writer
formats the values (moments in KST, to the second).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import Enrolment, EnrolmentEvent, LessonPage, LessonProgress

Rows = Callable[[Enrolment], list[list]]


@dataclass(frozen=True)
class EvidenceSection:
    """One table of the pack: ``key`` (stable, in file names and tests), ``title`` and ``columns``
    (translated), ``rows(enrolment)``; ``order`` places it in the pack (smaller first)."""

    key: str
    title: str | Promise
    columns: Sequence[str | Promise]
    rows: Rows
    order: int = 100


_sections: dict[str, EvidenceSection] = {}


def register_section(section: EvidenceSection) -> None:
    """Add (or replace, by key: registering twice is harmless) a section of every pack."""
    _sections[section.key] = section


def sections() -> list[EvidenceSection]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


# --------------------------------------------------------------------------------------------
# The sections of courses
# --------------------------------------------------------------------------------------------


def enrolment_event_rows(enrolment: Enrolment) -> list[list]:
    """Every status change: when, from, to, by whom (empty: the trainee or the rule), whether a
    staff override, why. One query."""
    statuses = dict(Enrolment.Status.choices)
    return [
        [
            event.created_at,
            str(statuses.get(event.from_status, event.from_status)),
            str(statuses.get(event.to_status, event.to_status)),
            event.actor.name_ko if event.actor else "",
            _("Yes") if event.is_override else "",
            event.reason,
        ]
        for event in EnrolmentEvent.objects.filter(enrolment=enrolment)
        .select_related("actor")
        .order_by("created_at", "pk")
    ]


def credit_timeline_rows(enrolment: Enrolment) -> list[list]:
    """Per 차시 of the course: when study started, when the last page was reached and when it was
    completed, the seconds credited. The address column waits for visit-level rows (the
    proxy-learning signals add them as their own section). Two queries."""
    run = enrolment.run
    lessons = list(LessonPage.objects.descendant_of(run.course).order_by("path").only("pk", "title", "study_minutes"))
    progress = {row.lesson_id: row for row in LessonProgress.objects.filter(enrolment=enrolment)}
    rows = []
    for number, lesson in enumerate(lessons, 1):
        row = progress.get(lesson.pk)
        rows.append(
            [
                number,
                lesson.title,
                row.started_at if row else None,
                row.final_activity_at if row else None,
                row.completed_at if row else None,
                row.seconds_studied if row else 0,
                lesson.study_minutes * 60,
                "",
            ]
        )
    return rows


register_section(
    EvidenceSection(
        key="enrolment_events",
        title=_("Enrolment events"),
        columns=(_("Time"), _("From"), _("To"), _("By"), _("Staff override"), _("Reason")),
        rows=enrolment_event_rows,
        order=20,
    )
)
register_section(
    EvidenceSection(
        key="credit_timeline",
        title=_("Credit timeline per lesson"),
        columns=(
            _("No."),
            _("Lesson"),
            pgettext_lazy("evidence pack", "Study started"),
            _("Last page reached"),
            pgettext_lazy("evidence pack", "Lesson completed"),
            _("Seconds credited"),
            _("Seconds required"),
            pgettext_lazy("evidence pack", "Address"),
        ),
        rows=credit_timeline_rows,
        order=30,
    )
)
