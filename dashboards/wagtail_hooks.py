"""The dashboards' admin screens: the run dashboard's viewset here, the cluster report's hooks in its module."""

from wagtail import hooks

from . import cluster_hooks  # noqa: F401


@hooks.register("register_admin_viewset")
def register_instructor_dashboard():
    from .instructor_views import RunDashboardViewSet

    return RunDashboardViewSet()
