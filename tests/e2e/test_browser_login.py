"""In Debian's Chromium: the demo trainee logs in and reaches 나의 강의실 (/learn/)."""

import pytest
from django.core.management import call_command

from home.demo.people import DEFAULT_DEMO_PASSWORD

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]


def test_demo_trainee_logs_in_and_reaches_my_learning(live_server, page):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))

    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="로그인").click()
    page.get_by_label("이메일").fill("trainee@example.com")
    page.get_by_label("비밀번호").fill(DEFAULT_DEMO_PASSWORD)
    page.get_by_role("button", name="로그인").click()

    page.wait_for_url(f"{live_server.url}/learn/")
    assert page.get_by_role("heading", level=1).inner_text() == "나의 강의실"
    assert "김하늘" in page.content()

    page.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "My learning"
    assert "Haneul Kim" in page.content()
