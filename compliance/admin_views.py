"""Inspection evidence packs in the admin: per enrolment (CSV or PDF) and a run's zip, for the staff
of the run's institute (the ``CourseRun`` institute policy: another institute's run is a 404). Only
funded runs have packs. Every download is recorded in the audit trail as an export."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext as _

from courses.models import CourseRun
from courses.selectors import staff_runs
from courses.viewsets import InstituteStaffViewSet, StaffView
from ops.privacy import ExportReasonForm

from . import evidence


def _attachment(filename: str, data: bytes, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


class FundedRunView(StaffView):
    def setup_objects(self, run_id=None, enrolment_id=None):
        runs = staff_runs(self.request.user).filter(emp_ins_flag__gt=0)
        if enrolment_id is not None:
            self.enrolment = get_object_or_404(
                evidence.admitted_enrolments_of(runs).select_related("run"), pk=enrolment_id
            )
            self.run = self.enrolment.run
        else:
            self.run = get_object_or_404(runs, pk=run_id)


class EnrolmentPackView(FundedRunView):
    """One trainee's pack: a GET asks for the reason (DOMAIN-KR §5.3), the POST with it downloads."""

    file_format = "csv"

    def get(self, request, enrolment_id):
        return self.reason_form_response(
            ExportReasonForm(), formats=(self.file_format,), what=_("Inspection evidence pack")
        )

    def post(self, request, enrolment_id):
        form = ExportReasonForm(request.POST)
        if not form.is_valid():
            return self.reason_form_response(
                form, formats=(self.file_format,), what=_("Inspection evidence pack"), status=400
            )
        filename, data = evidence.evidence_pack_export(
            enrolment=self.enrolment,
            actor=request.user,
            file_format=self.file_format,
            reason=form.cleaned_data["reason"],
        )
        return _attachment(filename, data, evidence.CONTENT_TYPES[self.file_format])


class RunZipView(FundedRunView):
    """Every pack of a run: a GET asks for the reason, the POST with it downloads the zip."""

    def get(self, request, run_id):
        return self.reason_form_response(ExportReasonForm(), formats=("zip",), what=_("Inspection evidence packs"))

    def post(self, request, run_id):
        form = ExportReasonForm(request.POST)
        if not form.is_valid():
            return self.reason_form_response(form, formats=("zip",), what=_("Inspection evidence packs"), status=400)
        filename, data = evidence.evidence_run_zip_export(
            run=self.run, actor=request.user, reason=form.cleaned_data["reason"]
        )
        return _attachment(filename, data, evidence.CONTENT_TYPES["zip"])


class EvidenceViewSet(InstituteStaffViewSet):
    """The downloads have no menu item: they are linked from a funded run's enrolment list."""

    model = CourseRun
    name = "evidence"
    url_prefix = "academy/evidence"
    add_to_admin_menu = False

    def get_urlpatterns(self):
        return [
            path(
                "enrolments/<int:enrolment_id>/csv/",
                self.construct_view(EnrolmentPackView, file_format="csv"),
                name="enrolment_csv",
            ),
            path(
                "enrolments/<int:enrolment_id>/pdf/",
                self.construct_view(EnrolmentPackView, file_format="pdf"),
                name="enrolment_pdf",
            ),
            path("runs/<int:run_id>/zip/", self.construct_view(RunZipView), name="run_zip"),
        ]
