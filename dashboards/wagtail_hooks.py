from wagtail import hooks


@hooks.register("register_admin_viewset")
def register_instructor_dashboard():
    from .instructor_views import RunDashboardViewSet

    return RunDashboardViewSet()
