"""Open Badges 3.0: every certificate is also a signed ``OpenBadgeCredential`` (VC-JWT, Ed25519, signed with PyJWT).

The credential is signed when it is downloaded, so it always says what the certificate is now:
a revoked certificate gets no credential (and is listed at the revocation list that every
credential names in ``credentialStatus``), and an expiring one carries ``validUntil`` and the
JWT ``exp`` claim, which every JWT library enforces. Verifiers check the signature against the
public key published as a JWKS at ``/.well-known/jwks.json``.

The private key comes from ``ACADEMY_BADGE_SIGNING_KEY`` (PEM, or the 32-byte seed in base64url).
Outside production, when it is not set, a key is generated once into ``var/`` for the demo.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from functools import lru_cache
from pathlib import Path

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.utils import timezone
from jwt.algorithms import OKPAlgorithm

from .keys import b64url as _b64url
from .keys import development_key_text, load_private_key
from .links import site_url, verification_url
from .models import Certificate
from .status import Status, certificate_status


class BadgeUnavailable(Exception):
    """No credential can be signed now (the certificate is pending or revoked, or there is no key)."""


JWKS_PATH = "/.well-known/jwks.json"
REVOCATION_LIST_PATH = "/badges/revocations.json"
CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


@lru_cache(maxsize=4)
def _signing_key(value: str) -> Ed25519PrivateKey:
    return load_private_key(value)


def badges_enabled() -> bool:
    """Production signs badges only with a configured key; elsewhere a key is generated for the demo."""
    return bool(settings.ACADEMY_BADGE_SIGNING_KEY) or settings.ACADEMY_ENVIRONMENT != "production"


def signing_key() -> Ed25519PrivateKey:
    value = settings.ACADEMY_BADGE_SIGNING_KEY
    if not value:
        if settings.ACADEMY_ENVIRONMENT == "production":
            raise BadgeUnavailable("ACADEMY_BADGE_SIGNING_KEY is not set")
        value = development_key_text(Path(settings.VAR_DIR) / "badge-signing-key.pem")
    return _signing_key(value)


def public_jwk(key: Ed25519PrivateKey | None = None) -> dict:
    """The public key as a JWK (OKP, Ed25519) with its RFC 7638 thumbprint as ``kid``."""
    key = key or signing_key()
    public = OKPAlgorithm.to_jwk(key.public_key(), as_dict=True)
    members = {name: public[name] for name in ("crv", "kty", "x")}  # the members RFC 7638 hashes
    thumbprint = _b64url(hashlib.sha256(json.dumps(members, separators=(",", ":"), sort_keys=True).encode()).digest())
    return {**members, "kid": thumbprint, "alg": "EdDSA", "use": "sig"}


def jwks() -> dict:
    return {"keys": [public_jwk()] if badges_enabled() else []}


def issuer_id() -> str:
    return site_url("/")


def credential_id(certificate: Certificate) -> str:
    return f"urn:uuid:{certificate.public_id}"


def _end_of_day(day: datetime.date) -> datetime.datetime:
    """The last second of ``day`` in Seoul: a certificate is valid through its expiry date."""
    moment = datetime.datetime.combine(day, datetime.time(23, 59, 59))
    return timezone.make_aware(moment, timezone.get_default_timezone())


def credential(certificate: Certificate, *, masked: bool = False) -> dict:
    """The ``OpenBadgeCredential`` (Open Badges 3.0) of an issued certificate; ``masked``: the
    holder's name as a stranger with the code may see it (홍*동), for the public copy."""
    from accounts.names import mask_name

    course = certificate.enrolment.run.course
    user = certificate.enrolment.user
    salt = certificate.public_id.hex
    identity_hash = hashlib.sha256((user.email.lower() + salt).encode()).hexdigest()
    valid_from = certificate.rendered_at or timezone.now()
    data = {
        "@context": CONTEXTS,
        "id": credential_id(certificate),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {
            "id": issuer_id(),
            "type": ["Profile"],
            "name": f"{certificate.institute_name_ko} · {settings.WAGTAIL_SITE_NAME}",
            "url": issuer_id(),
        },
        "validFrom": valid_from.astimezone(datetime.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "name": certificate.course_title_en or certificate.course_title_ko,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": (mask_name if masked else str)(certificate.holder_name_en or certificate.holder_name_ko),
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "emailAddress",
                    "hashed": True,
                    "identityHash": f"sha256${identity_hash}",
                    "salt": salt,
                }
            ],
            "achievement": {
                "id": site_url(course.url or f"/courses/#{course.pk}"),
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": certificate.course_title_en or certificate.course_title_ko,
                "description": f"{certificate.course_title_ko} ({certificate.study_hours}h), "
                f"{certificate.institute_name_en or certificate.institute_name_ko}",
                "criteria": {"narrative": "Completion rule of the course met (progress, assessments, attendance)."},
                "creator": {"id": issuer_id(), "type": ["Profile"], "name": certificate.institute_name_ko},
            },
            "result": [{"type": ["Result"], "value": certificate.code}],
        },
        "evidence": [{"id": verification_url(certificate.code), "type": ["Evidence"], "name": certificate.code}],
        "credentialStatus": {"id": site_url(REVOCATION_LIST_PATH), "type": "1EdTechRevocationList"},
    }
    if certificate.expires_on:
        data["validUntil"] = (
            _end_of_day(certificate.expires_on)
            .astimezone(datetime.UTC)
            .isoformat(timespec="seconds")
            .replace("+00:00", "Z")
        )
    return data


def credential_jwt(certificate: Certificate, *, now: datetime.datetime | None = None, masked: bool = False) -> str:
    """The credential as a compact VC-JWT signed with EdDSA (Ed25519); ``masked`` for the public copy
    linked from the verification page (the holder's own download carries the whole name)."""
    status = certificate_status(certificate)
    if status not in (Status.VALID, Status.EXPIRED) or not badges_enabled():
        raise BadgeUnavailable(status)
    now = now or timezone.now()
    key = signing_key()
    jwk = public_jwk(key)
    body = credential(certificate, masked=masked)
    claims = {
        "iss": issuer_id(),
        "jti": body["id"],
        "sub": body["credentialSubject"]["identifier"][0]["identityHash"],
        "iat": int(now.timestamp()),
        "nbf": int((certificate.rendered_at or now).timestamp()),
        "vc": body,
    }
    if certificate.expires_on:
        claims["exp"] = int(_end_of_day(certificate.expires_on).timestamp())
    return jwt.encode(claims, key, algorithm="EdDSA", headers={"typ": "JWT", "kid": jwk["kid"]})


def revocation_list() -> dict:
    """1EdTech revocation list: the credential of every revoked certificate.

    Only the credential ids: the reason a manager typed is free text (it may name the holder or an
    investigation) and a public, machine-read list is not the place for it; ``revocationReason`` is
    optional in the list. Whoever holds the code reads the reason on the verification page.
    """
    revoked = Certificate.objects.filter(state=Certificate.State.REVOKED).order_by("revoked_at", "pk")
    return {
        "id": site_url(REVOCATION_LIST_PATH),
        "issuer": issuer_id(),
        "revokedCredentials": [{"id": credential_id(c)} for c in revoked.only("public_id").iterator(chunk_size=2000)],
    }
