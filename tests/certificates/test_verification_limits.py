"""Verification limits count codes, not requests; each request writes one log row with its counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.services import api_key_create
from certificates.models import VerificationLog
from tests import factories as f

pytestmark = pytest.mark.django_db

VERIFY = "/api/v1/certificates/verify"


def batch(client, codes, **headers):
    return client.post(VERIFY, {"codes": codes}, content_type="application/json", **headers)


def test_an_anonymous_batch_of_n_codes_counts_n(client, settings):
    settings.ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE = 20
    code = f.certificate().code

    first = batch(client, [code] * 15)
    over = batch(client, [code] * 6)
    fits = batch(client, [code] * 5)
    single = client.get(f"/api/v1/certificates/{code}")

    assert first.status_code == 200
    assert over.status_code == 429 and over["Retry-After"] == "60"
    assert over.json()["detail"].startswith("Too many requests: the limit is 20 codes a minute")
    assert fits.status_code == 200  # the refused batch took nothing from what was left
    assert single.status_code == 429


def test_a_key_limit_is_codes_per_minute(client, settings):
    settings.ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE = 1
    settings.ACADEMY_API_KEY_RATE_PER_MINUTE = 10
    _row, key = api_key_create(organisation=f.OrganisationFactory(), name="HR", actor=None)
    code = f.certificate().code

    first = batch(client, [code] * 10, HTTP_X_API_KEY=key)
    second = client.get(f"/api/v1/certificates/{code}", HTTP_X_API_KEY=key)

    assert first.status_code == 200 and first.json()["found"] == 10
    assert second.status_code == 429


def test_wrong_keys_count_against_the_anonymous_limit(client, settings):
    settings.ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE = 2
    code = f.certificate().code

    statuses = [
        client.get(f"/api/v1/certificates/{code}", HTTP_X_API_KEY=f"acad_0000_{n}").status_code for n in range(3)
    ]

    assert statuses == [401, 401, 429]
    assert client.get(f"/api/v1/certificates/{code}").status_code == 429


def test_a_batch_larger_than_the_whole_limit_is_refused_and_says_so(client, settings):
    settings.ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE = 20
    code = f.certificate().code

    response = batch(client, [code] * 21)

    assert response.status_code == 429
    assert response.json() == {
        "detail": "Too many codes: this request has 21, and the limit is 20 codes a minute. "
        "Send fewer at a time, or use an organisation API key."
    }
    assert batch(client, [code] * 20).status_code == 200


def test_one_log_row_per_request_with_the_counts(client, settings, django_capture_on_commit_callbacks):
    settings.ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE = 10_000
    found = [f.certificate() for _ in range(3)]
    codes = [c.code for c in found] * 100 + [f"unknown-{n}" for n in range(500)]

    with django_capture_on_commit_callbacks(execute=True):
        response = batch(client, codes)

    assert response.status_code == 200
    log = VerificationLog.objects.get()
    assert (log.channel, log.found, log.unknown) == ("api", 300, 500)
    assert set(log.certificates.all()) == set(found)


def test_a_bulk_file_counts_its_codes_against_the_hourly_budget(client, settings, django_capture_on_commit_callbacks):
    settings.ACADEMY_VERIFY_BULK_CODES_PER_HOUR = 5
    code = f.certificate().code

    def upload(rows):
        content = "\n".join([code] * rows).encode()
        return client.post("/verify/bulk/", {"file": SimpleUploadedFile("codes.csv", content)})

    with django_capture_on_commit_callbacks(execute=True):
        first, over, fits = upload(4), upload(2), upload(1)

    assert first.status_code == 200 and first.context["summary"]["total"] == 4
    assert over.status_code == 429
    assert "이 파일에는 수료증 번호가 2개 있어" in over.content.decode()
    assert fits.status_code == 200
    assert [(log.channel, log.found, log.unknown) for log in VerificationLog.objects.order_by("pk")] == [
        ("bulk", 4, 0),
        ("bulk", 1, 0),
    ]


def test_the_trainee_sees_each_request_that_found_the_certificate_once(
    client, settings, django_capture_on_commit_callbacks
):
    settings.ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE = 10_000
    certificate = f.certificate()
    other = f.certificate()
    with django_capture_on_commit_callbacks(execute=True):
        batch(client, [certificate.code] * 50 + [other.code, "nonsense"])
        client.get(f"/verify/{certificate.code}/")
        client.post(
            "/verify/bulk/", {"file": SimpleUploadedFile("codes.csv", f"{certificate.code}\n{other.code}".encode())}
        )
    client.force_login(certificate.enrolment.user)

    text = client.get("/learn/").content.decode()

    assert "3회 확인" in text
