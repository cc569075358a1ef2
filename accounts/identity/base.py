"""The shapes every identity backend speaks (DOMAIN-KR §1.7 F1.7).

A backend is asked twice: ``start`` opens a challenge (nothing for a code the trainee already
holds, an e-mailed code, or the address of a provider's window), ``complete`` answers whether the
trainee passed it. Challenges live in the shared cache (Redis in production) for ten minutes, keyed
by an unguessable id and bound to the user who opened them, so any web node can complete them.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import dataclass, field
from typing import Literal, Protocol

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

CHALLENGE_SECONDS = 600


class Outcome:
    """What became of an attempt (``compliance.IdentityCheck.result`` uses the same values)."""

    OK = "ok"
    FAILED = "failed"  # a wrong code, an expired challenge, a provider that said no
    REFUSED = "refused"  # verified, but not this account's holder (name or birth date differ)
    LOCKED = "locked"  # the route is locked (5 wrong mOTP codes: AP009)
    ERROR = "error"  # the provider could not answer (network, WE/CE/IE codes): try again later


@dataclass(frozen=True)
class Purpose:
    """What the check is for, in plain values (``accounts`` stands below ``courses``).

    ``moment``: entry (입과), lesson (진도), quiz, assignment; ``eval_cd``/``eval_type``/``class_tme``:
    the 공단's codes (00 입과, 01 진도, 02 시험, 03 과제, 04 진행평가; CLASS_TME the 2-digit 차시);
    ``course_agent_pk``/``class_agent_pk``: the run's HRD-Net 훈련과정 ID and 회차.
    """

    moment: str
    eval_cd: str = ""
    eval_type: str = ""
    class_tme: str = ""
    course_agent_pk: str = ""
    class_agent_pk: str = ""


@dataclass(frozen=True)
class Challenge:
    """An open check: the trainee types a code into our form, or goes to ``redirect_url`` (a
    provider's window) which comes back to our completion page with the challenge id."""

    id: str
    backend: str
    kind: Literal["code", "redirect"]
    redirect_url: str = ""
    sent_to: str = ""  # where an e-mailed code went (masked), for the page to say


@dataclass(frozen=True)
class VerificationResult:
    """The answer of a backend, shaped like PortOne V2's ``VerifiedIdentityVerification``.

    ``ci_hmac`` is the keyed hash of the provider's CI (``ci_hmac``); the CI itself is never kept.
    ``outcome`` says more than ``ok`` (see ``Outcome``); ``message`` is a translated sentence for the
    trainee when it failed.
    """

    ok: bool
    method: str
    provider_tx_id: str
    verified_at: datetime.datetime
    name: str | None = None
    birth_date: datetime.date | None = None
    phone: str | None = None
    is_foreigner: bool | None = None
    ci_hmac: str | None = None
    di: str | None = None
    raw_code: str = ""
    outcome: str = Outcome.OK
    message: str = ""


class IdentityBackend(Protocol):
    key: str
    assurance: Literal["low", "high", "agency"]

    def start(self, *, user, purpose: Purpose, context: dict) -> Challenge: ...

    def complete(self, *, request, challenge_id: str) -> VerificationResult: ...


class IdentityError(Exception):
    """A request a backend cannot take (no TOTP set up, no phone number); the message is translated."""


@dataclass
class ChallengeState:
    """What the cache keeps of an open challenge (JSON-friendly values only)."""

    user_id: int
    backend: str
    data: dict = field(default_factory=dict)


def _cache_key(challenge_id: str) -> str:
    return f"academy:identity:challenge:{challenge_id}"


def challenge_open(*, user, backend: str, data: dict | None = None) -> str:
    challenge_id = secrets.token_urlsafe(24)
    cache.set(_cache_key(challenge_id), {"user_id": user.pk, "backend": backend, "data": data or {}}, CHALLENGE_SECONDS)
    return challenge_id


def challenge_state(challenge_id: str, *, user, backend: str) -> ChallengeState | None:
    """The open challenge of this user and backend, or None (expired, someone else's, unknown)."""
    if not challenge_id or len(challenge_id) > 100:
        return None
    value = cache.get(_cache_key(challenge_id))
    if not value or value.get("user_id") != user.pk or value.get("backend") != backend:
        return None
    return ChallengeState(user_id=value["user_id"], backend=value["backend"], data=dict(value.get("data") or {}))


def challenge_save(challenge_id: str, state: ChallengeState) -> None:
    cache.set(
        _cache_key(challenge_id),
        {"user_id": state.user_id, "backend": state.backend, "data": state.data},
        CHALLENGE_SECONDS,
    )


def challenge_close(challenge_id: str) -> None:
    cache.delete(_cache_key(challenge_id))


def ci_hmac(ci: str | None) -> str | None:
    """Keyed hash of a CI (``ACADEMY_IDENTITY_CI_KEY``, else derived from SECRET_KEY), hex."""
    if not ci:
        return None
    key = (
        settings.ACADEMY_IDENTITY_CI_KEY.encode()
        or hashlib.sha256(b"academy-identity-ci:" + settings.SECRET_KEY.encode()).digest()
    )
    return hmac.new(key, ci.encode(), hashlib.sha256).hexdigest()


def _normal_name(value: str | None) -> str:
    return "".join(unicodedata.normalize("NFC", value or "").split()).casefold()


def holder_mismatch(*, user, name: str | None, birth_date: datetime.date | None) -> bool:
    """Is the verified person someone else than the account's holder?

    The provider's name must equal the account's Korean (or English) name, spaces and case aside,
    and its birth date the account's; an account without a birth date cannot be matched (refused:
    the trainee adds it first).
    """
    names = {_normal_name(user.name_ko), _normal_name(user.name_en)} - {""}
    if _normal_name(name) not in names:
        return True
    return user.birth_date is None or birth_date != user.birth_date


def now() -> datetime.datetime:
    return timezone.now()


def mask_email(address: str) -> str:
    local, _at, domain = address.partition("@")
    return f"{local[:2]}{'*' * max(1, len(local) - 2)}@{domain}"
