from wagtail import hooks

from .admin_views import EvidenceViewSet


@hooks.register("register_admin_viewset")
def register_evidence_viewset():
    return EvidenceViewSet()


@hooks.register("register_admin_viewset")
def register_proxy_queue():
    from .proxy_admin import ProxyQueueViewSet

    return ProxyQueueViewSet()
