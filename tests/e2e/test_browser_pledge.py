"""In Chromium, a trainee signs the 기술보호 서약서 (DOMAIN-KR §3.3 F3.3): the signing page shows the
text and asks for an identity check first; the step-up check passes through the fake 휴대폰 본인확인;
back on the page, a wrong name is refused, then the right name and the box sign it, and 나의 강의실
confirms it. Every step is saved at desktop and phone size under ``var/screenshots/pledge-*`` and
checked with axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from compliance.models import PledgeSignature
from tests import factories as f
from tests.compliance.identity_support import with_identity
from tests.compliance.pledge_support import restricted_course
from tests.support.browser import assert_accessible, log_in, new_page, screenshot

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]


def both_sizes(page, phone, name: str) -> None:
    page.wait_for_load_state("networkidle")
    screenshot(page, name)
    assert_accessible(page)
    phone.goto(page.url)
    phone.wait_for_load_state("networkidle")
    screenshot(phone, name)
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), name


def test_a_trainee_signs_the_pledge_with_a_step_up_check(live_server, browser):
    institute, _course = restricted_course()
    user = with_identity(f.UserFactory())
    base = live_server.url
    page = new_page(browser, "desktop")
    phone = new_page(browser, "phone")
    log_in(page, base, user)
    log_in(phone, base, user)

    page.goto(f"{base}/learn/pledge/{institute.pk}/?next=/learn/")
    expect(page.get_by_role("heading", level=1)).to_have_text("기술보호 서약서")
    expect(page.get_by_text("(반출 금지)", exact=False)).to_be_visible()
    expect(page.get_by_label("성명")).to_have_count(0)  # no form before the identity check
    both_sizes(page, phone, "pledge-before-step-up")

    page.get_by_role("link", name="본인확인 후 서명하기").click()
    assert "/learn/identity/" in page.url
    page.get_by_role("button", name="휴대폰으로 본인확인").click()
    page.get_by_role("button", name="확인", exact=True).click()  # the account's own name and birth date
    assert f"/learn/pledge/{institute.pk}/" in page.url
    expect(page.get_by_label("성명")).to_be_visible()
    both_sizes(page, phone, "pledge-form")

    page.get_by_label("성명").fill("김철수")
    page.get_by_label("위 서약 내용을 읽었으며 이를 준수할 것에 동의합니다.").check()
    page.get_by_role("button", name="서약서에 서명").click()
    expect(page.get_by_text("정확히 같게 입력하세요", exact=False)).to_be_visible()
    assert not PledgeSignature.objects.exists()
    both_sizes(page, phone, "pledge-wrong-name")

    page.get_by_label("성명").fill("홍길동")
    page.get_by_label("위 서약 내용을 읽었으며 이를 준수할 것에 동의합니다.").check()
    page.get_by_role("button", name="서약서에 서명").click()
    expect(page.get_by_text("서약서(버전 1)에 서명했습니다", exact=False)).to_be_visible()
    assert page.url == base + "/learn/"
    screenshot(page, "pledge-signed")
    signature = PledgeSignature.objects.get(user=user)
    assert signature.typed_name == "홍길동" and signature.identity_check.moment == "step_up"

    page.goto(f"{base}/learn/pledge/{institute.pk}/")
    expect(page.get_by_text("이 버전에 서명했습니다", exact=False)).to_be_visible()
    both_sizes(page, phone, "pledge-already-signed")
