"""The dashboard panels of practical assessments (실기평가) and essay answers (서술형) waiting for a grade
(see ``courses.admin_panels``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from courses.admin_panels import PanelRow, WorkPanel
from courses.models import CourseRun
from courses.permissions import is_institute_staff

from . import selectors
from .models import PracticalAssessment


class PracticalsToGradePanel(WorkPanel):
    """One row per practical assessment and run with trainees not graded yet."""

    name = "academy-practicals-to-grade"
    order = 80
    heading = _("Practical assessments to grade")
    empty_text = _("No practical assessment is waiting for a grade.")
    all_label = _("Gradebook")

    def queryset(self):
        return selectors.practicals_to_grade(self.user)

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        # The rows name their assessment and run: two reads for the few rows shown.
        shown = context["rows"]
        if shown:
            assessments = PracticalAssessment.objects.in_bulk([row.assessment_id for row in shown])
            runs = CourseRun.objects.select_related("course").in_bulk([row.run_id for row in shown])
            context["rows"] = [row.finish(assessments, runs) for row in shown]
        return context

    def row(self, item) -> _PendingRow:
        return _PendingRow(item["assessment_id"], item["run_id"], item["waiting"])

    def all_url(self) -> str:
        return reverse("gradebook:index")


class _PendingRow:
    def __init__(self, assessment_id: int, run_id: int, waiting: int):
        self.assessment_id, self.run_id, self.waiting = assessment_id, run_id, waiting

    def finish(self, assessments, runs) -> PanelRow:
        assessment, run = assessments[self.assessment_id], runs[self.run_id]
        return PanelRow(
            label=f"{assessment.title} · {run.course.title} · {run.title}",
            url=reverse("gradebook:practical_grading", args=[run.pk, assessment.pk]),
            date=run.starts_on,
            meta=ngettext("%(count)s trainee to grade", "%(count)s trainees to grade", self.waiting)
            % {"count": self.waiting},
        )


class EssaysToGradePanel(WorkPanel):
    """서술형 채점 대기: one row per run with essay answers not graded yet, linking to its grading screen."""

    name = "academy-essays-to-grade"
    order = 81
    heading = _("Essay answers to grade")
    empty_text = _("No essay answer is waiting for a grade.")
    all_label = _("Gradebook")

    def queryset(self):
        return selectors.essays_waiting(self.user)

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        shown = context["rows"]
        if shown:
            runs = CourseRun.objects.select_related("course").in_bulk([row.run_id for row in shown])
            context["rows"] = [row.finish(runs) for row in shown]
        return context

    def row(self, item) -> _WaitingEssays:
        return _WaitingEssays(item["attempt__enrolment__run_id"], item["waiting"])

    def all_url(self) -> str:
        return reverse("gradebook:index")


class _WaitingEssays:
    def __init__(self, run_id: int, waiting: int):
        self.run_id, self.waiting = run_id, waiting

    def finish(self, runs) -> PanelRow:
        run = runs[self.run_id]
        return PanelRow(
            label=f"{run.course.title} · {run.title}",
            url=reverse("gradebook:essay_grading", args=[run.pk]),
            date=run.starts_on,
            meta=ngettext("%(count)s answer to grade", "%(count)s answers to grade", self.waiting)
            % {"count": self.waiting},
        )


def staff_panels(request) -> list[WorkPanel]:
    if not is_institute_staff(request.user):
        return []
    return [PracticalsToGradePanel(request.user), EssaysToGradePanel(request.user)]
