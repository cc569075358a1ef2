"""Login by e-mail, verification, rate limits, password reset."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_login_by_email_reaches_my_learning(client):
    user = UserFactory(email="pilot@example.com")

    response = client.post(reverse("account_login"), {"login": "Pilot@Example.com", "password": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == "/learn/"
    assert response.context["user"] == user
    assert "나의 강의실" in response.content.decode()


def test_wrong_password_gets_a_clear_message(client):
    UserFactory(email="pilot@example.com")

    response = client.post(reverse("account_login"), {"login": "pilot@example.com", "password": "wrong-password"})

    assert response.status_code == 200
    assert "이메일 또는 비밀번호가 올바르지 않습니다" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_unverified_email_cannot_log_in_where_verification_is_mandatory(client):
    UserFactory(email="new@example.com", verified=False)

    response = client.post(reverse("account_login"), {"login": "new@example.com", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1


def test_failed_logins_are_rate_limited_per_address(client):
    UserFactory(email="target@example.com")
    statuses = [
        client.post(
            reverse("account_login"),
            {"login": f"n{n % 3}@example.com" if n % 2 else "target@example.com", "password": f"guess-{n}"},
            REMOTE_ADDR="198.51.100.9",
        ).status_code
        for n in range(10)
    ]

    assert statuses == [200] * 10
    # This address has used up its failures: even the right password is refused from it for now.
    response = client.post(
        reverse("account_login"), {"login": "target@example.com", "password": PASSWORD}, REMOTE_ADDR="198.51.100.9"
    )
    assert "너무 많은 로그인 실패가 감지되었습니다" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_requests_are_rate_limited_per_client(client):
    UserFactory(email="target@example.com")
    statuses = [
        client.post(reverse("account_login"), {"login": f"n{n}@example.com", "password": "x"}).status_code
        for n in range(32)
    ]

    assert statuses[:30] == [200] * 30
    assert statuses[30:] == [429, 429]


def test_password_reset_sends_a_working_link(client):
    user = UserFactory(email="forgot@example.com")

    client.post(reverse("account_reset_password"), {"email": "forgot@example.com"})

    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/password/reset/key/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": "new-secure-pass-77", "password2": "new-secure-pass-77"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("new-secure-pass-77")


def test_invalid_or_used_reset_link_is_explained(client):
    UserFactory(email="forgot@example.com")

    response = client.get("/accounts/password/reset/key/zz-invalid-token/")

    assert response.status_code == 200
    assert "비밀번호 초기화 링크가 올바르지 않습니다" in response.content.decode()


def test_cms_login_goes_through_allauth(client):
    response = client.get("/cms/login/?next=/cms/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fcms%2Fpages%2F"


def test_cms_login_refuses_foreign_next_url(client):
    response = client.get("/cms/login/?next=https://evil.example/")

    assert response["Location"] == "/accounts/login/?next=%2Fcms%2F"


def test_anonymous_cms_visit_is_sent_to_allauth_login(client):
    response = client.get("/cms/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
