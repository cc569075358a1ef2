"""In Chromium, a funded trainee fails and then passes identity checks (DOMAIN-KR §1.7): opening 차시 1
leads to the 입과 check (휴대폰 본인확인 only); the fake provider "verifies" someone else (refused, the
message says so), then the trainee; back at 차시 1, the 공단 mOTP check: a wrong code (the message),
then the right one, and the lesson player opens. Every step is saved at desktop and phone size
under ``var/screenshots/identity-*`` and checked with axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from compliance.models import IdentityCheck
from tests.compliance.identity_support import FAKE_CODE, with_identity
from tests.support.browser import assert_accessible, log_in, new_page, screenshot
from tests.support.funded import make_funded

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
    pytest.mark.identity_checks,
]


def both_sizes(page, phone, name: str) -> None:
    page.wait_for_load_state("networkidle")
    screenshot(page, name)
    assert_accessible(page)
    phone.goto(page.url)
    phone.wait_for_load_state("networkidle")
    screenshot(phone, name)
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), name


def test_a_trainee_fails_and_then_passes_the_identity_checks(live_server, browser):
    funded = make_funded(lesson_count=9)
    user = with_identity(funded["user"])
    first = funded["lessons"][0]
    base = live_server.url
    page = new_page(browser, "desktop")
    phone = new_page(browser, "phone")
    log_in(page, base, user)
    log_in(phone, base, user)

    page.goto(base + first.url)
    assert "/learn/identity/" in page.url
    expect(page.get_by_role("heading", level=1)).to_have_text("본인인증")
    expect(page.get_by_text("입과", exact=False).first).to_be_visible()
    expect(page.get_by_role("button", name="휴대폰으로 본인확인")).to_be_visible()
    expect(page.get_by_label("6자리 인증 코드")).to_have_count(0)  # 입과: no code route
    both_sizes(page, phone, "identity-entry")

    page.get_by_role("button", name="휴대폰으로 본인확인").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("휴대폰 본인확인(시험용 제공자)")
    both_sizes(page, phone, "identity-fake-provider")
    page.get_by_label("이름").fill("김철수")
    page.get_by_role("button", name="확인", exact=True).click()
    expect(page.get_by_text("회원정보와 일치하지 않습니다")).to_be_visible()
    both_sizes(page, phone, "identity-refused")

    page.get_by_role("button", name="휴대폰으로 본인확인").click()
    page.get_by_role("button", name="확인", exact=True).click()  # the account's own name and birth date
    assert "/learn/identity/" in page.url  # 차시 1's own check follows 입과
    expect(page.get_by_text("1차시").first).to_be_visible()
    page.get_by_label("6자리 인증 코드").fill("000000")
    page.get_by_role("button", name="확인", exact=True).click()
    expect(page.get_by_text("OTP 번호가 올바르지 않습니다")).to_be_visible()
    both_sizes(page, phone, "identity-wrong-code")

    page.get_by_label("6자리 인증 코드").fill(FAKE_CODE)
    page.get_by_role("button", name="확인", exact=True).click()
    expect(page.get_by_text("본인인증이 완료되었습니다.")).to_be_visible()
    assert page.url == base + first.url
    both_sizes(page, phone, "identity-passed-lesson")

    assert list(IdentityCheck.objects.order_by("pk").values_list("moment", "route", "result")) == [
        ("entry", "phone", "refused"),
        ("entry", "phone", "ok"),
        ("lesson", "motp", "failed"),
        ("lesson", "motp", "ok"),
    ]
