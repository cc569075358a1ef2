"""The compliance screens of the Wagtail admin."""

from wagtail import hooks


@hooks.register("register_admin_viewset")
def register_compliance_viewsets():
    from .emon.admin import EmonReportsViewSet

    return EmonReportsViewSet()
