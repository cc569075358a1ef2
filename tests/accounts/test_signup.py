"""Sign-up by e-mail with the names printed on certificates."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

VALID = {
    "email": "new.trainee@example.com",
    "name_ko": "홍길동",
    "name_en": "Gildong Hong",
    "password1": "drone-pilot-2026!",
    "password2": "drone-pilot-2026!",
    "agree_terms": "on",
    "agree_privacy": "on",
}


def test_signup_creates_user_with_both_names_and_sends_verification(client):
    response = client.post(reverse("account_signup"), VALID)

    assert response.status_code == 302
    user = User.objects.get(email="new.trainee@example.com")
    assert (user.name_ko, user.name_en) == ("홍길동", "Gildong Hong")
    assert user.check_password("drone-pilot-2026!")
    assert EmailAddress.objects.get(user=user).verified is False
    assert len(mail.outbox) == 1
    assert "new.trainee@example.com" in mail.outbox[0].to
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_signup_form_is_korean_with_name_fields(client):
    response = client.get(reverse("account_signup"))

    text = response.content.decode()
    assert response.status_code == 200
    assert "한글 이름" in text and "영문 이름" in text
    assert 'lang="ko"' in text


def test_duplicate_email_is_refused_case_insensitively(client):
    UserFactory(email="taken@example.com")

    response = client.post(reverse("account_signup"), {**VALID, "email": "TAKEN@example.com"})

    assert response.status_code == 200
    assert "해당 이메일은 이미 사용되고 있습니다" in response.content.decode()
    assert User.objects.filter(email__iexact="taken@example.com").count() == 1


def test_weak_password_is_refused_and_nothing_is_created(client):
    response = client.post(reverse("account_signup"), {**VALID, "password1": "12345678", "password2": "12345678"})

    text = response.content.decode()
    assert response.status_code == 200
    assert "이 비밀번호는 너무 짧습니다. 최소 10자 이상이어야 합니다." in text
    assert "비밀번호가 전부 숫자로 되어 있습니다." in text
    assert not User.objects.filter(email=VALID["email"]).exists()
    assert not EmailAddress.objects.filter(email=VALID["email"]).exists()
    assert mail.outbox == []


def test_english_name_must_be_latin(client):
    response = client.post(reverse("account_signup"), {**VALID, "name_en": "홍길동"})

    assert response.status_code == 200
    assert "영문 이름은 로마자" in response.content.decode()
    assert not User.objects.filter(email=VALID["email"]).exists()


def test_errors_are_translated_to_english_for_english_readers(client):
    client.cookies["academy_language"] = "en"
    UserFactory(email="taken@example.com")

    response = client.post(reverse("account_signup"), {**VALID, "email": "taken@example.com"})

    text = response.content.decode()
    assert "A user is already registered with this email address" in text
    assert 'lang="en"' in text


def test_signup_is_rate_limited_per_client(client):
    statuses = []
    for n in range(12):
        response = client.post(reverse("account_signup"), {**VALID, "email": f"burst{n}@example.com"})
        statuses.append(response.status_code)
        client.logout()

    assert statuses[:10] == [302] * 10
    assert statuses[10:] == [429, 429]
    assert User.objects.filter(email__startswith="burst").count() == 10
