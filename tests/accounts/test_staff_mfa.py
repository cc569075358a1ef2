"""Staff must set up TOTP before any staff page where ACADEMY_REQUIRE_STAFF_MFA is on."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.urls import reverse

from accounts.models import Membership
from tests.factories import PASSWORD, AdminUserFactory, MembershipFactory, StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def mfa_required(settings):
    settings.ACADEMY_REQUIRE_STAFF_MFA = True


@pytest.mark.parametrize("factory", [StaffUserFactory, AdminUserFactory])
def test_staff_without_mfa_is_sent_to_set_it_up(client, mfa_required, factory):
    user = factory()
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    response = client.get("/cms/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/?next=%2Fcms%2Fpages%2F"
    # allauth asks for the password once more before a new authenticator is added.
    setup = client.get(response["Location"], follow=True)
    assert setup.redirect_chain[-1][0].startswith("/accounts/reauthenticate/")
    client.post(setup.redirect_chain[-1][0], {"password": PASSWORD})
    setup = client.get(response["Location"])
    assert setup.status_code == 200
    assert "2단계 로그인 설정" in setup.content.decode()


def test_hr_without_mfa_is_staff_too(client, mfa_required):
    membership = MembershipFactory(role=Membership.Role.HR)
    client.force_login(membership.user)

    response = client.get("/hr/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")


def test_staff_with_totp_reaches_the_admin(client, mfa_required):
    user = StaffUserFactory()
    TOTP.activate(user, generate_totp_secret())
    client.force_login(user)

    response = client.get("/cms/")

    assert response.status_code == 200


def test_trainee_is_not_asked_for_mfa(client, mfa_required):
    client.force_login(UserFactory())

    assert client.get("/learn/").status_code == 200


def test_requirement_off_lets_staff_through(client, settings):
    settings.ACADEMY_REQUIRE_STAFF_MFA = False
    client.force_login(StaffUserFactory())

    assert client.get("/cms/").status_code == 200


def test_login_with_totp_asks_for_the_code_and_refuses_a_wrong_one(client, mfa_required):
    user = StaffUserFactory(email="instructor@example.com")
    secret = generate_totp_secret()
    TOTP.activate(user, secret)

    first = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert first["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    wrong = client.post(
        reverse("mfa_authenticate"), {"code": "000000" if current_code(secret) != "000000" else "111111"}
    )
    assert wrong.status_code == 200
    assert "올바르지 않은 코드" in wrong.content.decode()
    assert "_auth_user_id" not in client.session

    right = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert right.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/cms/").status_code == 200


def test_activating_totp_with_a_wrong_code_is_refused(client, mfa_required):
    user = StaffUserFactory()
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200

    response = client.post(reverse("mfa_activate_totp"), {"code": "123456"})

    assert response.status_code == 200
    assert "올바르지 않은 코드" in response.content.decode()
    assert not Authenticator.objects.filter(user=user).exists()
