"""The identity backends (DOMAIN-KR §1.7): TOTP, e-mailed code, 공단 mOTP, 휴대폰 본인확인, and a fake.

Which backend serves which route is a setting (``ACADEMY_IDENTITY_ROUTES``, read by
``accounts.identity.backend_for``). The HTTP backends talk to the URL in settings with the standard
library's client and a timeout; anything the provider answers that is not a clear yes or no becomes
``Outcome.ERROR`` with a translated message, never an exception for the page to turn into a 500.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import logging
import secrets
import urllib.error
import urllib.parse
import urllib.request
from typing import Literal

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ops.requestcontext import current_client

from .base import (
    Challenge,
    IdentityError,
    Outcome,
    Purpose,
    VerificationResult,
    challenge_close,
    challenge_open,
    challenge_save,
    challenge_state,
    ci_hmac,
    holder_mismatch,
    mask_email,
)

logger = logging.getLogger(__name__)

KST = datetime.timezone(datetime.timedelta(hours=9))


def _code_from(request) -> str:
    return "".join(str(request.POST.get("code", "")).split())[:20]


def _expired(method: str) -> VerificationResult:
    return VerificationResult(
        ok=False,
        method=method,
        provider_tx_id="",
        verified_at=timezone.now(),
        raw_code="EXPIRED",
        outcome=Outcome.FAILED,
        message=_("This check has expired. Start it again."),
    )


def _result(method: str, outcome: str, *, raw_code: str = "", message: str = "", tx: str = "", **identity):
    return VerificationResult(
        ok=outcome == Outcome.OK,
        method=method,
        provider_tx_id=tx,
        verified_at=timezone.now(),
        raw_code=raw_code,
        outcome=outcome,
        message=message,
        **identity,
    )


def _mismatch_message() -> str:
    return _(
        "You were verified, but the name or date of birth does not match this account. Ask the Academy to "
        "correct your account, then try again."
    )


# --------------------------------------------------------------------------------------------
# TOTP of allauth's MFA (unfunded runs)
# --------------------------------------------------------------------------------------------


class TotpBackend:
    """The trainee's authenticator app, as set up under Account security (allauth MFA)."""

    key = "totp"
    assurance: Literal["low", "high", "agency"] = "low"

    def __init__(self, route: str = "totp"):
        self.route = route

    def _authenticator(self, user):
        from allauth.mfa.models import Authenticator

        return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()

    def available(self, user) -> bool:
        return self._authenticator(user) is not None

    def start(self, *, user, purpose: Purpose, context: dict) -> Challenge:
        if not self.available(user):
            raise IdentityError(_("Set up an authenticator app under Account security first."))
        return Challenge(id=challenge_open(user=user, backend=self.key), backend=self.key, kind="code")

    def complete(self, *, request, challenge_id: str) -> VerificationResult:
        if challenge_state(challenge_id, user=request.user, backend=self.key) is None:
            return _expired(self.key)
        authenticator = self._authenticator(request.user)
        code = _code_from(request)
        if authenticator is None or not code or not authenticator.wrap().validate_code(code):
            return _result(self.key, Outcome.FAILED, raw_code="WRONG", message=_("The code is not correct."))
        authenticator.record_usage()
        challenge_close(challenge_id)
        return _result(self.key, Outcome.OK, raw_code="OK")


# --------------------------------------------------------------------------------------------
# A code e-mailed through the outbox (unfunded runs)
# --------------------------------------------------------------------------------------------


def _code_hash(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"identity-email-code:{code}".encode(), hashlib.sha256).hexdigest()


class EmailOtpBackend:
    """A 6-digit code e-mailed to the account's address: kept only as a keyed hash, valid
    ``ACADEMY_IDENTITY_EMAIL_CODE_MINUTES``, at most ``ACADEMY_IDENTITY_EMAIL_CODE_ATTEMPTS`` tries."""

    key = "email_otp"
    assurance: Literal["low", "high", "agency"] = "low"

    def __init__(self, route: str = "email_otp"):
        self.route = route

    def available(self, user) -> bool:
        return bool(user.email)

    def start(self, *, user, purpose: Purpose, context: dict) -> Challenge:
        code = f"{secrets.randbelow(1_000_000):06d}"
        minutes = settings.ACADEMY_IDENTITY_EMAIL_CODE_MINUTES
        expires = timezone.now() + datetime.timedelta(minutes=minutes)
        challenge_id = challenge_open(
            user=user, backend=self.key, data={"hash": _code_hash(code), "tries": 0, "expires": expires.timestamp()}
        )
        with translation.override("ko"):
            subject = _("Your identity check code")
        body = "\n\n".join(
            [
                _("Your identity check code is %(code)s. It is valid for %(minutes)s minutes.")
                % {"code": code, "minutes": minutes},
                _("If you did not ask for it, ignore this message."),
            ]
        )
        send_mail(subject, body, None, [user.email])
        return Challenge(id=challenge_id, backend=self.key, kind="code", sent_to=mask_email(user.email))

    def complete(self, *, request, challenge_id: str) -> VerificationResult:
        state = challenge_state(challenge_id, user=request.user, backend=self.key)
        if state is None or timezone.now().timestamp() > state.data["expires"]:
            return _expired(self.key)
        state.data["tries"] += 1
        if state.data["tries"] > settings.ACADEMY_IDENTITY_EMAIL_CODE_ATTEMPTS:
            challenge_close(challenge_id)
            return _result(
                self.key, Outcome.FAILED, raw_code="TOO_MANY", message=_("Too many wrong codes. Send a new code.")
            )
        if not hmac.compare_digest(_code_hash(_code_from(request)), state.data["hash"]):
            challenge_save(challenge_id, state)
            return _result(self.key, Outcome.FAILED, raw_code="WRONG", message=_("The code is not correct."))
        challenge_close(challenge_id)
        return _result(self.key, Outcome.OK, raw_code="OK")


# --------------------------------------------------------------------------------------------
# HTTP, for the providers
# --------------------------------------------------------------------------------------------


class ProviderUnavailable(Exception):
    pass


def _http(url: str, *, data: dict | None = None, headers: dict | None = None) -> tuple[int, dict]:
    """POST a form (``data``) or GET; answer (status, JSON body). Unreadable answers raise
    ``ProviderUnavailable``."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers or {}, method="POST" if data else "GET")  # noqa: S310
    if data is not None:
        request.add_header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
    request.add_header("Accept", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=settings.ACADEMY_IDENTITY_HTTP_TIMEOUT) as response:  # noqa: S310
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise ProviderUnavailable(str(error)) from error
    try:
        return status, json.loads(raw.decode("utf-8") or "{}")
    except (UnicodeDecodeError, ValueError) as error:
        raise ProviderUnavailable(f"HTTP {status}: not JSON") from error


def _kst_stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(KST).strftime("%Y%m%d%H%M%S")


# --------------------------------------------------------------------------------------------
# 공단 mOTP (funded runs: 진도 and 평가)
# --------------------------------------------------------------------------------------------

#: otp_accredit's JSON codes that are the trainee's doing (a wrong or malformed code).
MOTP_WRONG_CODES = {"AP001", "AP004", "AP012"}


def motp_message(code: str) -> str:
    if code in MOTP_WRONG_CODES:
        return _("The OTP code is not correct. Enter the 6-digit code your 공단 OTP shows now.")
    if code == "AP009":
        return _(
            "Your 공단 OTP is locked after 5 wrong codes. Verify with your mobile phone (휴대폰 본인확인) instead."
        )
    if code == "AP005":
        return _(
            "No 공단 OTP is registered for your name and mobile phone. Register it in the OTP app, or verify with your mobile phone."
        )
    if code in {"AP002", "AP003"}:
        return _("Your account lacks the name or mobile phone the 공단 OTP needs.")
    if code == "WE005":
        return _("The 공단 OTP service received too many requests. Wait a minute and try again.")
    return _(
        "The 공단 OTP service could not check the code (%(code)s). Try again shortly, or verify with your mobile phone."
    ) % {"code": code or "?"}


class HrdMotpBackend:
    """공단 mOTP: ``otp_accredit`` checks the trainee's 6-digit code on the 공단's server (form POST,
    JSON ``code``: 200 ok, AP001 wrong, AP009 locked after 5 failures, WE/CE/IE errors), and
    ``user_reset`` unlocks it after a 휴대폰 본인확인."""

    key = "hrd_motp"
    assurance: Literal["low", "high", "agency"] = "agency"

    def __init__(self, route: str = "motp"):
        self.route = route

    def _url(self, name: str) -> str:
        return urllib.parse.urljoin(settings.ACADEMY_HRD_MOTP_URL, name)

    def available(self, user) -> bool:
        return bool(user.mobile_phone)

    def start(self, *, user, purpose: Purpose, context: dict) -> Challenge:
        if not user.mobile_phone:
            raise IdentityError(
                _("Add your mobile phone number to your account first: the 공단 OTP is registered to it.")
            )
        data = {
            "eval_cd": purpose.eval_cd,
            "eval_type": purpose.eval_type,
            "class_tme": purpose.class_tme,
            "course": purpose.course_agent_pk,
            "class": purpose.class_agent_pk,
        }
        return Challenge(id=challenge_open(user=user, backend=self.key, data=data), backend=self.key, kind="code")

    def complete(self, *, request, challenge_id: str) -> VerificationResult:
        user = request.user
        state = challenge_state(challenge_id, user=user, backend=self.key)
        if state is None:
            return _expired(self.key)
        code = _code_from(request)
        if not (len(code) == 6 and code.isdigit()):
            return _result(self.key, Outcome.FAILED, raw_code="AP012", message=motp_message("AP012"))
        now = timezone.now()
        form = {
            "USER_NM": user.name_ko,
            "USER_TEL": user.mobile_phone,
            "OTPNO": code,
            "AGTID": settings.ACADEMY_HRD_AGENT_ID,
            "USRID": str(user.pk),
            "SESSIONID": getattr(request.session, "session_key", "") or "",
            "EXIP": current_client().address,
            "COURSE_AGENT_PK": state.data.get("course", ""),
            "CLASS_AGENT_PK": state.data.get("class", ""),
            "EVAL_CD": state.data.get("eval_cd", ""),
            "EVAL_TYPE": state.data.get("eval_type", ""),
            "CLASS_TME": state.data.get("class_tme", ""),
            "USRDT": _kst_stamp(now),
        }
        try:
            _status, answer = _http(self._url("otp_accredit"), data=form)
        except ProviderUnavailable as error:
            logger.warning("otp_accredit unreachable: %s", error)
            return _result(self.key, Outcome.ERROR, raw_code="NETWORK", message=motp_message("NETWORK"))
        raw = str(answer.get("code", ""))
        tx = str(answer.get("trnID") or answer.get("tx_id") or "")
        if raw == "200":
            challenge_close(challenge_id)
            return _result(self.key, Outcome.OK, raw_code=raw, tx=tx)
        if raw == "AP009":
            challenge_close(challenge_id)
            return _result(self.key, Outcome.LOCKED, raw_code=raw, message=motp_message(raw), tx=tx)
        if raw.startswith("AP"):
            return _result(self.key, Outcome.FAILED, raw_code=raw, message=motp_message(raw), tx=tx)
        return _result(self.key, Outcome.ERROR, raw_code=raw or "UNKNOWN", message=motp_message(raw), tx=tx)

    def reset(self, *, user, result: VerificationResult) -> bool:
        """``user_reset`` after a 휴대폰 본인확인 that followed a lock; True when the 공단 said 200."""
        form = {
            "USER_NM": user.name_ko,
            "USER_TEL": result.phone or user.mobile_phone,
            "AGTID": settings.ACADEMY_HRD_AGENT_ID,
            "USRID": str(user.pk),
            "M_RET": "T",
            "M_RETCD": result.raw_code,
            "M_TRNID": result.provider_tx_id,
            "M_TRNDT": _kst_stamp(result.verified_at),
        }
        try:
            _status, answer = _http(self._url("user_reset"), data=form)
        except ProviderUnavailable as error:
            logger.warning("user_reset unreachable: %s", error)
            return False
        return str(answer.get("code", "")) == "200"


# --------------------------------------------------------------------------------------------
# 휴대폰 본인확인 through an aggregator (PortOne V2 identity verification)
# --------------------------------------------------------------------------------------------


def _birth_date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def _phone_result(key: str, *, user, verification: dict) -> VerificationResult:
    """A PortOne-shaped ``IdentityVerification`` → the result, refused when it is someone else."""
    status = verification.get("status")
    tx = str(verification.get("pgTxId") or verification.get("id") or "")
    if status != "VERIFIED":
        return _result(
            key,
            Outcome.FAILED,
            raw_code=str(status or "UNKNOWN"),
            tx=tx,
            message=_("The mobile phone verification was not completed. Try again."),
        )
    customer = verification.get("verifiedCustomer") or {}
    identity = {
        "name": customer.get("name"),
        "birth_date": _birth_date(customer.get("birthDate")),
        "phone": customer.get("phoneNumber"),
        "is_foreigner": customer.get("isForeigner"),
        "ci_hmac": ci_hmac(customer.get("ci")),
        "di": None,  # DI identifies the person at one site; we have no use for it
    }
    if holder_mismatch(user=user, name=identity["name"], birth_date=identity["birth_date"]):
        return _result(key, Outcome.REFUSED, raw_code="MISMATCH", tx=tx, message=_mismatch_message(), **identity)
    return _result(key, Outcome.OK, raw_code="VERIFIED", tx=tx, **identity)


class PhoneBackend:
    """휴대폰 본인확인 through PortOne V2: ``start`` sends the trainee to the provider's window
    (``ACADEMY_PORTONE_START_URL`` with the verification id and our return address); ``complete``
    fetches ``GET /identity-verifications/{id}`` with ``Authorization: PortOne <secret>`` and compares
    the verified name and birth date with the account (refused when they differ)."""

    key = "phone"
    assurance: Literal["low", "high", "agency"] = "high"

    def __init__(self, route: str = "phone"):
        self.route = route

    def available(self, user) -> bool:
        return True

    def start(self, *, user, purpose: Purpose, context: dict) -> Challenge:
        verification_id = f"academy-{secrets.token_hex(12)}"
        challenge_id = challenge_open(user=user, backend=self.key, data={"verification": verification_id})
        return_url = context["complete_url"](challenge_id)
        redirect_url = settings.ACADEMY_PORTONE_START_URL.format(
            id=urllib.parse.quote(verification_id), return_url=urllib.parse.quote(return_url, safe="")
        )
        return Challenge(id=challenge_id, backend=self.key, kind="redirect", redirect_url=redirect_url)

    def complete(self, *, request, challenge_id: str) -> VerificationResult:
        state = challenge_state(challenge_id, user=request.user, backend=self.key)
        if state is None:
            return _expired(self.key)
        url = urllib.parse.urljoin(
            settings.ACADEMY_PORTONE_API_URL,
            "identity-verifications/" + urllib.parse.quote(state.data["verification"], safe=""),
        )
        try:
            status, answer = _http(url, headers={"Authorization": f"PortOne {settings.ACADEMY_PORTONE_API_SECRET}"})
        except ProviderUnavailable as error:
            logger.warning("identity verification unreachable: %s", error)
            status, answer = 0, {"type": "NETWORK"}
        if status != 200:
            return _result(
                self.key,
                Outcome.ERROR,
                raw_code=str(answer.get("type") or status),
                message=_("The mobile phone verification service could not answer. Try again shortly."),
            )
        challenge_close(challenge_id)
        return _phone_result(self.key, user=request.user, verification=answer)


# --------------------------------------------------------------------------------------------
# The fake (tests, development, the demo)
# --------------------------------------------------------------------------------------------


class FakeBackend:
    """Stands in for the 공단 and phone routes where no provider exists (tests, development, demo).

    On a code route a fixed code (``ACADEMY_IDENTITY_FAKE_CODE``) passes and anything else fails;
    on the phone route it sends the trainee to a fake provider page of ours
    (``accounts.identity.views.fake_provider``) where a name and birth date are "verified", then
    compares them with the account like the real one. Never in production (system check
    compliance.E001)."""

    key = "fake"
    assurance: Literal["low", "high", "agency"] = "low"

    def __init__(self, route: str = "motp"):
        self.route = route

    def available(self, user) -> bool:
        return True

    def start(self, *, user, purpose: Purpose, context: dict) -> Challenge:
        challenge_id = challenge_open(user=user, backend=self.key, data={"route": self.route})
        if self.route != "phone":
            return Challenge(id=challenge_id, backend=self.key, kind="code")
        redirect_url = reverse("identity_fake_provider", args=[challenge_id])
        redirect_url += "?" + urllib.parse.urlencode({"return_url": context["complete_url"](challenge_id)})
        return Challenge(id=challenge_id, backend=self.key, kind="redirect", redirect_url=redirect_url)

    def complete(self, *, request, challenge_id: str) -> VerificationResult:
        state = challenge_state(challenge_id, user=request.user, backend=self.key)
        if state is None:
            return _expired(self.key)
        tx = f"fake-{challenge_id[:12]}"
        if state.data.get("route") == "phone":
            if "verification" not in state.data:
                return _result(
                    self.key,
                    Outcome.FAILED,
                    raw_code="READY",
                    tx=tx,
                    message=_("The mobile phone verification was not completed. Try again."),
                )
            challenge_close(challenge_id)
            return _phone_result(self.key, user=request.user, verification=state.data["verification"])
        if not hmac.compare_digest(_code_from(request), settings.ACADEMY_IDENTITY_FAKE_CODE):
            return _result(self.key, Outcome.FAILED, raw_code="AP001", tx=tx, message=motp_message("AP001"))
        challenge_close(challenge_id)
        return _result(self.key, Outcome.OK, raw_code="200", tx=tx)

    def reset(self, *, user, result: VerificationResult) -> bool:
        return True


BACKENDS = {
    "totp": TotpBackend,
    "email_otp": EmailOtpBackend,
    "hrd_motp": HrdMotpBackend,
    "phone": PhoneBackend,
    "fake": FakeBackend,
}
