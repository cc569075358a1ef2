"""Certificate screens in the Wagtail admin, for institute managers.

Templates are a ``ModelViewSet`` scoped to the institutes the user manages: the list shows only
theirs, and opening, editing, deleting or previewing another institute's template is a 404, on the
server, whatever URL is typed. Certificates of the institute can be listed by its staff and
revoked or reissued by its managers: a :class:`~courses.viewsets.InstituteStaffViewSet` asking the
certificates' policy.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView

from courses.permissions import policy_for
from courses.viewsets import InstituteModelViewSet, InstituteStaffViewSet, StaffView, TableExportMixin, TemplateColumn
from ops.privacy import Action, personal_data_access_record

from . import selectors, services
from .forms import CertificateTemplateForm, ReissueForm, RevokeForm
from .models import Certificate, CertificateTemplate
from .pdf import render_pdf
from .status import Status, certificate_status

# --------------------------------------------------------------------------------------------
# Templates (their policy: ``CertificatesConfig.ready``)
# --------------------------------------------------------------------------------------------


def template_for_user(user, template_id) -> CertificateTemplate:
    """One template the user manages, or 404 (another institute's template does not exist for them)."""
    return get_object_or_404(
        policy_for(CertificateTemplate).instances_user_has_permission_for(user, "change"), pk=template_id
    )


class PreviewColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            reverse("certificates_admin:template_preview", args=[instance.pk]),
            _("Preview PDF"),
        )


class CertificateTemplateViewSet(InstituteModelViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = gettext_lazy("Certificate templates")
    menu_order = 212
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["name", "institute", "validity_months", PreviewColumn("preview", label=gettext_lazy("Preview"))]
    search_fields = ["name"]
    edit_handler = ObjectList(CertificateTemplate.panels, base_form_class=CertificateTemplateForm)


class TemplatePreviewView(StaffView):
    """The template as a PDF with sample data (견본), for its institute's managers only."""

    def get(self, request, template_id):
        template = template_for_user(request.user, template_id)
        response = HttpResponse(render_pdf(selectors.sample_document(template)), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="certificate-template-{template.pk}-preview.pdf"'
        response["Cache-Control"] = "no-store"
        return response


# --------------------------------------------------------------------------------------------
# Certificates: list, revoke, reissue
# --------------------------------------------------------------------------------------------


class CertificateIndexView(TableExportMixin, IndexView):
    """발급 현황: the certificates of the user's institutes, with their live status, newest first;
    exported as CSV or XLSX with the listing's search applied."""

    model = Certificate
    page_title = gettext_lazy("Certificates")
    header_icon = "doc-full"
    index_url_name = "certificates_admin:index"
    index_results_url_name = "certificates_admin:index_results"
    search_fields = ["code", "holder_name_ko", "holder_name_en", "enrolment__user__email", "course_title_ko"]
    columns = [
        TitleColumn(
            "code",
            label=gettext_lazy("Certificate code"),
            get_url=lambda certificate: reverse("certificates_admin:detail", args=[certificate.pk]),
        ),
        TemplateColumn("holder", label=gettext_lazy("Trainee"), template="certificates/admin/cells/holder.html"),
        Column("course_title_ko", label=gettext_lazy("Course")),
        TemplateColumn(
            "completed_on", label=gettext_lazy("Completed on"), template="certificates/admin/cells/completed_on.html"
        ),
        TemplateColumn(
            "expires_on", label=gettext_lazy("Expiry date"), template="certificates/admin/cells/expires_on.html"
        ),
        Column(
            "status", label=gettext_lazy("Status"), accessor=lambda certificate: certificate_status(certificate).label
        ),
    ]

    list_export = [
        "code",
        "holder_name_ko",
        "holder_name_en",
        "enrolment.user.email",
        "course_title_ko",
        "enrolment.run.title",
        "institute_name_ko",
        "study_hours",
        "completed_on",
        "issued_on",
        "expires_on",
        "status_label",
    ]
    export_headings = {
        "enrolment.user.email": gettext_lazy("Email"),
        "enrolment.run.title": gettext_lazy("Run"),
        "status_label": gettext_lazy("Status"),
    }
    export_filename = "certificates"

    def get_base_queryset(self):
        return selectors.staff_certificates(self.request.user).order_by("-created_at", "-pk")

    def to_row_dict(self, item):
        item.status_label = certificate_status(item).label
        return super().to_row_dict(item)

    def export_subject_ids(self, items) -> list[int]:
        return [certificate.enrolment.user_id for certificate in items]


class CertificateViewMixin:
    def setup_objects(self, certificate_id):
        self.certificate = get_object_or_404(selectors.staff_certificates(self.request.user), pk=certificate_id)


class CertificateDetailView(CertificateViewMixin, StaffView):
    template_name = "certificates/admin/certificate_detail.html"
    header_icon = "doc-full"

    def get_page_title(self):
        return self.certificate.code

    def get(self, request, certificate_id):
        certificate = self.certificate
        personal_data_access_record(
            actor=request.user, action=Action.VIEW, subjects=[certificate.enrolment.user_id], obj=certificate
        )
        return self.render(
            certificate=certificate,
            status=certificate_status(certificate),
            Status=Status,
            events=certificate.events.select_related("actor"),
            superseded=certificate.superseded_pdfs.all(),
            may_manage=selectors.user_may_manage_certificate(user=request.user, certificate=certificate),
            revoke_form=RevokeForm(),
            reissue_form=ReissueForm(),
        )


class ManageCertificateView(CertificateViewMixin, StaffView):
    """A POST-only action on a certificate; the policy's "change" on it (its institute's managers)."""

    def setup_objects(self, certificate_id):
        super().setup_objects(certificate_id)
        if not self.user_has_permission_for_instance("change", self.certificate):
            raise PermissionDenied


class CertificateRevokeView(ManageCertificateView):
    def post(self, request, certificate_id):
        certificate = self.certificate
        form = RevokeForm(request.POST)
        if form.is_valid():
            try:
                services.certificate_revoke(
                    certificate=certificate,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                    category=form.cleaned_data["category"],
                )
                messages.success(request, _("Certificate %(code)s was revoked.") % {"code": certificate.code})
            except services.CertificateError as error:
                messages.error(request, str(error))
        else:
            messages.error(request, _("Choose the reason category and give the reason for the revocation."))
        return redirect("certificates_admin:detail", certificate.pk)


class CertificateReissueView(ManageCertificateView):
    def post(self, request, certificate_id):
        certificate = self.certificate
        form = ReissueForm(request.POST)
        form.is_valid()
        try:
            services.certificate_reissue(
                certificate=certificate, actor=request.user, reason=form.cleaned_data.get("reason", "")
            )
            messages.success(request, _("Certificate %(code)s is being reissued.") % {"code": certificate.code})
        except services.CertificateError as error:
            messages.error(request, str(error))
        return redirect("certificates_admin:detail", certificate.pk)


class CertificateViewSet(InstituteStaffViewSet):
    """Certificates of the user's institutes (their staff list them, their managers revoke and
    reissue), and the preview of a template (its managers)."""

    model = Certificate
    permission_required = "view"
    name = "certificates_admin"
    url_prefix = "academy/certificates"
    icon = "doc-full"
    menu_label = gettext_lazy("Certificates")
    menu_order = 213

    def get_urlpatterns(self):
        return [
            path("", self.construct_view(CertificateIndexView), name="index"),
            path("results/", self.construct_view(CertificateIndexView, results_only=True), name="index_results"),
            path("<int:certificate_id>/", self.construct_view(CertificateDetailView), name="detail"),
            path("<int:certificate_id>/revoke/", self.construct_view(CertificateRevokeView), name="revoke"),
            path("<int:certificate_id>/reissue/", self.construct_view(CertificateReissueView), name="reissue"),
            path(
                "templates/<int:template_id>/preview/",
                self.construct_view(TemplatePreviewView),
                name="template_preview",
            ),
        ]
