from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from courses.wagtail_hooks import StaffMenuItem

from .admin_views import CertificateTemplateViewSet


@hooks.register("register_admin_viewset")
def register_certificate_template_viewset():
    return CertificateTemplateViewSet("certificate_templates")


@hooks.register("register_admin_urls")
def register_certificate_admin_urls():
    from . import admin_views

    urls = [
        path("", admin_views.certificate_list, name="certificate_list"),
        path("<int:certificate_id>/", admin_views.certificate_detail, name="certificate_detail"),
        path("<int:certificate_id>/revoke/", admin_views.certificate_revoke, name="certificate_revoke"),
        path("<int:certificate_id>/reissue/", admin_views.certificate_reissue, name="certificate_reissue"),
        path("templates/<int:template_id>/preview/", admin_views.template_preview, name="template_preview"),
    ]
    return [path("academy/certificates/", include((urls, "certificates_admin"), namespace="certificates_admin"))]


@hooks.register("register_admin_menu_item")
def register_certificates_menu_item():
    return StaffMenuItem(
        _("Certificates"), reverse("certificates_admin:certificate_list"), icon_name="doc-full", order=213
    )


@hooks.register("register_admin_viewset")
def register_name_correction_viewset():
    from .name_corrections import NameCorrectionViewSet

    return NameCorrectionViewSet("name_corrections")
