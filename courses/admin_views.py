"""Staff screens in the Wagtail admin: runs, enrolment lists and exports, approvals, attendance.

Every view checks on the server that the run belongs to one of the user's institutes; any other
run is a 404.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from common.exports import table_response

from . import selectors, services
from .models import AttendanceRecord, AttendanceSession, CourseRun, Enrolment
from .permissions import is_institute_staff


def _require_staff(request):
    if not is_institute_staff(request.user):
        raise PermissionDenied


def _run(request, run_id) -> CourseRun:
    _require_staff(request)
    return get_object_or_404(selectors.staff_runs(request.user), pk=run_id)


class RunForm(forms.ModelForm):
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
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "enrolment_opens_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "enrolment_closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = selectors.staff_courses(user)

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The run cannot end before it starts."))
        opens, closes = cleaned.get("enrolment_opens_at"), cleaned.get("enrolment_closes_at")
        if opens and closes and closes < opens:
            self.add_error("enrolment_closes_at", _("Enrolment cannot close before it opens."))
        return cleaned


def run_list(request):
    _require_staff(request)
    runs = (
        selectors.staff_runs(request.user)
        .order_by("-starts_on", "pk")
        .annotate(
            seats_taken=Count("enrolments", filter=Q(enrolments__status__in=Enrolment.SEAT_HOLDING)),
            pending=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.PENDING)),
        )
    )
    return render(
        request,
        "courses/admin/run_list.html",
        {"runs": runs, "page_title": _("Course runs"), "header_icon": "date"},
    )


def run_edit(request, run_id=None):
    _require_staff(request)
    run = get_object_or_404(selectors.staff_runs(request.user), pk=run_id) if run_id else None
    form = RunForm(request.POST or None, instance=run, user=request.user)
    if request.method == "POST" and form.is_valid():
        run = form.save()
        messages.success(request, _("The run %(run)s was saved.") % {"run": run})
        return redirect("courses_admin:run_detail", run.pk)
    return render(
        request,
        "courses/admin/run_form.html",
        {"form": form, "run": run, "page_title": run or _("New course run"), "header_icon": "date"},
    )


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


def run_detail(request, run_id):
    """The enrolment list of a run: status, progress, completion; filters and exports."""
    run = _run(request, run_id)
    status = request.GET.get("status", "")
    query = " ".join(request.GET.get("q", "").split())[:100]
    enrolments = selectors.run_enrolments(run=run, status=status, query=query)
    file_format = request.GET.get("format")
    if file_format in ("csv", "xlsx"):
        header = [
            _("Korean name"),
            _("English name"),
            _("E-mail"),
            _("Status"),
            _("Progress (%)"),
            _("Requested at"),
            _("Completed at"),
        ]
        rows = (
            [
                e.user.name_ko,
                e.user.name_en,
                e.user.email,
                e.get_status_display(),
                e.progress_percent,
                timezone.localtime(e.created_at).strftime("%Y-%m-%d %H:%M"),
                timezone.localtime(e.completed_at).strftime("%Y-%m-%d %H:%M") if e.completed_at else "",
            ]
            for e in enrolments.iterator(chunk_size=2000)
        )
        return table_response(filename=f"enrolments-{run.pk}", header=header, rows=rows, file_format=file_format)

    form = AddTraineeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["invite"]:
                services.enrolment_invite(run=run, user=form.user, actor=request.user)
                messages.success(request, _("%(name)s was invited.") % {"name": form.user.get_full_name()})
            else:
                services.enrolment_add(run=run, user=form.user, actor=request.user)
                messages.success(request, _("%(name)s was enrolled.") % {"name": form.user.get_full_name()})
            return redirect("courses_admin:run_detail", run.pk)
        except services.EnrolmentError as error:
            form.add_error(None, str(error))
    return render(
        request,
        "courses/admin/run_detail.html",
        {
            "run": run,
            "enrolments": enrolments,
            "statuses": Enrolment.Status.choices,
            "status": status,
            "query": query,
            "form": form,
            "page_title": str(run),
            "header_icon": "group",
        },
    )


def approvals(request):
    """승인 대기: every request awaiting a decision in the user's institutes."""
    _require_staff(request)
    return render(
        request,
        "courses/admin/approvals.html",
        {
            "requests": selectors.pending_requests(request.user),
            "page_title": _("Enrolment requests"),
            "header_icon": "tasks",
        },
    )


@require_POST
def enrolment_action(request, enrolment_id, action):
    _require_staff(request)
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
    next_url = request.POST.get("next", "")
    if next_url == "approvals":
        return redirect("courses_admin:approvals")
    return redirect("courses_admin:run_detail", enrolment.run_id)


class SessionForm(forms.ModelForm):
    class Meta:
        model = AttendanceSession
        fields = ["title", "starts_at"]
        widgets = {"starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"})}


def attendance(request, run_id):
    """출석: on-site sessions of a run and who attended, recorded by its instructors."""
    run = _run(request, run_id)
    sessions = list(run.sessions.all())
    enrolments = list(
        Enrolment.objects.filter(run=run, status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED])
        .select_related("user")
        .order_by("user__name_ko", "pk")
    )
    session_form = SessionForm(request.POST if request.POST.get("form") == "session" else None)
    if request.method == "POST":
        if request.POST.get("form") == "session":
            if session_form.is_valid():
                session = session_form.save(commit=False)
                session.run = run
                session.save()
                messages.success(request, _("Session added."))
                return redirect("courses_admin:attendance", run.pk)
        else:
            session_id = request.POST.get("session", "")
            session = get_object_or_404(AttendanceSession, pk=session_id if session_id.isdigit() else None, run=run)
            present_ids = {int(value) for value in request.POST.getlist("present") if value.isdigit()}
            for enrolment in enrolments:
                services.attendance_record(
                    session=session, enrolment=enrolment, present=enrolment.pk in present_ids, actor=request.user
                )
            messages.success(request, _("Attendance saved for %(session)s.") % {"session": session.title})
            return redirect("courses_admin:attendance", run.pk)
    records = {
        (record.session_id, record.enrolment_id): record.present
        for record in AttendanceRecord.objects.filter(session__run=run)
    }
    grid = [
        {"enrolment": e, "cells": [{"session": s, "present": records.get((s.pk, e.pk), False)} for s in sessions]}
        for e in enrolments
    ]
    return render(
        request,
        "courses/admin/attendance.html",
        {
            "run": run,
            "sessions": sessions,
            "grid": grid,
            "session_form": session_form,
            "page_title": _("Attendance: %(run)s") % {"run": run},
            "header_icon": "tick",
        },
    )
