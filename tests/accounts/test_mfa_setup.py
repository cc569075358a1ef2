"""Two-step set-up without friction: plain Korean, back to where the user was going, and a way
through for staff whose e-mail address is not confirmed yet."""

import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.urls import reverse

from accounts.models import Membership
from tests.factories import PASSWORD, MembershipFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mfa_required(settings):
    settings.ACADEMY_REQUIRE_STAFF_MFA = True


def code_for(client) -> str:
    """The code an authenticator app shows for the secret of the open set-up page."""
    secret = client.session["mfa.totp.secret"]
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def log_in_and_reauthenticate(client, user):
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})


def test_the_setup_page_speaks_plain_korean_and_names_real_authenticator_apps(client, mfa_required):
    log_in_and_reauthenticate(client, StaffUserFactory())

    text = client.get(reverse("mfa_activate_totp")).content.decode()

    assert "2단계 로그인 설정" in text
    assert "Google Authenticator" in text and "Microsoft Authenticator" in text
    assert "설정 키" in text
    assert "secret" not in text.lower().replace("authenticator_secret", "")
    assert "복구 코드" in text


def test_hr_forced_into_mfa_returns_to_the_hr_area_after_setup(client, mfa_required):
    membership = MembershipFactory(role=Membership.Role.HR)
    log_in_and_reauthenticate(client, membership.user)

    sent = client.get("/hr/")
    assert sent["Location"] == "/accounts/2fa/totp/activate/?next=%2Fhr%2F"
    page = client.get(sent["Location"])
    assert page.status_code == 200
    assert 'action="/accounts/2fa/totp/activate/?next=%2Fhr%2F"' in page.content.decode()

    done = client.post(sent["Location"], {"code": code_for(client)})

    assert Authenticator.objects.filter(user=membership.user, type="totp").exists()
    assert done["Location"] == reverse("mfa_view_recovery_codes")
    codes = client.get(done["Location"]).content.decode()
    assert "휴대폰을 잃어버리거나" in codes and "한 번만 쓸 수 있습니다" in codes
    assert 'href="/hr/"' in codes and "코드를 보관했습니다. 계속하기" in codes
    assert client.get("/hr/").status_code == 200


def test_an_unsafe_next_is_ignored(client, mfa_required):
    log_in_and_reauthenticate(client, StaffUserFactory())

    page = client.get(reverse("mfa_activate_totp") + "?next=https://evil.example/")
    client.post(reverse("mfa_activate_totp") + "?next=https://evil.example/", {"code": code_for(client)})
    codes = client.get(reverse("mfa_view_recovery_codes")).content.decode()

    assert page.status_code == 200
    assert "evil.example" not in codes


def test_staff_with_an_unconfirmed_address_can_confirm_it_on_the_way(client, mfa_required):
    user = StaffUserFactory(verified=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.force_login(user)

    page = client.get("/accounts/2fa/totp/activate/?next=%2Fcms%2F")

    text = page.content.decode()
    assert page.status_code == 200
    assert "먼저 이메일 주소를 확인하세요" in text and user.email in text
    response = client.post(reverse("mfa_email_resend") + "?next=%2Fcms%2F")
    assert response["Location"] == "/accounts/2fa/totp/activate/?next=%2Fcms%2F"
    assert len(mail.outbox) == 1 and user.email in mail.outbox[0].to
    confirm_url = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/confirm-email/" in line)
    key_path = confirm_url.strip().split("testserver", 1)[1]

    confirmed = client.post(key_path)

    assert EmailAddress.objects.get(user=user).verified
    assert confirmed["Location"] == reverse("mfa_activate_totp")


def test_the_two_step_page_and_the_email_page_speak_the_academys_korean(client):
    client.force_login(StaffUserFactory())

    mfa = client.get(reverse("mfa_index")).content.decode()
    email = client.get(reverse("account_email")).content.decode()

    assert "2단계 로그인" in mfa and "꺼짐" in mfa and "2단계 로그인 설정" in mfa
    assert "삭제" in email
    assert "수강 제외" not in email  # the catalogue's "Remove" is about a trainee in a run
