"""Consents per purpose (DOMAIN-KR §5.1 F5.1): each answer keeps the text's version and the SHA-256
of the exact text shown, in the language shown; sign-up needs only the 필수 items."""

import hashlib

import pytest
from django.urls import reverse

from accounts.models import Consent, User
from accounts.policies import CONSENT_TEXTS, FUNDED_CONSENTS
from accounts.services import consents_record, funded_personal_data_record
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "purpose@example.com",
    "name_ko": "홍길동",
    "name_en": "Gildong Hong",
    "password1": "drone-pilot-2026!",
    "password2": "drone-pilot-2026!",
    "agree_terms": "on",
    "agree_privacy": "on",
}


def test_signup_with_only_the_required_items_works_and_asks_no_resident_number_or_phone(client):
    page = client.get(reverse("account_signup")).content.decode()
    assert "resident" not in page.lower() and "주민등록번호" not in page

    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    user = User.objects.get(email="purpose@example.com")
    assert user.mobile_phone == "" and not hasattr(user, "resident_number_id")
    rows = {c.kind: c for c in Consent.objects.filter(user=user)}
    assert set(rows) == {"terms", "privacy", "marketing"}
    assert rows["terms"].agreed and rows["privacy"].agreed and rows["marketing"].agreed is False


def test_each_signup_answer_stores_the_hash_of_the_exact_korean_text_and_the_channel(client):
    client.post(reverse("account_signup"), {**SIGNUP, "agree_marketing": "on"})

    for row in Consent.objects.filter(user__email="purpose@example.com"):
        text = CONSENT_TEXTS[row.kind]
        assert row.text_version == text.version
        assert row.text_hash == hashlib.sha256(text.render("ko").encode()).hexdigest()
        assert row.channel == "web"
    marketing = CONSENT_TEXTS["marketing"].render("ko")
    assert "이메일" in marketing  # the question exactly as the sign-up form asks it


def test_the_text_hash_follows_the_language_the_text_was_shown_in():
    user = UserFactory()

    (english,) = consents_record(user=user, answers={"marketing": True}, language="en")
    (korean,) = consents_record(user=user, answers={"marketing": False}, language="ko")

    assert english.text_hash == CONSENT_TEXTS["marketing"].text_hash("en")
    assert korean.text_hash == CONSENT_TEXTS["marketing"].text_hash("ko")
    assert english.text_hash != korean.text_hash


def test_every_purpose_has_a_versioned_text_in_both_languages():
    assert {"terms", "privacy", "marketing", *FUNDED_CONSENTS} <= set(CONSENT_TEXTS)
    for text in CONSENT_TEXTS.values():
        assert text.version
        assert text.render("ko").strip() and text.render("en").strip()
    assert set(FUNDED_CONSENTS) == {"funded_rrn", "funded_third_party", "funded_device"}
    assert CONSENT_TEXTS["funded_rrn"].notice and CONSENT_TEXTS["funded_device"].notice
    assert not CONSENT_TEXTS["funded_third_party"].notice and CONSENT_TEXTS["funded_third_party"].required
    assert not CONSENT_TEXTS["marketing"].required


def test_withdrawing_marketing_consent_is_immediate_recorded_and_hashed(client):
    user = UserFactory()
    consents_record(user=user, answers={"marketing": True})
    client.force_login(user)

    client.post(reverse("account_profile"), {"action": "marketing"})

    latest = Consent.objects.filter(user=user, kind="marketing").order_by("-at", "-pk").first()
    assert latest.agreed is False and latest.text_hash == CONSENT_TEXTS["marketing"].text_hash("ko")
    assert Consent.objects.filter(user=user, kind="marketing").count() == 2


def test_the_profile_lists_the_funded_answers_only_once_given(client):
    user = UserFactory()
    client.force_login(user)
    before = client.get(reverse("account_profile")).content.decode()

    funded_personal_data_record(user=user, resident_number="940312-1357913", mobile_phone="01020260001")
    after = client.get(reverse("account_profile")).content.decode()

    label = str(Consent.Kind.FUNDED_THIRD_PARTY.label)
    assert label not in before and label in after
    assert "940312-*******" in after and "1357913" not in after
