"""Staff screens in the Wagtail admin: runs, enrolment lists and exports, approvals, attendance.

Two viewsets (``courses.viewsets.InstituteStaffViewSet``) over ``CourseRun``: its institute policy
decides who opens the screens (the staff of any institute, administrators) and which runs they
read; any other institute's run or enrolment is a 404.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView

from common.exports import table_response
from ops.privacy import Action, ExportReasonForm, personal_data_access_record

from . import presenters, selectors, services
from .models import AttendanceRecord, AttendanceSession, CourseRun, Enrolment
from .viewsets import InstituteStaffViewSet, StaffView, TemplateColumn

#: The run form's fields under the "사업주훈련 (환급)" heading (DOMAIN-KR §1.0; ``courses.funding``).
FUNDING_FIELDS = (
    "emp_ins_flag",
    "hrd_tracse_id",
    "hrd_tracse_tme",
    "training_start",
    "training_end",
    "unlock_next_at",
    "grading_deadline",
)


class RunForm(forms.ModelForm):
    """A run's dates, seats and place, and its funding. ``CourseRun.clean`` refuses a funded run that
    misses its identifiers or whose training period is too short (``courses.funding.funding_errors``)."""

    class Meta:
        model = CourseRun
        fields = [
            "course",
            "title",
            "title_en",
            "starts_on",
            "ends_on",
            "enrolment_opens_at",
            "enrolment_closes_at",
            "capacity",
            "delivery_mode",
            "location",
            "location_en",
            *FUNDING_FIELDS,
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "training_start": forms.DateInput(attrs={"type": "date"}),
            "training_end": forms.DateInput(attrs={"type": "date"}),
            "grading_deadline": forms.DateInput(attrs={"type": "date"}),
            "enrolment_opens_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "enrolment_closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = selectors.staff_courses(user)
        # Left out (an older form, a script): the run is unfunded and opens lessons at 80 %.
        for name in ("emp_ins_flag", "unlock_next_at"):
            self.fields[name].required = False

    def clean_emp_ins_flag(self):
        value = self.cleaned_data.get("emp_ins_flag")
        return CourseRun._meta.get_field("emp_ins_flag").default if value in (None, "") else value

    def clean_unlock_next_at(self):
        value = self.cleaned_data.get("unlock_next_at")
        return CourseRun._meta.get_field("unlock_next_at").default if value is None else value

    def general_fields(self):
        return [field for field in self if field.name not in FUNDING_FIELDS]

    def funding_fields(self):
        return [self[name] for name in FUNDING_FIELDS]

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The run cannot end before it starts."))
        opens, closes = cleaned.get("enrolment_opens_at"), cleaned.get("enrolment_closes_at")
        if opens and closes and closes < opens:
            self.add_error("enrolment_closes_at", _("Enrolment cannot close before it opens."))
        training_start, training_end = cleaned.get("training_start"), cleaned.get("training_end")
        if training_start and training_end and training_end < training_start:
            self.add_error("training_end", _("The training period cannot end before it starts."))
        return cleaned


class RunViewMixin:
    def get_run(self, run_id) -> CourseRun:
        return get_object_or_404(selectors.staff_runs(self.request.user), pk=run_id)


class RunIndexView(IndexView):
    """The runs of the user's institutes, newest first, with seats taken and requests waiting."""

    model = CourseRun
    page_title = gettext_lazy("Course runs")
    header_icon = "date"
    index_url_name = "course_runs:index"
    index_results_url_name = "course_runs:index_results"
    add_url_name = "course_runs:add"
    search_fields = ["title", "title_en", "course__title"]
    columns = [
        TitleColumn(
            "title", label=gettext_lazy("Run"), get_url=lambda run: reverse("course_runs:detail", args=[run.pk])
        ),
        Column("course", label=gettext_lazy("Course"), accessor="course.title"),
        Column("emp_ins_flag", label=gettext_lazy("Funding scheme"), accessor="get_emp_ins_flag_display"),
        TemplateColumn("dates", label=gettext_lazy("Dates"), template="courses/admin/cells/run_dates.html"),
        TemplateColumn("seats", label=gettext_lazy("Seats"), template="courses/admin/cells/run_seats.html"),
        Column("pending", label=gettext_lazy("Awaiting approval")),
        TemplateColumn("links", label="", template="courses/admin/cells/run_links.html"),
    ]

    def get_base_queryset(self):
        return (
            selectors.staff_runs(self.request.user)
            .order_by("-starts_on", "pk")
            .annotate(
                seats_taken=Count("enrolments", filter=Q(enrolments__status__in=Enrolment.SEAT_HOLDING)),
                pending=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.PENDING)),
            )
        )


class RunEditView(StaffView):
    """A new run (no ``run_id``) or one of the user's institutes' runs."""

    template_name = "courses/admin/run_form.html"
    header_icon = "date"

    def setup_objects(self, run_id=None):
        self.run = get_object_or_404(selectors.staff_runs(self.request.user), pk=run_id) if run_id else None

    def get_page_title(self):
        return self.run or _("New course run")

    def get(self, request, run_id=None):
        return self.render(form=RunForm(instance=self.run, user=request.user), run=self.run)

    def post(self, request, run_id=None):
        form = RunForm(request.POST, instance=self.run, user=request.user)
        if form.is_valid():
            run = services.course_run_save(form=form)
            messages.success(request, _("The run %(run)s was saved.") % {"run": run})
            return redirect("course_runs:detail", run.pk)
        return self.render(form=form, run=self.run)


class AddTraineeForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Trainee's e-mail"))
    invite = forms.BooleanField(label=gettext_lazy("Invite instead of enrolling (the trainee accepts)"), required=False)

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = get_user_model()._default_manager.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError(_("No account uses this e-mail address."))
        self.user = user
        return email


class RunDetailView(RunViewMixin, StaffView):
    """The enrolment list of a run: status, progress, completion; filters and exports.

    The export keeps ``common.exports.table_response`` rather than an ``IndexView``'s
    ``list_export``: this screen is a run's page (its add-a-trainee form beside the list), not a
    model listing, and the same exporter writes the gradebook's columns, which are not fields.
    """

    template_name = "courses/admin/run_detail.html"
    header_icon = "group"

    def setup_objects(self, run_id):
        self.run = self.get_run(run_id)

    def get_page_title(self):
        return str(self.run)

    def get(self, request, run_id):
        return self.respond(AddTraineeForm())

    def post(self, request, run_id):
        if "reason" in request.POST:
            return self.export(ExportReasonForm(request.POST), request.POST.get("format"))
        form = AddTraineeForm(request.POST)
        if form.is_valid():
            try:
                if form.cleaned_data["invite"]:
                    services.enrolment_invite(run=self.run, user=form.user, actor=request.user)
                    messages.success(request, _("%(name)s was invited.") % {"name": form.user.get_full_name()})
                else:
                    enrolment = services.enrolment_add(run=self.run, user=form.user, actor=request.user)
                    if enrolment.status == enrolment.Status.INVITED:  # a funded run's personal-data step
                        messages.success(
                            request,
                            _(
                                "%(name)s was invited: in a funded run the enrolment becomes active once the "
                                "trainee completes the personal-data step."
                            )
                            % {"name": form.user.get_full_name()},
                        )
                    else:
                        messages.success(request, _("%(name)s was enrolled.") % {"name": form.user.get_full_name()})
                return redirect("course_runs:detail", self.run.pk)
            except services.EnrolmentError as error:
                form.add_error(None, str(error))
        return self.respond(form)

    def _enrolments(self):
        status = self.request.GET.get("status", "")
        query = " ".join(self.request.GET.get("q", "").split())[:100]
        return selectors.run_enrolments(run=self.run, status=status, query=query), status, query

    def export(self, form, file_format):
        """The list (with the page's filters) as CSV or XLSX, once the reason is given (DOMAIN-KR §5.3)."""
        run = self.run
        if file_format not in ("csv", "xlsx") or not form.is_valid():
            return self.reason_form_response(form, what=_("Enrolments: %(run)s") % {"run": run}, status=400)
        enrolments = list(self._enrolments()[0])
        header = [
            _("Korean name"),
            _("English name"),
            _("E-mail"),
            _("Status"),
            _("Progress (%)"),
            _("Requested at"),
            _("Completed at"),
        ]
        rows = [
            [
                e.user.name_ko,
                e.user.name_en,
                e.user.email,
                e.get_status_display(),
                e.progress_percent,
                timezone.localtime(e.created_at).strftime("%Y-%m-%d %H:%M"),
                timezone.localtime(e.completed_at).strftime("%Y-%m-%d %H:%M") if e.completed_at else "",
            ]
            for e in enrolments
        ]
        personal_data_access_record(
            actor=self.request.user,
            action=Action.EXPORT,
            subjects=[e.user_id for e in enrolments],
            object_type="courses.enrolment_list",
            object_id=run.pk,
            reason=form.cleaned_data["reason"],
        )
        return table_response(filename=f"enrolments-{run.pk}", header=header, rows=rows, file_format=file_format)

    def respond(self, form):
        run = self.run
        if self.request.GET.get("format") in ("csv", "xlsx"):
            return self.reason_form_response(
                ExportReasonForm(),
                formats=(self.request.GET["format"],),
                what=_("Enrolments: %(run)s") % {"run": run},
            )
        queryset, status, query = self._enrolments()
        enrolments = list(queryset)
        personal_data_access_record(
            actor=self.request.user,
            action=Action.VIEW,
            subjects=[e.user_id for e in enrolments],
            object_type="courses.enrolment_list",
            object_id=run.pk,
        )
        return self.render(
            run=run,
            enrolments=enrolments,
            statuses=Enrolment.Status.choices,
            status=status,
            query=query,
            form=form,
        )


class CompletionOverrideForm(forms.Form):
    enrolment = forms.IntegerField(widget=forms.HiddenInput)
    complete = forms.TypedChoiceField(
        label=gettext_lazy("New decision"),
        choices=[("1", gettext_lazy("Completed")), ("0", gettext_lazy("Not completed"))],
        coerce=lambda value: value == "1",
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason (required)"),
        max_length=services.OVERRIDE_REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": gettext_lazy("Give the reason for the override.")},
    )


class CompletionDecisionsView(RunViewMixin, StaffView):
    """수료 판정 of a funded run (DOMAIN-KR §1.1): each trainee's decision and what is missing; until
    the grading deadline the rule decides, after it a staff member of the run's institute may
    override a decision with a reason (``services.completion_override``). Every override is listed
    (who, when, old → new, why). An unfunded run, or another institute's, is a 404."""

    template_name = "courses/admin/completion_decisions.html"
    header_icon = "tick-inverse"

    def setup_objects(self, run_id):
        self.run = get_object_or_404(selectors.staff_runs(self.request.user).filter(emp_ins_flag__gt=0), pk=run_id)

    def get_page_title(self):
        return _("Completion decisions: %(run)s") % {"run": self.run}

    def get(self, request, run_id):
        return self.respond()

    def post(self, request, run_id):
        form = CompletionOverrideForm(request.POST)
        if form.is_valid():
            enrolment = get_object_or_404(Enrolment, pk=form.cleaned_data["enrolment"], run=self.run)
            try:
                services.completion_override(
                    enrolment=enrolment,
                    complete=form.cleaned_data["complete"],
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                )
            except services.EnrolmentError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("The completion decision was changed: %(name)s") % {"name": enrolment.user.get_full_name()},
                )
                return redirect("course_runs:completion", self.run.pk)
        messages.error(request, _("The decision was not changed: correct the errors below."))
        response = self.respond(form=form)
        response.status_code = 400
        return response

    def respond(self, form=None):
        failed_for = form.data.get("enrolment", "") if form is not None else ""
        return self.render(
            run=self.run,
            decisions=presenters.completion_decisions(run=self.run),
            form=form,
            failed_for=failed_for,
        )


class SessionForm(forms.ModelForm):
    class Meta:
        model = AttendanceSession
        fields = ["title", "starts_at"]
        widgets = {"starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"})}


class AttendanceView(RunViewMixin, StaffView):
    """출석: on-site sessions of a run and who attended, recorded by its instructors."""

    template_name = "courses/admin/attendance.html"
    header_icon = "tick"

    def setup_objects(self, run_id):
        self.run = self.get_run(run_id)
        self.enrolments = list(
            Enrolment.objects.filter(run=self.run, status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED])
            .select_related("user")
            .order_by("user__name_ko", "pk")
        )

    def get_page_title(self):
        return _("Attendance: %(run)s") % {"run": self.run}

    def get(self, request, run_id):
        return self.respond(SessionForm())

    def post(self, request, run_id):
        run = self.run
        if request.POST.get("form") == "session":
            session_form = SessionForm(request.POST)
            if not session_form.is_valid():
                return self.respond(session_form)
            session = session_form.save(commit=False)
            session.run = run
            session.save()
            messages.success(request, _("Session added."))
            return redirect("course_runs:attendance", run.pk)
        session_id = request.POST.get("session", "")
        session = get_object_or_404(AttendanceSession, pk=session_id if session_id.isdigit() else None, run=run)
        present_ids = {int(value) for value in request.POST.getlist("present") if value.isdigit()}
        for enrolment in self.enrolments:
            services.attendance_record(
                session=session, enrolment=enrolment, present=enrolment.pk in present_ids, actor=request.user
            )
        messages.success(request, _("Attendance saved for %(session)s.") % {"session": session.title})
        return redirect("course_runs:attendance", run.pk)

    def respond(self, session_form):
        sessions = list(self.run.sessions.all())
        records = {
            (record.session_id, record.enrolment_id): record.present
            for record in AttendanceRecord.objects.filter(session__run=self.run)
        }
        grid = [
            {"enrolment": e, "cells": [{"session": s, "present": records.get((s.pk, e.pk), False)} for s in sessions]}
            for e in self.enrolments
        ]
        return self.render(run=self.run, sessions=sessions, grid=grid, session_form=session_form)


class EnrolmentRequestsView(StaffView):
    """승인 대기: every request awaiting a decision in the user's institutes."""

    template_name = "courses/admin/approvals.html"
    page_title = gettext_lazy("Enrolment requests")
    header_icon = "tasks"

    def get(self, request):
        return self.render(requests=selectors.pending_requests(request.user))


class EnrolmentActionView(StaffView):
    """Approve, reject or remove one enrolment of a run of the user's institutes (POST only)."""

    def post(self, request, enrolment_id, action):
        enrolment = get_object_or_404(
            Enrolment.objects.select_related("run__course", "user"),
            pk=enrolment_id,
            run__in=selectors.staff_runs(request.user),
        )
        reason = request.POST.get("reason", "")
        try:
            if action == "approve":
                services.enrolment_approve(enrolment=enrolment, actor=request.user)
                messages.success(request, _("Approved: %(name)s") % {"name": enrolment.user.get_full_name()})
            elif action == "reject":
                services.enrolment_reject(enrolment=enrolment, actor=request.user, reason=reason)
                messages.success(request, _("Rejected: %(name)s") % {"name": enrolment.user.get_full_name()})
            elif action == "remove":
                services.enrolment_remove(enrolment=enrolment, actor=request.user, reason=reason)
                messages.success(request, _("Removed: %(name)s") % {"name": enrolment.user.get_full_name()})
            else:
                raise PermissionDenied
        except services.EnrolmentError as error:
            messages.error(request, str(error))
        if request.POST.get("next", "") == "approvals":
            return redirect("enrolment_requests:index")
        return redirect("course_runs:detail", enrolment.run_id)


# --------------------------------------------------------------------------------------------
# The viewsets (registered in ``courses.wagtail_hooks``)
# --------------------------------------------------------------------------------------------


class CourseRunViewSet(InstituteStaffViewSet):
    """Runs of the user's institutes: list, add, edit, enrolments (with exports), attendance."""

    model = CourseRun
    name = "course_runs"
    url_prefix = "academy/runs"
    icon = "date"
    menu_label = gettext_lazy("Course runs")
    menu_order = 210

    def get_urlpatterns(self):
        return [
            path("", self.construct_view(RunIndexView), name="index"),
            path("results/", self.construct_view(RunIndexView, results_only=True), name="index_results"),
            path("add/", self.construct_view(RunEditView), name="add"),
            path("<int:run_id>/", self.construct_view(RunDetailView), name="detail"),
            path("<int:run_id>/edit/", self.construct_view(RunEditView), name="edit"),
            path("<int:run_id>/attendance/", self.construct_view(AttendanceView), name="attendance"),
            path("<int:run_id>/completion/", self.construct_view(CompletionDecisionsView), name="completion"),
        ]


class EnrolmentRequestViewSet(InstituteStaffViewSet):
    """Requests awaiting a decision, and the decisions (on the requests screen and a run's list)."""

    model = CourseRun
    name = "enrolment_requests"
    url_prefix = "academy"
    icon = "tasks"
    menu_label = gettext_lazy("Enrolment requests")
    menu_order = 211

    def get_urlpatterns(self):
        return [
            path("approvals/", self.construct_view(EnrolmentRequestsView), name="index"),
            path(
                "enrolments/<int:enrolment_id>/<slug:action>/",
                self.construct_view(EnrolmentActionView),
                name="action",
            ),
        ]
