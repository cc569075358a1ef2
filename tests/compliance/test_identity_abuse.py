"""What the security review asked of the identity checks: the fake never in production, a limit on
attempts that records nothing once reached, provider returns that are ours and used once, and a
malformed request answered without an error page."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from accounts.identity import backend_for
from accounts.identity.routes import fake_phone_enabled
from compliance.models import IdentityCheck
from ops.models import AuditEvent

from .identity_support import BIRTH, FAKE_CODE, detour_of, submit_code, with_identity

pytestmark = [pytest.mark.django_db, pytest.mark.identity_checks]


@pytest.fixture
def check_url(funded, client):
    with_identity(funded["user"])
    client.force_login(funded["user"])
    return detour_of(client.get(funded["lessons"][0].url))  # 입과 comes first: the phone route


@override_settings(ACADEMY_ENVIRONMENT="production")
def test_the_fake_backend_is_refused_in_production_even_if_configured():
    with pytest.raises(ImproperlyConfigured):
        backend_for("motp")  # the test settings put the fake behind it
    assert not fake_phone_enabled()


def test_attempts_beyond_the_limit_are_refused_and_record_nothing(client, funded, check_url, settings):
    settings.ACADEMY_IDENTITY_ATTEMPTS_PER_WINDOW = 3
    for _ in range(3):
        submit_code(client, check_url, "000000", route="phone")  # a phone "verify" is not an attempt…
    recorded = IdentityCheck.objects.count()
    start = client.post(check_url, {"route": "phone", "action": "start"})
    assert start.status_code == 302
    for _ in range(4):
        client.post(check_url, {"route": "phone", "action": "start"})
    refused = client.get(check_url).content.decode()
    assert "본인인증 시도가 너무 많습니다" in refused
    assert IdentityCheck.objects.count() == recorded  # nothing written past the limit


def test_an_unknown_or_replayed_provider_return_records_nothing(client, funded, check_url):
    token = check_url.split("/")[3]
    audit_before = AuditEvent.objects.count()
    response = client.get(f"/learn/identity/{token}/complete/made-up-id/")
    assert response.status_code == 302 and response["Location"] == check_url
    assert "만료되었거나 이미 사용된" in client.get(check_url).content.decode()
    assert IdentityCheck.objects.count() == 0 and AuditEvent.objects.count() == audit_before

    start = client.post(check_url, {"route": "phone", "action": "start"})
    provider = client.post(
        start["Location"], {"name": "홍길동", "birth_date": BIRTH.isoformat(), "phone": "01012345678"}
    )
    back = provider["Location"]
    client.get(back)
    assert IdentityCheck.objects.filter(result="ok").count() == 1
    client.get(back)  # the same return again
    assert IdentityCheck.objects.count() == 1


def test_a_phone_route_posted_without_start_is_sent_back_not_an_error(client, check_url):
    response = client.post(check_url, {"route": "phone", "action": "verify", "code": FAKE_CODE})
    assert response.status_code == 302 and response["Location"] == check_url
    assert IdentityCheck.objects.count() == 0
