"""In Debian's Chromium, at desktop and phone sizes, on the demo data: the demo HR opens the training
overview from the HR menu, reads its charts (each with its table), and the page passes axe-core and
does not scroll sideways on a phone. Screenshots: var/screenshots/hr-overview-<size>.png."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.models import User
from tests.support.browser import SIZES, assert_accessible, log_in, new_page, screenshot

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]


def test_demo_hr_reads_the_overview(live_server, browser):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    hr = User.objects.get(email="hr@example.com")

    for size in SIZES:
        page = new_page(browser, size)
        log_in(page, live_server.url, hr)
        page.goto(f"{live_server.url}/hr/")
        page.get_by_role("link", name="교육 현황", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("교육 현황")
        expect(page.locator("figure.chart")).to_have_count(4)
        expect(page.get_by_role("heading", name="학습 지연 구성원")).to_be_visible()
        page.locator("figure.chart").first.locator("summary").click()
        expect(page.locator("figure.chart").first.locator("table")).to_be_visible()
        assert_accessible(page)
        sideways = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert sideways <= 0, f"the overview scrolls sideways by {sideways} px"
        screenshot(page, "hr-overview")
        page.context.close()
