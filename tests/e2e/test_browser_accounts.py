"""In Debian's Chromium, at desktop and phone size: sign-up with consents (and the refusal without
the required ones), the policy pages, the profile and a name-correction request, the two-step
set-up that returns to where the user was going, and where staff and HR land after login."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from accounts.models import Consent, Membership, NameCorrectionRequest, User
from tests import factories
from tests.factories import PASSWORD
from tests.support.browser import assert_accessible, log_in, new_page, screenshot

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]

SIZES = ["desktop", "phone"]


def form_login(page, base_url: str, user, next_url: str = "") -> None:
    page.goto(f"{base_url}/accounts/login/" + (f"?next={next_url}" if next_url else ""))
    page.get_by_label("이메일").fill(user.email)
    page.get_by_label("비밀번호").fill(PASSWORD)
    page.get_by_role("button", name="로그인").click()


@pytest.mark.parametrize("size", SIZES)
def test_sign_up_asks_for_consents_and_refuses_without_the_required_ones(live_server, browser, size):
    page = new_page(browser, size)
    page.goto(f"{live_server.url}/accounts/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("회원가입")
    assert_accessible(page)
    screenshot(page, "signup")

    email = f"signup-{size}@example.com"
    page.get_by_label("이메일", exact=True).fill(email)
    page.get_by_label("한글 이름").fill("홍길동")
    page.get_by_label("영문 이름").fill("Gildong Hong")
    page.get_by_label("비밀번호", exact=True).fill("drone-pilot-2026!")
    page.get_by_label("비밀번호 (확인)").fill("drone-pilot-2026!")
    page.get_by_role("button", name="회원가입").click()

    expect(page.get_by_text("회원가입을 하려면 이용약관에 동의해야 합니다.")).to_be_visible()
    expect(page.get_by_text("회원가입을 하려면 개인정보 수집·이용에 동의해야 합니다.")).to_be_visible()
    assert not User.objects.filter(email=email).exists()
    assert_accessible(page)
    screenshot(page, "signup-consent-refused")

    page.get_by_label("비밀번호", exact=True).fill("drone-pilot-2026!")
    page.get_by_label("비밀번호 (확인)").fill("drone-pilot-2026!")
    page.get_by_label("이용약관 동의").check()
    page.get_by_label("개인정보 수집·이용 동의").check()
    page.get_by_role("button", name="회원가입").click()

    page.wait_for_url("**/accounts/confirm-email/")
    user = User.objects.get(email=email)
    kinds = dict(Consent.objects.filter(user=user).values_list("kind", "agreed"))
    assert kinds == {"terms": True, "privacy": True, "marketing": False}


@pytest.mark.parametrize("size", SIZES)
def test_policy_pages_are_linked_from_the_footer(live_server, browser, size):
    page = new_page(browser, size)
    page.goto(f"{live_server.url}/accounts/login/")
    assert_accessible(page)
    screenshot(page, "login")

    page.get_by_role("contentinfo").get_by_role("link", name="개인정보처리방침").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("개인정보처리방침")
    expect(page.get_by_role("heading", name="6. 개인정보의 파기 절차 및 방법")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "policy-privacy", full_page=False)

    page.get_by_role("contentinfo").get_by_role("link", name="이용약관").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("이용약관")
    assert_accessible(page)
    screenshot(page, "policy-terms", full_page=False)


@pytest.mark.parametrize("size", SIZES)
def test_profile_and_a_name_correction_request(live_server, browser, size):
    user = factories.UserFactory(name_ko="김하눌", name_en="Haneul Kim")
    page = new_page(browser, size)
    log_in(page, live_server.url, user)

    page.goto(f"{live_server.url}/accounts/profile/")
    expect(page.get_by_role("heading", level=1)).to_have_text("내 정보")
    expect(page.get_by_text("김하눌").first).to_be_visible()
    assert_accessible(page)
    screenshot(page, "profile")

    page.get_by_label("정정할 한글 이름").fill("김하늘")
    page.get_by_label("정정할 영문 이름").fill("Haneul Kim")
    page.get_by_label("사유").fill("가입할 때 이름을 잘못 입력했습니다")
    page.get_by_role("button", name="정정 신청").click()

    expect(page.get_by_text("신청을 접수했습니다.")).to_be_visible()
    expect(page.get_by_text("결정을 기다리고 있습니다")).to_be_visible()
    assert NameCorrectionRequest.objects.get(user=user).new_name_ko == "김하늘"
    assert_accessible(page)
    screenshot(page, "profile-correction-requested")


@pytest.mark.parametrize("size", SIZES)
def test_staff_and_hr_land_on_their_pages_after_login(live_server, browser, size):
    staff = factories.StaffUserFactory()
    hr = factories.MembershipFactory(role=Membership.Role.HR).user

    page = new_page(browser, size)
    form_login(page, live_server.url, staff)
    page.wait_for_url(f"{live_server.url}/cms/")

    page = new_page(browser, size)
    form_login(page, live_server.url, hr)
    page.wait_for_url(f"{live_server.url}/hr/")


@pytest.mark.parametrize("size", SIZES)
def test_two_step_setup_explains_itself_and_returns_to_the_hr_area(live_server, browser, settings, size):
    settings.ACADEMY_REQUIRE_STAFF_MFA = True
    hr = factories.MembershipFactory(role=Membership.Role.HR).user
    page = new_page(browser, size)
    form_login(page, live_server.url, hr)

    # On the way to /hr/: the password once more (allauth asks before adding an authenticator),
    # then the set-up.
    page.wait_for_url(re.compile(r".*/accounts/reauthenticate/\?next="))
    page.get_by_label("비밀번호").fill(PASSWORD)
    page.get_by_label("비밀번호").press("Enter")
    page.wait_for_url(re.compile(r".*/accounts/2fa/totp/activate/\?next=%2Fhr%2F$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("2단계 로그인 설정")
    expect(page.get_by_text("Google Authenticator").first).to_be_visible()
    assert_accessible(page)
    screenshot(page, "mfa-setup")

    secret = page.get_by_label("설정 키").input_value()
    page.get_by_label("6자리 인증 코드").fill(format_hotp_value(hotp_value(secret, int(time.time()) // 30)))
    page.get_by_role("button", name="2단계 로그인 켜기").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("복구 코드")
    expect(page.get_by_text("코드마다 한 번만 쓸 수 있습니다", exact=False)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "mfa-recovery-codes")
    page.get_by_role("link", name="코드를 보관했습니다. 계속하기").click()
    page.wait_for_url(f"{live_server.url}/hr/")
