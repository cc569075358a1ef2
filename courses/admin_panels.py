"""The Wagtail dashboard's panels for instructors and institute managers.

Each panel shows one kind of work waiting for the user, only in their own institutes: a count, the
first few items with links, a link to the full list, and a sentence when nothing is waiting. Each
runs a fixed number of queries (two: the count and the first rows), whatever the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component

from . import selectors
from .permissions import is_institute_staff


@dataclass
class PanelRow:
    label: str
    url: str
    date: object = None  # shown with the ``kdate`` filter
    meta: str = ""


class WorkPanel(Component):
    """A dashboard panel listing work waiting for the user (subclasses say which)."""

    template_name = "courses/admin/dashboard_panel.html"
    name = ""
    order = 100
    heading = ""
    empty_text = ""
    all_label = _("See all")
    limit = 5

    def __init__(self, user):
        self.user = user

    def queryset(self):
        raise NotImplementedError

    def row(self, item) -> PanelRow:
        raise NotImplementedError

    def all_url(self) -> str:
        return ""

    def get_context_data(self, parent_context=None):
        items = self.queryset()
        count = items.count()
        rows = [self.row(item) for item in items[: self.limit]] if count else []
        return {
            "panel_id": self.name,
            "heading": self.heading,
            "count": count,
            "rows": rows,
            "more": max(count - len(rows), 0),
            "all_url": self.all_url(),
            "all_label": self.all_label,
            "empty_text": self.empty_text,
        }


class EnrolmentRequestsPanel(WorkPanel):
    name = "academy-enrolment-requests"
    order = 50
    heading = _("Enrolment requests awaiting approval")
    empty_text = _("No enrolment request is waiting.")

    def queryset(self):
        return selectors.pending_requests(self.user)

    def row(self, enrolment) -> PanelRow:
        return PanelRow(
            label=f"{enrolment.user.get_full_name()} · {enrolment.run.course.title}",
            url=reverse("course_runs:detail", args=[enrolment.run_id]),
            date=enrolment.created_at,
            meta=enrolment.run.title,
        )

    def all_url(self) -> str:
        return reverse("enrolment_requests:index")


class PagesAwaitingReviewPanel(WorkPanel):
    name = "academy-pages-in-review"
    order = 60
    heading = _("Pages awaiting review")
    empty_text = _("No page of your institute is waiting for review.")

    def queryset(self):
        return selectors.pages_awaiting_review(self.user)

    def row(self, page) -> PanelRow:
        return PanelRow(label=page.title, url=reverse("wagtailadmin_pages:edit", args=[page.pk]))


class RunsStartingSoonPanel(WorkPanel):
    name = "academy-runs-starting-soon"
    order = 70
    heading = _("Runs starting in the next 14 days")
    empty_text = _("No run starts in the next 14 days.")
    all_label = _("All runs")

    def queryset(self):
        return selectors.runs_starting_soon(self.user, days=14)

    def row(self, run) -> PanelRow:
        seats = (
            ngettext("%(taken)s of %(capacity)s seat taken", "%(taken)s of %(capacity)s seats taken", run.capacity)
            % {"taken": run.seats_taken, "capacity": run.capacity}
            if run.capacity
            else ngettext("%(taken)s trainee", "%(taken)s trainees", run.seats_taken) % {"taken": run.seats_taken}
        )
        meta = seats
        if run.requests_waiting:
            meta += " · " + ngettext(
                "%(count)s request waiting", "%(count)s requests waiting", run.requests_waiting
            ) % {"count": run.requests_waiting}
        return PanelRow(
            label=f"{run.course.title} · {run.title}",
            url=reverse("course_runs:detail", args=[run.pk]),
            date=run.starts_on,
            meta=meta,
        )

    def all_url(self) -> str:
        return reverse("course_runs:index")


def staff_panels(request) -> list[WorkPanel]:
    """The course panels for the user's dashboard (none for users outside every institute)."""
    if not is_institute_staff(request.user):
        return []
    return [
        EnrolmentRequestsPanel(request.user),
        PagesAwaitingReviewPanel(request.user),
        RunsStartingSoonPanel(request.user),
    ]
