"""Open Badges 3.0: a VC-JWT any JWT library verifies against the published JWKS."""

import datetime
import json

import jwt
import pytest

from certificates import badges, services
from certificates.models import Certificate
from tests import factories

pytestmark = pytest.mark.django_db


def download(client, certificate):
    response = client.get(f"/learn/certificates/{certificate.public_id}/badge.jwt")
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/vc+jwt"
    return response.content.decode()


def verify_with_pyjwt(client, token, **options):
    """Verify as an outsider would: the key from /.well-known/jwks.json, PyJWT, nothing of ours."""
    keys = client.get("/.well-known/jwks.json").json()["keys"]
    kid = jwt.get_unverified_header(token)["kid"]
    jwk = next(k for k in keys if k["kid"] == kid)
    key = jwt.PyJWK.from_dict(jwk)
    return jwt.decode(token, key=key.key, algorithms=["EdDSA"], issuer="http://testserver/", **options)


def test_the_badge_verifies_against_the_published_jwks(client, issue, trainee):
    certificate = issue()
    client.force_login(trainee)

    claims = verify_with_pyjwt(client, download(client, certificate))

    credential = claims["vc"]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" in credential["@context"]
    assert claims["jti"] == credential["id"] == f"urn:uuid:{certificate.public_id}"
    assert credential["credentialSubject"]["achievement"]["name"] == "Drone Flight Safety in Practice"
    assert credential["credentialSubject"]["result"][0]["value"] == certificate.code
    assert credential["evidence"][0]["id"] == f"http://testserver/verify/{certificate.code}/"
    assert credential["credentialStatus"]["type"] == "1EdTechRevocationList"
    assert credential["validUntil"].startswith(certificate.expires_on.isoformat())
    assert claims["exp"] > claims["nbf"]


def test_a_tampered_badge_does_not_verify(client, issue, trainee):
    certificate = issue()
    client.force_login(trainee)
    header, payload, signature = download(client, certificate).split(".")
    claims = json.loads(jwt.utils.base64url_decode(payload))
    claims["vc"]["credentialSubject"]["name"] = "Someone Else"
    forged = ".".join([header, jwt.utils.base64url_encode(json.dumps(claims).encode()).decode(), signature])

    with pytest.raises(jwt.InvalidSignatureError):
        verify_with_pyjwt(client, forged)


def test_an_expired_certificates_badge_is_rejected_by_the_jwt_library(client, issue, trainee):
    certificate = issue()
    Certificate.objects.filter(pk=certificate.pk).update(expires_on=datetime.date(2020, 1, 31))
    client.force_login(trainee)

    token = download(client, Certificate.objects.get(pk=certificate.pk))

    with pytest.raises(jwt.ExpiredSignatureError):
        verify_with_pyjwt(client, token)


def test_a_revoked_certificate_has_no_badge_and_is_on_the_revocation_list(client, issue, trainee, institute):
    certificate = issue()
    services.certificate_revoke(certificate=certificate, actor=factories.manager_of(institute), reason="부정 수강")
    client.force_login(trainee)

    assert client.get(f"/learn/certificates/{certificate.public_id}/badge.jwt").status_code == 404
    revoked = client.get("/badges/revocations.json").json()["revokedCredentials"]
    assert {"id": f"urn:uuid:{certificate.public_id}"} in revoked


def test_the_revocation_list_publishes_no_free_text_reason(client, issue, institute):
    certificate = issue()
    reason = "홍길동 교육생 대리수강 적발 (감사팀 조사 2026-11)"
    services.certificate_revoke(certificate=certificate, actor=factories.manager_of(institute), reason=reason)

    response = client.get("/badges/revocations.json")

    assert response.status_code == 200
    assert response.json()["revokedCredentials"] == [{"id": f"urn:uuid:{certificate.public_id}"}]
    assert "홍길동" not in response.content.decode() and "revocationReason" not in response.content.decode()


def test_jwks_publishes_only_the_public_key(client):
    keys = client.get("/.well-known/jwks.json").json()["keys"]

    assert len(keys) == 1
    assert keys[0]["kty"] == "OKP" and keys[0]["crv"] == "Ed25519" and "d" not in keys[0]


def test_key_from_the_environment_as_a_seed_or_pem(settings):
    import base64

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from django.core.exceptions import ImproperlyConfigured

    from certificates.keys import load_private_key

    key = Ed25519PrivateKey.generate()
    seed = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    settings.ACADEMY_BADGE_SIGNING_KEY = base64.urlsafe_b64encode(seed).decode().rstrip("=")
    from_seed = badges.public_jwk(badges.signing_key())
    settings.ACADEMY_BADGE_SIGNING_KEY = pem.decode()
    from_pem = badges.public_jwk(badges.signing_key())

    assert from_seed == from_pem
    with pytest.raises(ImproperlyConfigured, match="ACADEMY_BADGE_SIGNING_KEY"):
        load_private_key("not a key")


def test_production_without_a_key_offers_no_badge(client, issue, trainee, settings):
    certificate = issue()
    settings.ACADEMY_ENVIRONMENT = "production"
    settings.ACADEMY_BADGE_SIGNING_KEY = ""
    client.force_login(trainee)

    assert client.get(f"/learn/certificates/{certificate.public_id}/badge.jwt").status_code == 404
    assert "badge.jwt" not in client.get("/learn/").content.decode()
    assert client.get("/.well-known/jwks.json").json() == {"keys": []}
