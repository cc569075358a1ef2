"""The cluster report in Debian's Chromium on the demo data, at desktop and phone sizes: an
administrator opens it from the admin, and the screenshots go to var/screenshots/ (cluster-report-*.png)."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from tests.support.browser import log_in, new_page, screenshot

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]


def test_cluster_report_screenshots(live_server, browser):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    admin = User.objects.get(email="admin@example.com")
    year = timezone.localdate().year
    for size in ("desktop", "phone"):
        page = new_page(browser, size)
        log_in(page, live_server.url, admin)
        page.goto(f"{live_server.url}/cms/dashboards/cluster/?year={year}&quarter=0")
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").first.inner_text().strip() == "클러스터 실적 보고"
        assert page.locator("svg.chart__svg").count() == 4
        screenshot(page, "cluster-report")
        page.context.close()
