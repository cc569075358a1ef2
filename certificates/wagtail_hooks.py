from wagtail import hooks

from .admin_views import CertificateTemplateViewSet, CertificateViewSet


@hooks.register("register_admin_viewset")
def register_certificate_template_viewset():
    return CertificateTemplateViewSet("certificate_templates")


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet()


@hooks.register("register_admin_viewset")
def register_name_correction_viewset():
    from .name_corrections import NameCorrectionViewSet

    return NameCorrectionViewSet("name_corrections")
