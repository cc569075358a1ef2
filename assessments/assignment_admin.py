"""Staff screens of assignments (과제): which run has submissions waiting, a run's submissions with
their state and age, and the grading form (채점 and 첨삭).

One ``courses.viewsets.InstituteStaffViewSet`` over ``AssignmentSubmission``: its institute policy
(registered in ``AssessmentsConfig.ready``) opens the screens, and each view reads its run,
assignment and submission through the user's institutes, so another institute's is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from courses.admin_panels import PanelRow, WorkPanel
from courses.models import CourseRun
from courses.permissions import is_institute_staff, policy_for
from courses.selectors import staff_runs
from courses.viewsets import InstituteStaffViewSet, StaffView

from . import assignments
from .assignment_forms import GradingForm
from .models import AssignmentPage, AssignmentSubmission
from .services import AssessmentError


class AssignmentIndexView(StaffView):
    """Every assignment of the user's institutes, per run: submissions waiting, graded, drafts."""

    template_name = "assessments/admin/assignment_index.html"
    page_title = gettext_lazy("Assignments")
    header_icon = "doc-full"

    def get(self, request):
        items = list(assignments.assignments_for_staff(request.user))
        runs = list(
            staff_runs(request.user).filter(course__in={a.course.pk for a in items}).order_by("-starts_on", "pk")
        )
        counts: dict[tuple[int, int], dict[str, int]] = {}
        for assignment_id, run_id, state, n in (
            AssignmentSubmission.objects.filter(assignment__in=items, enrolment__run__in=runs)
            .values_list("assignment_id", "enrolment__run_id", "state")
            .annotate(n=Count("pk"))
        ):
            counts.setdefault((assignment_id, run_id), {})[state] = n
        rows = [
            {
                "assignment": assignment,
                "run": run,
                "waiting": counts.get((assignment.pk, run.pk), {}).get(AssignmentSubmission.State.SUBMITTED, 0),
                "graded": counts.get((assignment.pk, run.pk), {}).get(AssignmentSubmission.State.GRADED, 0),
                "drafts": counts.get((assignment.pk, run.pk), {}).get(AssignmentSubmission.State.DRAFT, 0),
            }
            for assignment in items
            for run in runs
            if run.course_id == assignment.course.pk
        ]
        return self.render(rows=rows)


class SubmissionListView(StaffView):
    """One run's trainees and their submissions to one assignment: state, when, how long ago."""

    template_name = "assessments/admin/assignment_submissions.html"
    header_icon = "doc-full"

    def setup_objects(self, run_id, assignment_id):
        user = self.request.user
        self.run = get_object_or_404(staff_runs(user), pk=run_id)
        self.assignment = get_object_or_404(
            assignments.assignments_for_staff(user), pk=assignment_id, path__startswith=self.run.course.path
        )

    def get_page_title(self):
        return f"{self.assignment.title} · {self.run.title}"

    def get(self, request, run_id, assignment_id):
        rows = assignments.run_submission_rows(run=self.run, assignment=self.assignment)
        return self.render(run=self.run, assignment=self.assignment, rows=rows)


class SubmissionGradeView(StaffView):
    """채점: the submission's text and files, a score per rubric criterion (or one score), 첨삭."""

    template_name = "assessments/admin/assignment_grade.html"
    header_icon = "doc-full"

    def setup_objects(self, submission_id):
        submissions = policy_for(AssignmentSubmission).instances_user_has_permission_for(self.request.user, "change")
        self.submission = get_object_or_404(
            submissions.select_related("assignment", "enrolment__run__course", "user", "graded_by"), pk=submission_id
        )
        self.assignment = self.submission.assignment
        self.criteria = list(self.assignment.criteria.all())

    def get_page_title(self):
        return _("Grade: %(assignment)s · %(name)s") % {
            "assignment": self.assignment.title,
            "name": self.submission.user.get_full_name(),
        }

    def _list_url(self):
        return reverse("assignment_grading:submissions", args=[self.submission.enrolment.run_id, self.assignment.pk])

    def _form(self, data=None):
        submission = self.submission
        initial = {"feedback": submission.feedback}
        if submission.score is not None:
            initial["score"] = submission.score
            initial.update({f"criterion-{key}": value for key, value in submission.criterion_scores.items()})
        return GradingForm(data, assignment=self.assignment, criteria=self.criteria, initial=initial)

    def get(self, request, submission_id):
        return self._show(self._form())

    def _show(self, form, *, reopen_error: str = "", reopen_reason: str = ""):
        submission = self.submission
        response = self.render(
            submission=submission,
            assignment=self.assignment,
            files=list(submission.files.all()),
            form=form if submission.state != AssignmentSubmission.State.DRAFT else None,
            list_url=self._list_url(),
            reopenings=list(submission.reopenings.select_related("reopened_by")),
            reopen_error=reopen_error,
            reopen_reason=reopen_reason,
        )
        if reopen_error:
            response.status_code = 400
        return response

    def post(self, request, submission_id):
        if request.POST.get("action") == "reopen":
            try:
                assignments.submission_reopen(
                    submission=self.submission, actor=request.user, reason=request.POST.get("reason", "")
                )
            except AssessmentError as error:
                # Shown again with the reason typed so far (nothing lost), the error beside the field.
                messages.error(request, str(error))
                return self._show(self._form(), reopen_error=str(error), reopen_reason=request.POST.get("reason", ""))
            messages.success(request, _("The submission was reopened: the trainee may change and submit it again."))
            return redirect(self._list_url())
        form = self._form(request.POST)
        if not form.is_valid():
            messages.error(request, _("The grade was not saved: correct the errors below."))
            return self._show(form)
        try:
            assignments.submission_grade(
                submission=self.submission,
                actor=request.user,
                score=form.cleaned_data.get("score"),
                criterion_scores=form.criterion_scores() if self.criteria else None,
                feedback=form.cleaned_data["feedback"],
            )
        except AssessmentError as error:
            form.add_error(None, str(error))
            messages.error(request, str(error))
            return self._show(form)
        messages.success(request, _("Saved the grade of %(name)s.") % {"name": self.submission.user.get_full_name()})
        return redirect(self._list_url())


class AssignmentGradingViewSet(InstituteStaffViewSet):
    """과제 grading of the user's institutes' runs."""

    model = AssignmentSubmission
    name = "assignment_grading"
    url_prefix = "assignments"
    icon = "doc-full"
    menu_label = gettext_lazy("Assignments")
    menu_order = 223

    def get_urlpatterns(self):
        return [
            path("", self.construct_view(AssignmentIndexView), name="index"),
            path(
                "runs/<int:run_id>/<int:assignment_id>/",
                self.construct_view(SubmissionListView),
                name="submissions",
            ),
            path("submissions/<int:submission_id>/", self.construct_view(SubmissionGradeView), name="grade"),
        ]


# --------------------------------------------------------------------------------------------
# The dashboard panel (registered in ``assessments.wagtail_hooks``)
# --------------------------------------------------------------------------------------------


class AssignmentsToGradePanel(WorkPanel):
    """One row per assignment and run with submissions awaiting a grade, oldest submission first."""

    name = "academy-assignments-to-grade"
    order = 81
    heading = gettext_lazy("Assignments to grade")
    empty_text = gettext_lazy("No assignment is waiting for a grade.")
    all_label = gettext_lazy("Assignments")

    def queryset(self):
        return assignments.submissions_to_grade(self.user)

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        shown = context["rows"]
        if shown:  # two reads for the few rows shown
            pages = AssignmentPage.objects.in_bulk([row["assignment_id"] for row in shown])
            runs = CourseRun.objects.select_related("course").in_bulk([row["run_id"] for row in shown])
            context["rows"] = [
                PanelRow(
                    label=f"{pages[row['assignment_id']].title} · {runs[row['run_id']].course.title} · "
                    f"{runs[row['run_id']].title}",
                    url=reverse("assignment_grading:submissions", args=[row["run_id"], row["assignment_id"]]),
                    date=row["oldest"],
                    meta=ngettext("%(count)s submission to grade", "%(count)s submissions to grade", row["waiting"])
                    % {"count": row["waiting"]},
                )
                for row in shown
            ]
        return context

    def row(self, item) -> dict:
        return item

    def all_url(self) -> str:
        return reverse("assignment_grading:index")


def assignment_panels(request) -> list[AssignmentsToGradePanel]:
    return [AssignmentsToGradePanel(request.user)] if is_institute_staff(request.user) else []
