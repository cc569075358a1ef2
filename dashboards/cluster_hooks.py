"""The cluster report's admin URL and its item in the Reports menu (imported by ``wagtail_hooks``)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .cluster_views import ClusterReportView, may_see_cluster_report


class ClusterReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_cluster_report(request.user)


@hooks.register("register_admin_urls")
def register_cluster_report_url():
    return [path("dashboards/cluster/", ClusterReportView.as_view(), name="dashboards_cluster_report")]


@hooks.register("register_reports_menu_item")
def register_cluster_report_menu_item():
    return ClusterReportMenuItem(
        _("Cluster report"), reverse("dashboards_cluster_report"), name="cluster-report", icon_name="table", order=50
    )
