"""The verification API: JSON, the right status codes, one query per batch, API keys."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.services import api_key_create, api_key_revoke
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_get_one_certificate(client):
    cert = f.certificate(holder_name_ko="김하늘")

    response = client.get(f"/api/v1/certificates/{cert.code.lower()}")

    assert response.status_code == 200
    body = response.json()
    assert body["found"] is True and body["status"] == "valid" and body["holder_name_ko"] == "김*늘"
    assert body["code"] == cert.code


def test_unknown_and_malformed_codes_are_404_with_the_same_body_shape(client):
    unknown = client.get("/api/v1/certificates/00000-00000-00000-00000")
    malformed = client.get("/api/v1/certificates/x")

    assert unknown.status_code == malformed.status_code == 404
    assert unknown.json()["found"] is malformed.json()["found"] is False


def test_batch_of_codes_in_one_query(client, settings):
    settings.ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE = 10_000  # this test is about queries, not limits
    certs = [f.certificate() for _ in range(5)]
    codes = [c.code for c in certs] * 200 + ["bad", "00000-00000-00000-00000"]

    with CaptureQueriesContext(connection) as queries:
        response = client.post("/api/v1/certificates/verify", {"codes": codes}, content_type="application/json")

    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 1002 and body["found"] == 1000
    assert [r["code"] for r in body["results"][:5]] == [c.code for c in certs]
    selects = [q["sql"] for q in queries if q["sql"].startswith("SELECT")]
    assert len(selects) == 1, selects


@pytest.mark.parametrize(
    ("payload", "status"),
    [({"codes": []}, 422), ({"codes": ["x"] * 10_001}, 422), ({"nothing": 1}, 422), ("not json", 400)],
)
def test_bad_batches_get_json_errors(client, payload, status):
    response = client.post(
        "/api/v1/certificates/verify",
        payload if isinstance(payload, dict) else payload,
        content_type="application/json",
    )

    assert response.status_code == status
    assert "detail" in response.json()


def test_api_keys_get_higher_limits(client, settings):
    settings.ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE = 3
    settings.ACADEMY_API_KEY_RATE_PER_MINUTE = 10
    organisation = f.OrganisationFactory()
    _row, key = api_key_create(organisation=organisation, name="HR 시스템", actor=None)
    code = f.certificate().code

    anonymous = [client.get(f"/api/v1/certificates/{code}").status_code for _ in range(4)]
    keyed = [client.get(f"/api/v1/certificates/{code}", HTTP_X_API_KEY=key).status_code for _ in range(6)]
    bearer = client.get(f"/api/v1/certificates/{code}", HTTP_AUTHORIZATION=f"Bearer {key}")

    assert anonymous == [200, 200, 200, 429]
    assert keyed == [200] * 6
    assert bearer.status_code == 200
    assert client.get(f"/api/v1/certificates/{code}").json()["detail"].startswith("Too many requests")


def test_wrong_or_revoked_keys_are_401(client):
    organisation = f.OrganisationFactory()
    row, key = api_key_create(organisation=organisation, name="HR", actor=None)
    code = f.certificate().code

    assert client.get(f"/api/v1/certificates/{code}", HTTP_X_API_KEY=key + "x").status_code == 401
    api_key_revoke(api_key=row)
    response = client.get(f"/api/v1/certificates/{code}", HTTP_X_API_KEY=key)
    assert response.status_code == 401
    assert response.json() == {"detail": "The API key is not valid."}


def test_docs_and_schema_are_published(client):
    assert client.get("/api/v1/docs").status_code == 200
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/certificates/{code}" in schema["paths"]
    assert "/api/v1/certificates/verify" in schema["paths"]
