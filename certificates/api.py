"""The verification API (/api/v1/), with OpenAPI docs at /api/v1/docs.

Anyone may verify; an organisation's API key (``X-API-Key`` header, or ``Authorization: Bearer``)
raises the rate limit. Limits count codes, not requests: a batch of N codes counts N against the
caller's codes per minute. Errors are JSON with the fitting status code. A batch of up to 10,000
codes is answered with one database query.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils import timezone
from ninja import NinjaAPI, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from . import ratelimit, verification

api = NinjaAPI(
    title="Daejeon Defense Innovation Cluster Academy API",
    version="1.0.0",
    description=(
        "Verify certificates (수료증 진위확인) of the Academy. Codes are read tolerantly: case, spaces and "
        "hyphens do not matter, and O/0, I/1/L are taken as digits. A code that is malformed and a code "
        "that matches nothing get the same answer (found: false). The holder's names are masked (홍*동, "
        "G****** H***) unless the caller gives the name it expects and it matches (a certificate's names are "
        "compared at most 5 times an hour per caller; beyond that name_matches is null); a revoked certificate "
        "gives its reason category, never the institute's own notes. Rate limits count codes per minute: a "
        "batch of N codes counts N (anonymous callers 20 a minute, organisation API keys 600 a minute, unless "
        "configured otherwise); over the limit the answer is 429 with a Retry-After header."
    ),
    urls_namespace="api_v1",
)


class Error(Schema):
    detail: str | list = Field(..., description="What went wrong: a sentence, or the list of invalid fields")


class CertificateOut(Schema):
    code: str
    found: bool
    status: str | None = Field(None, description="valid, expired, revoked or pending")
    holder_name_ko: str | None = Field(
        None, description="The holder's Korean name, masked (홍*동) unless the name given matches it"
    )
    holder_name_en: str | None = Field(
        None, description="The holder's English name, masked (G****** H***) unless the name given matches it"
    )
    name_matches: bool | None = Field(
        None, description="Whether the name given is the holder's (Korean or English); null when none was given"
    )
    course_ko: str | None = None
    course_en: str | None = None
    institute_ko: str | None = None
    institute_en: str | None = None
    study_hours: int | None = None
    completed_on: date | None = None
    issued_on: date | None = None
    expires_on: date | None = Field(None, description="Last day of validity; null without expiry and when revoked")
    revoked_on: date | None = None
    revocation_category: str | None = Field(
        None,
        description=(
            "Why a revoked certificate was revoked: requirements_not_met, misconduct, holder_request, "
            "issued_in_error or other"
        ),
    )


class VerifyIn(Schema):
    codes: list[str] = Field(..., min_length=1, max_length=verification.MAX_BATCH, description="1 to 10,000 codes")
    names: list[str] | None = Field(
        None,
        max_length=verification.MAX_BATCH,
        description="Optional: the name expected for each code, in the same order (unmasks the names that match)",
    )


class VerifyOut(Schema):
    count: int
    found: int
    results: list[CertificateOut]


def _client(request) -> tuple[int | None, str]:
    """(API key id or None, rate-limit key); raises 401 for a key that is wrong or revoked."""
    from accounts.services import api_key_authenticate

    key = request.headers.get("X-API-Key", "")
    authorization = request.headers.get("Authorization", "")
    if not key and authorization.lower().startswith("bearer "):
        key = authorization[7:].strip()
    if not key:
        return None, f"anon:{ratelimit.client_hash(request)}"
    api_key = api_key_authenticate(key)
    if api_key is None:
        # A wrong key costs the client one from its anonymous limit: trying keys is not free.
        limit = settings.ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE
        if not ratelimit.hit(scope="api", key=f"anon:{ratelimit.client_hash(request)}", limit=limit):
            raise RateLimited(f"Too many requests: the limit is {limit} codes a minute. Wait a minute.")
        raise HttpError(401, "The API key is not valid.")
    from accounts.models import OrganisationApiKey

    OrganisationApiKey.objects.filter(pk=api_key.pk).update(last_used_at=timezone.now())
    return api_key.pk, f"key:{api_key.pk}"


class RateLimited(Exception):
    """The caller asked for more codes than are left of its limit this minute."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


@api.exception_handler(RateLimited)
def _rate_limited(request, exc: RateLimited):
    response = api.create_response(request, {"detail": exc.detail}, status=429)
    response["Retry-After"] = "60"
    return response


def _limit(request, codes: int = 1) -> int | None:
    """Count ``codes`` against the caller's codes per minute (per API key, or per client address)."""
    api_key_id, key = _client(request)
    limit = settings.ACADEMY_API_KEY_RATE_PER_MINUTE if api_key_id else settings.ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE
    if codes > limit:
        raise RateLimited(
            f"Too many codes: this request has {codes}, and the limit is {limit} codes a minute. "
            "Send fewer at a time, or use an organisation API key."
        )
    if not ratelimit.hit(scope="api", key=key, limit=limit, cost=codes):
        raise RateLimited(
            f"Too many requests: the limit is {limit} codes a minute. Wait a minute, or use an organisation API key."
        )
    return api_key_id


# Registered before ``/certificates/{code}``: Django tries the URL patterns in order.
@api.post(
    "/certificates/verify",
    response={200: VerifyOut, 401: Error, 422: Error, 429: Error},
    summary="Verify many certificates",
)
def verify_many(request, payload: VerifyIn):
    """Up to 10,000 codes in one request, answered in the order given, with one database query.
    Each code counts against the caller's limit of codes per minute."""
    api_key_id = _limit(request, codes=len(payload.codes))
    if payload.names is not None and len(payload.names) != len(payload.codes):
        raise HttpError(422, "names must have one entry for each code, in the same order.")
    answers = verification.verify_codes(payload.codes)
    verification.log(channel="api", answers=answers, client_hash=ratelimit.client_hash(request), api_key_id=api_key_id)
    names = payload.names or [""] * len(answers)
    client = f"key:{api_key_id}" if api_key_id else ratelimit.client_hash(request)
    results = [
        answer.as_dict(typed_name=(name or "")[:200], client=client)
        for answer, name in zip(answers, names, strict=True)
    ]
    return Status(200, {"count": len(results), "found": sum(1 for r in results if r["found"]), "results": results})


@api.get(
    "/certificates/{code}",
    response={200: CertificateOut, 401: Error, 404: CertificateOut, 429: Error},
    summary="Verify one certificate",
)
def get_certificate(request, code: str, name: str = ""):
    """The status and facts of one certificate (404 with ``found: false`` when nothing matches).
    The holder's names are masked unless ``name`` is one of them."""
    api_key_id = _limit(request)
    answer = verification.verify_code(code)
    verification.log(channel="api", answers=[answer], client_hash=ratelimit.client_hash(request), api_key_id=api_key_id)
    client = f"key:{api_key_id}" if api_key_id else ratelimit.client_hash(request)
    return Status(200 if answer.found else 404, answer.as_dict(typed_name=name[:200], client=client))
