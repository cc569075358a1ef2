"""In Chromium: the bell in the header shows the unread count, the list marks the unread, opening one
takes the trainee to its page and the count drops; the settings page. Saved at desktop and phone size
under ``var/screenshots/notifications-*`` and checked with axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from notifications import services
from notifications.text import bilingual_lazy
from tests import factories as f
from tests.support.browser import assert_accessible, log_in, new_page, screenshot

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]

MESSAGES = [
    ("notice", "새 공지사항: 2026년 하반기 드론 교육과정 수강신청 안내", "New notice: 2026 second-half enrolment"),
    ("reminder", "인사담당자 알림: 필수 교육과정 진도율이 50% 미만입니다.", "Reminder from HR: progress below 50 %"),
    (
        "run_ending",
        "드론 비행안전 실무 (2026년 1차)의 훈련기간이 3일 뒤 종료됩니다.",
        "The training period ends in 3 days.",
    ),
]


def both_sizes(page, phone, name: str) -> None:
    page.wait_for_load_state("networkidle")
    screenshot(page, name)
    assert_accessible(page)
    phone.goto(page.url)
    phone.wait_for_load_state("networkidle")
    screenshot(phone, name)
    assert_accessible(phone)
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), name


def test_the_bell_the_list_and_the_settings(live_server, browser):
    user = f.UserFactory(name_ko="김하늘", name_en="Haneul Kim")
    for n, (kind, ko, en) in enumerate(MESSAGES):
        services.notify(
            users=[user], kind=kind, message=bilingual_lazy(ko, en), url="/learn/", key=f"b:{n}", email=False
        )
    base = live_server.url
    page, phone = new_page(browser, "desktop"), new_page(browser, "phone")
    log_in(page, base, user)
    log_in(phone, base, user)

    page.goto(f"{base}/learn/")
    bell = page.get_by_role("link", name="알림, 읽지 않음 3건")
    expect(bell).to_be_visible()
    bell.click()
    page.wait_for_url(f"{base}/notifications/")
    expect(page.locator(".notification--unread")).to_have_count(3)
    both_sizes(page, phone, "notifications-list")

    page.get_by_role("link", name=MESSAGES[2][1]).click()
    page.wait_for_url(f"{base}/learn/")
    expect(page.get_by_role("link", name="알림, 읽지 않음 2건")).to_be_visible()

    page.goto(f"{base}/notifications/settings/")
    expect(page.get_by_label("수료증 발급")).to_be_disabled()
    expect(page.get_by_label("수료증 발급")).to_be_checked()
    both_sizes(page, phone, "notifications-settings")
