"""Sign-up consents (필수 terms and privacy, 선택 marketing), the policy pages and the profile page."""

import pytest
from django.urls import reverse

from accounts.models import Consent, NameCorrectionRequest, User
from accounts.policies import PRIVACY, TERMS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "consent@example.com",
    "name_ko": "홍길동",
    "name_en": "Gildong Hong",
    "password1": "drone-pilot-2026!",
    "password2": "drone-pilot-2026!",
    "agree_terms": "on",
    "agree_privacy": "on",
}


def test_signup_keeps_each_consent_with_its_text_version_time_and_ip(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "agree_marketing": "on"}, REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 302
    user = User.objects.get(email="consent@example.com")
    rows = {c.kind: c for c in Consent.objects.filter(user=user)}
    assert set(rows) == {"terms", "privacy", "marketing"}
    assert rows["terms"].text_version == TERMS.version and rows["privacy"].text_version == PRIVACY.version
    assert all(c.agreed for c in rows.values())
    assert {c.ip for c in rows.values()} == {"203.0.113.7"}
    assert all(c.at is not None for c in rows.values())


def test_signup_works_without_the_optional_marketing_consent_and_records_the_refusal(client):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    marketing = Consent.objects.get(user__email="consent@example.com", kind="marketing")
    assert marketing.agreed is False


@pytest.mark.parametrize("missing", ["agree_terms", "agree_privacy"])
def test_signup_without_a_required_consent_is_refused_with_a_clear_error(client, missing):
    data = {k: v for k, v in SIGNUP.items() if k != missing}

    response = client.post(reverse("account_signup"), data)

    text = response.content.decode()
    assert response.status_code == 200
    expected = "이용약관에 동의해야" if missing == "agree_terms" else "개인정보 수집·이용에 동의해야"
    assert expected in text
    assert "아래 표시된 항목을 고쳐 주세요" in text
    assert not User.objects.filter(email="consent@example.com").exists()
    assert not Consent.objects.exists()


def test_the_signup_form_shows_required_and_optional_items_with_links_to_the_texts(client):
    text = client.get(reverse("account_signup")).content.decode()

    assert "이용약관 동의" in text and "개인정보 수집·이용 동의" in text and "마케팅" in text
    assert text.count(">필수<") == 2 and text.count(">선택<") == 1
    assert 'href="/policies/terms/"' in text and 'href="/policies/privacy/"' in text


@pytest.mark.parametrize(
    ("path", "korean", "english"),
    [
        ("/policies/privacy/", "개인정보의 파기 절차 및 방법", "Destruction"),
        ("/policies/terms/", "제1조 (목적)", "Article 1 (Purpose)"),
    ],
)
def test_policy_pages_in_korean_and_english_show_their_version(client, path, korean, english):
    text = client.get(path).content.decode()
    assert korean in text and "2026-11-29" in text

    client.cookies["academy_language"] = "en"
    text = client.get(path).content.decode()
    assert english in text and "In force from 2026-11-29" in text


def test_an_unknown_policy_is_a_404(client):
    assert client.get("/policies/cookies-of-the-month/").status_code == 404


def test_every_footer_links_both_policies(client):
    text = client.get(reverse("account_login")).content.decode()
    footer = text[text.index('<footer class="site-footer">') :]
    assert 'href="/policies/terms/"' in footer and 'href="/policies/privacy/"' in footer
    assert "이용약관" in footer and "개인정보처리방침" in footer


def test_profile_needs_a_login(client):
    response = client.get("/accounts/profile/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_profile_shows_details_and_consents(client):
    user = UserFactory(name_ko="김하늘", name_en="Haneul Kim")
    Consent.objects.create(user=user, kind="terms", text_version="2026-11-29", agreed=True)
    client.force_login(user)

    text = client.get("/accounts/profile/").content.decode()

    assert "김하늘" in text and "Haneul Kim" in text and user.email in text
    assert "동의함" in text and "2026-11-29" in text


def test_withdrawing_marketing_consent_takes_effect_at_once_and_is_recorded(client):
    user = UserFactory()
    Consent.objects.create(user=user, kind="marketing", text_version="2026-11-29", agreed=True)
    client.force_login(user)

    response = client.post("/accounts/profile/", {"action": "marketing"}, follow=True)

    assert "더 이상 이메일로 받지 않습니다" in response.content.decode()
    latest = Consent.objects.filter(user=user, kind="marketing").order_by("-at", "-pk").first()
    assert latest.agreed is False
    assert Consent.objects.filter(user=user, kind="marketing").count() == 2


def test_a_trainee_asks_for_a_name_correction_once_at_a_time(client):
    user = UserFactory(name_ko="김하눌", name_en="Haneul Kim")
    client.force_login(user)
    data = {
        "action": "correction",
        "correction-new_name_ko": "김하늘",
        "correction-new_name_en": "Haneul  Kim",
        "correction-reason": "가입 시 오타",
    }

    response = client.post("/accounts/profile/", {**data, "correction-new_name_en": "Ha-neul Kim"}, follow=True)

    text = response.content.decode()
    request = NameCorrectionRequest.objects.get(user=user)
    assert (request.old_name_ko, request.new_name_ko, request.new_name_en) == ("김하눌", "김하늘", "Ha-neul Kim")
    assert request.status == "pending"
    assert "결정을 기다리고 있습니다" in text
    user.refresh_from_db()
    assert user.name_ko == "김하눌"  # nothing changes before a manager approves

    again = client.post("/accounts/profile/", data)
    assert again.status_code == 400
    assert "이미 결정을 기다리는 요청이 있습니다" in again.content.decode()
    assert NameCorrectionRequest.objects.filter(user=user).count() == 1


def test_a_name_correction_with_a_non_latin_english_name_is_refused(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        "/accounts/profile/",
        {
            "action": "correction",
            "correction-new_name_ko": "김하늘",
            "correction-new_name_en": "김하늘",
            "correction-reason": "오타",
        },
    )

    assert response.status_code == 400
    assert "영문 이름은 로마자" in response.content.decode()
    assert not NameCorrectionRequest.objects.exists()
