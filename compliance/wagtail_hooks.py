from wagtail import hooks


@hooks.register("register_admin_viewset")
def register_proxy_queue():
    from .proxy_admin import ProxyQueueViewSet

    return ProxyQueueViewSet()
