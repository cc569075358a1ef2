"""The compliance screens of the Wagtail admin: evidence downloads, the 대리수강 review queue, the EMON reports."""

from wagtail import hooks

from .admin_views import EvidenceViewSet


@hooks.register("register_admin_viewset")
def register_evidence_viewset():
    return EvidenceViewSet()


@hooks.register("register_admin_viewset")
def register_proxy_queue():
    from .proxy_admin import ProxyQueueViewSet

    return ProxyQueueViewSet()


@hooks.register("register_admin_viewset")
def register_compliance_viewsets():
    from .emon.admin import EmonReportsViewSet

    return EmonReportsViewSet()


@hooks.register("register_admin_viewset")
def register_export_approvals():
    from .export_approvals import ExportApprovalViewSet

    return ExportApprovalViewSet()


@hooks.register("register_admin_viewset")
def register_pledge_texts():
    from .pledge_admin import PledgeTextViewSet

    return PledgeTextViewSet("pledge_texts")
