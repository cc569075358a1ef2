"""The cluster report in the Wagtail admin (*Reports → Cluster report*), for administrators only.

Who: superusers, the cluster administrators of DESIGN.md. The report spans every institute, so an
institute's staff (instructors, managers) get a 403: no institute policy could scope it, and a
company's figures across institutes are the cluster's to report, not an institute's to read.

What: the period form (year and quarter, from the query string), the charts and tables; ``?format=csv``,
``xlsx`` or ``pdf`` hands out the same figures as a file. Files are audited (``ops.audit``); they hold
aggregates only, never a person's row, so no reason form is asked.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from common.exports import table_response
from ops.audit import audit_record

from .cluster import cluster_report
from .cluster_presenters import ClusterReportForm, charts, current_period, file_rows, pdf_bytes, tables

AUDIT_ACTION = "dashboards.cluster_report_exported"
FORMATS = ("csv", "xlsx", "pdf")


def may_see_cluster_report(user) -> bool:
    return bool(user.is_active and user.is_superuser)


class ClusterReportView(WagtailAdminTemplateMixin, View):
    template_name = "dashboards/cluster_report.html"
    header_icon = "table"

    def get_page_title(self):
        return _("Cluster report")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not may_see_cluster_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        default = current_period()
        data = request.GET if "year" in request.GET else {"year": default.year, "quarter": default.quarter}
        form = ClusterReportForm(data)
        file_format = request.GET.get("format", "")
        if not form.is_valid() or (file_format and file_format not in FORMATS):
            if file_format and file_format not in FORMATS:
                form.add_error(None, _("Choose CSV, XLSX or PDF."))
            context = self.get_context_data(form=form, report=None)
            return self.render_to_response(context, status=400)
        report = cluster_report(period=form.period())
        if file_format:
            return self.file_response(report, file_format)
        context = self.get_context_data(
            form=form,
            report=report,
            charts=charts(report),
            tables=tables(report),
            min_responses=settings.ACADEMY_SURVEY_MIN_RESPONSES,
            query=f"year={report.period.year}&quarter={report.period.quarter}",
        )
        return self.render_to_response(context)

    def file_response(self, report, file_format: str) -> HttpResponse:
        audit_record(
            action=AUDIT_ACTION,
            actor=self.request.user,
            object_type="cluster_report",
            object_id=report.period.slug,
            data={"format": file_format, "year": report.period.year, "quarter": report.period.quarter},
        )
        filename = f"cluster-report-{report.period.slug}"
        if file_format == "pdf":
            response = HttpResponse(pdf_bytes(report), content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
            return response
        header, rows = file_rows(report)
        return table_response(filename=filename, header=header, rows=rows, file_format=file_format)
