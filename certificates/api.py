"""The verification API (/api/v1/), with OpenAPI docs at /api/v1/docs.

Anyone may verify; an organisation's API key (``X-API-Key`` header, or ``Authorization: Bearer``)
raises the rate limit (read by ninja's authentication, :func:`identify_caller`). Limits count codes,
not requests: a batch of N codes counts N against the caller's codes per minute (:class:`CodesPerMinute`,
a django-ninja throttle). Errors are JSON with the fitting status code. A batch of up to 10,000 codes
is answered with one database query.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils import timezone
from ninja import NinjaAPI, Schema, Status
from ninja.errors import HttpError, Throttled
from ninja.throttling import SimpleRateThrottle
from pydantic import Field

from . import ratelimit, verification


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


@dataclass(frozen=True)
class Caller:
    """Who calls: an organisation's API key, or an anonymous client (a keyed hash of its address)."""

    api_key_id: int | None
    client_hash: str

    @property
    def limit(self) -> int:
        """Codes per minute: an organisation's key raises the anonymous limit."""
        if self.api_key_id:
            return settings.ACADEMY_API_KEY_RATE_PER_MINUTE
        return settings.ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE

    @property
    def rate_key(self) -> str:
        return f"key:{self.api_key_id}" if self.api_key_id else f"anon:{self.client_hash}"

    @property
    def client(self) -> str:
        """Whom the comparisons of names are counted for."""
        return f"key:{self.api_key_id}" if self.api_key_id else self.client_hash


class CodesThrottled(Throttled):
    """ninja's 429, with the sentence that says which limit was reached."""

    def __init__(self, detail: str):
        super().__init__(wait=60)
        self.message = detail


class CodesPerMinute(SimpleRateThrottle):
    """django-ninja's throttle, counting codes instead of requests: a batch of N codes costs N.

    ninja's own ``SimpleRateThrottle`` keeps a list of request times per client (read, then
    written back) and lets a request in while fewer than N times are listed: it counts requests,
    and two web nodes reading the list at the same moment both pass. So this subclass keeps ninja's
    hooks (it runs before the view, ninja answers 429 with ``Retry-After`` from :meth:`wait`) and
    overrides what counts: the codes the request asks for, added to one atomic counter per caller
    and minute in Django's cache (Redis in production, shared by every node), the counter the
    verification pages use too (:func:`certificates.ratelimit.hit`). A batch that does not fit
    takes nothing from what is left.
    """

    def __init__(self):
        super().__init__(rate="1/min")  # the window; the number of codes is the caller's (settings)

    def get_cache_key(self, request) -> str:
        return request.auth.rate_key

    def cost(self, request) -> int:
        """The codes a request asks for: one in the path, or the batch's codes (a payload the
        schema will refuse with 422 costs nothing, as before)."""
        if request.method != "POST":
            return 1
        try:
            codes = json.loads(request.body).get("codes")
        except (ValueError, AttributeError):
            return 0
        if not isinstance(codes, list) or not 1 <= len(codes) <= verification.MAX_BATCH:
            return 0
        return len(codes) if all(isinstance(code, str) for code in codes) else 0

    def allow_request(self, request) -> bool:
        cost = self.cost(request)
        if not cost:
            return True
        return ratelimit.hit(
            scope="api", key=self.get_cache_key(request), limit=request.auth.limit, window=self.duration, cost=cost
        )

    def wait(self) -> float:
        """A fixed window: what was counted is forgotten within a minute."""
        return self.duration

    def refusal(self, request) -> str:
        limit, codes = request.auth.limit, self.cost(request)
        if codes > limit:
            return (
                f"Too many codes: this request has {codes}, and the limit is {limit} codes a minute. "
                "Send fewer at a time, or use an organisation API key."
            )
        return f"Too many requests: the limit is {limit} codes a minute. Wait a minute, or use an organisation API key."


codes_per_minute = CodesPerMinute()


def identify_caller(request) -> Caller:
    """ninja's authentication: everyone may call; an organisation's API key (``X-API-Key``, or
    ``Authorization: Bearer``) raises the limit. A key that is wrong or revoked is 401 and costs the
    client one code of its anonymous limit: trying keys is not free."""
    from accounts.models import OrganisationApiKey
    from accounts.services import api_key_authenticate

    client_hash = ratelimit.client_hash(request)
    key = request.headers.get("X-API-Key", "")
    authorization = request.headers.get("Authorization", "")
    if not key and authorization.lower().startswith("bearer "):
        key = authorization[7:].strip()
    if not key:
        return Caller(api_key_id=None, client_hash=client_hash)
    api_key = api_key_authenticate(key)
    if api_key is None:
        anonymous = Caller(api_key_id=None, client_hash=client_hash)
        if not ratelimit.hit(scope="api", key=anonymous.rate_key, limit=anonymous.limit):
            raise CodesThrottled(f"Too many requests: the limit is {anonymous.limit} codes a minute. Wait a minute.")
        raise HttpError(401, "The API key is not valid.")
    OrganisationApiKey.objects.filter(pk=api_key.pk).update(last_used_at=timezone.now())
    return Caller(api_key_id=api_key.pk, client_hash=client_hash)


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
    auth=identify_caller,
    throttle=codes_per_minute,
)


@api.exception_handler(Throttled)
def _throttled(request, exc: Throttled):
    detail = exc.message if isinstance(exc, CodesThrottled) else codes_per_minute.refusal(request)
    response = api.create_response(request, {"detail": detail}, status=429)
    response["Retry-After"] = str(codes_per_minute.duration)
    return response


# Registered before ``/certificates/{code}``: Django tries the URL patterns in order.
@api.post(
    "/certificates/verify",
    response={200: VerifyOut, 401: Error, 422: Error, 429: Error},
    summary="Verify many certificates",
)
def verify_many(request, payload: VerifyIn):
    """Up to 10,000 codes in one request, answered in the order given, with one database query.
    Each code counts against the caller's limit of codes per minute."""
    caller = request.auth
    if payload.names is not None and len(payload.names) != len(payload.codes):
        raise HttpError(422, "names must have one entry for each code, in the same order.")
    answers = verification.verify_codes(payload.codes)
    verification.log(channel="api", answers=answers, client_hash=caller.client_hash, api_key_id=caller.api_key_id)
    names = payload.names or [""] * len(answers)
    results = [
        answer.as_dict(typed_name=(name or "")[:200], client=caller.client)
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
    caller = request.auth
    answer = verification.verify_code(code)
    verification.log(channel="api", answers=[answer], client_hash=caller.client_hash, api_key_id=caller.api_key_id)
    return Status(200 if answer.found else 404, answer.as_dict(typed_name=name[:200], client=caller.client))
