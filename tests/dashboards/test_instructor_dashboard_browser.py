"""The run dashboard in a browser, on the demo data: desktop and phone screenshots
(var/screenshots/run-dashboard-<size>.png), charts drawn, the table alternative opens, and a
reminder goes to a trainee to watch in one click."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from accounts.models import User
from courses.models import CoursePage
from home import demo_instructor
from notifications.models import Notification
from tests.support.browser import SIZES, log_in, new_page, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_run_dashboard_screenshots_and_message(live_server, browser):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    instructor = User.objects.get(email="instructor@example.com")
    slug = json.loads(demo_instructor.DATA.read_text(encoding="utf-8"))["course"]
    run = CoursePage.objects.get(slug=slug).runs.order_by("starts_on").first()
    url = f"{live_server.url}/cms/dashboards/runs/{run.pk}/"

    for size in SIZES:
        page = new_page(browser, size)
        log_in(page, live_server.url, instructor)
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert page.locator("svg.chart__svg").count() >= 3
        assert page.get_by_role("heading", name="주의가 필요한 교육생").count() == 1
        # The admin scrolls inside its main column, so a "full page" shot is one screen: grow the
        # window to the content's height (same width) to get the whole dashboard in one picture.
        height = page.evaluate("() => Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))")
        page.set_viewport_size({"width": SIZES[size]["width"], "height": min(height + 100, 16000)})
        screenshot(page, "run-dashboard", size=size)
        page.context.close()

    page = new_page(browser, "desktop")
    log_in(page, live_server.url, instructor)
    page.goto(url)
    page.locator("details.chart__table summary").first.click()
    assert page.locator("details.chart__table table").first.is_visible()
    watched = page.locator("input[name=enrolments]")
    assert watched.count() >= 3
    page.get_by_label("내용").fill("이번 주 안에 남은 차시를 마쳐 주세요.")
    page.get_by_role("button", name="메시지 보내기").click()
    page.wait_for_load_state("networkidle")
    assert "독려 메시지를 보냈습니다" in page.content()
    # (the demo's bell already holds an HR reminder for the demo trainee: count this message's only)
    sent = Notification.objects.filter(kind="reminder", message_ko__contains="이번 주 안에 남은 차시를 마쳐 주세요.")
    assert sent.count() == watched.count()
    page.context.close()
