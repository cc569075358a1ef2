"""The identity backends against fake servers of ours on 127.0.0.1 that speak the documented formats:
the 공단 mOTP (``otp_accredit``/``user_reset``: form POST, JSON ``code``) and PortOne V2's identity
verification (``GET /identity-verifications/{id}``, ``Authorization: PortOne <secret>``). Every answer
that is not a clear yes becomes a result with a translated message, never an exception."""

import datetime
import json
import re
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.sessions.backends.cache import SessionStore
from django.core import mail
from django.test import override_settings
from django.utils import translation

from accounts.identity import Outcome, Purpose, backend_for
from accounts.identity.backends import EmailOtpBackend, HrdMotpBackend, PhoneBackend
from tests import factories as f

pytestmark = pytest.mark.django_db

PURPOSE = Purpose(
    moment="lesson",
    eval_cd="01",
    eval_type="진도",
    class_tme="09",
    course_agent_pk="AIG20260000123456",
    class_agent_pk="1",
)


class FakeProvider:
    """A threaded HTTP server answering from ``replies`` (path → (status, JSON)) and keeping requests."""

    def __init__(self):
        self.replies: dict[str, tuple[int, object]] = {}
        self.requests: list[dict] = []
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, body: bytes):
                path = urllib.parse.urlparse(self.path).path
                provider.requests.append(
                    {
                        "method": self.command,
                        "path": path,
                        "headers": dict(self.headers),
                        "form": urllib.parse.parse_qs(body.decode()),
                    }
                )
                status, reply = provider.replies.get(path, (404, {"type": "NOT_FOUND"}))
                data = reply if isinstance(reply, bytes) else json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                self._answer(b"")

            def do_POST(self):
                self._answer(self.rfile.read(int(self.headers.get("Content-Length", 0))))

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def form(self, index=-1) -> dict:
        return {key: values[0] for key, values in self.requests[index]["form"].items()}


@pytest.fixture
def provider():
    server = FakeProvider()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture
def user():
    return f.UserFactory(name_ko="홍길동", birth_date=datetime.date(1990, 5, 17), mobile_phone="01012345678")


def post(rf, user, data=None):
    request = rf.post("/", data or {})
    request.user = user
    request.session = SessionStore()
    return request


@pytest.fixture
def motp(provider, settings):
    settings.ACADEMY_HRD_MOTP_URL = provider.url + "api/v2/"
    settings.ACADEMY_HRD_AGENT_ID = "AGT0001"
    return HrdMotpBackend()


def motp_try(motp, rf, user, code="123456"):
    challenge = motp.start(user=user, purpose=PURPOSE, context={})
    return motp.complete(request=post(rf, user, {"code": code}), challenge_id=challenge.id)


def test_motp_sends_the_documented_form_and_passes_on_200(motp, provider, rf, user):
    provider.replies["/api/v2/otp_accredit"] = (200, {"code": "200", "msg": "성공"})

    result = motp_try(motp, rf, user)

    assert result.ok and result.outcome == Outcome.OK and result.raw_code == "200"
    form = provider.form()
    assert provider.requests[0]["headers"]["Content-Type"].startswith("application/x-www-form-urlencoded")
    assert {
        k: form[k] for k in ("USER_NM", "USER_TEL", "OTPNO", "AGTID", "USRID", "EVAL_CD", "EVAL_TYPE", "CLASS_TME")
    } == {
        "USER_NM": "홍길동",
        "USER_TEL": "01012345678",
        "OTPNO": "123456",
        "AGTID": "AGT0001",
        "USRID": str(user.pk),
        "EVAL_CD": "01",
        "EVAL_TYPE": "진도",
        "CLASS_TME": "09",
    }
    assert form["COURSE_AGENT_PK"] == "AIG20260000123456" and form["CLASS_AGENT_PK"] == "1"
    assert len(form["USRDT"]) == 14 and form["USRDT"].isdigit()


def test_motp_wrong_code_fails_with_a_translated_message(motp, provider, rf, user):
    provider.replies["/api/v2/otp_accredit"] = (200, {"code": "AP001", "msg": "OTP 불일치"})
    with translation.override("ko"):
        result = motp_try(motp, rf, user)
    assert (result.ok, result.outcome, result.raw_code) == (False, Outcome.FAILED, "AP001")
    assert "OTP 번호가 올바르지 않습니다" in result.message


def test_motp_refuses_a_code_that_is_not_6_digits_without_asking(motp, provider, rf, user):
    result = motp_try(motp, rf, user, code="12a4")
    assert (result.outcome, result.raw_code) == (Outcome.FAILED, "AP012") and provider.requests == []


def test_motp_ap009_is_a_lock(motp, provider, rf, user):
    provider.replies["/api/v2/otp_accredit"] = (200, {"code": "AP009", "msg": "5회 오류"})
    with translation.override("ko"):
        result = motp_try(motp, rf, user)
    assert result.outcome == Outcome.LOCKED and "휴대폰 본인확인" in result.message


@pytest.mark.parametrize("code", ["WE005", "CE001", "IE001", "WE001"])
def test_motp_request_and_server_errors_are_clear_messages(motp, provider, rf, user, code):
    provider.replies["/api/v2/otp_accredit"] = (200, {"code": code})
    with translation.override("ko"):
        result = motp_try(motp, rf, user)
    assert result.outcome == Outcome.ERROR and result.raw_code == code and "공단 OTP 서비스" in result.message


def test_motp_unreachable_or_garbled_is_an_error_not_an_exception(motp, provider, rf, user, settings):
    provider.replies["/api/v2/otp_accredit"] = (500, b"<html>oops</html>")
    assert motp_try(motp, rf, user).outcome == Outcome.ERROR
    settings.ACADEMY_HRD_MOTP_URL = "http://127.0.0.1:9/api/v2/"
    assert motp_try(motp, rf, user).raw_code == "NETWORK"


def test_motp_user_reset_sends_the_phone_result(motp, provider, user):
    from accounts.identity import VerificationResult

    provider.replies["/api/v2/user_reset"] = (200, {"code": "200"})
    verified = VerificationResult(
        ok=True,
        method="phone",
        provider_tx_id="tx-1",
        verified_at=datetime.datetime(2026, 3, 2, 1, 0, tzinfo=datetime.UTC),
        phone="01099998888",
        raw_code="VERIFIED",
    )

    assert motp.reset(user=user, result=verified)
    form = provider.form()
    assert (form["M_RET"], form["M_TRNID"], form["M_TRNDT"], form["USER_TEL"]) == (
        "T",
        "tx-1",
        "20260302100000",
        "01099998888",
    )


def verification(name="홍길동", birth="1990-05-17", status="VERIFIED"):
    return {
        "status": status,
        "id": "academy-x",
        "channel": {"pgProvider": "DANAL"},
        "verifiedCustomer": {
            "name": name,
            "birthDate": birth,
            "phoneNumber": "01012345678",
            "isForeigner": False,
            "ci": "CI-SECRET-VALUE",
            "di": "DI",
        },
        "requestedAt": "2026-03-02T01:00:00Z",
        "verifiedAt": "2026-03-02T01:00:30Z",
        "pgTxId": "pg-123",
    }


@pytest.fixture
def phone(provider, settings):
    settings.ACADEMY_PORTONE_API_URL = provider.url
    settings.ACADEMY_PORTONE_API_SECRET = "portone-secret"
    settings.ACADEMY_PORTONE_START_URL = "https://verify.example/start?id={id}&return={return_url}"
    return PhoneBackend()


def phone_try(phone, provider, rf, user, reply):
    challenge = phone.start(
        user=user, purpose=PURPOSE, context={"complete_url": lambda cid: f"/learn/identity/t/complete/{cid}/"}
    )
    verification_id = urllib.parse.parse_qs(urllib.parse.urlparse(challenge.redirect_url).query)["id"][0]
    provider.replies[f"/identity-verifications/{verification_id}"] = reply
    return challenge, phone.complete(request=post(rf, user), challenge_id=challenge.id)


def test_phone_start_sends_the_trainee_to_the_provider_with_our_return_address(phone, provider, rf, user):
    challenge, result = phone_try(phone, provider, rf, user, (200, verification()))
    assert challenge.kind == "redirect" and challenge.redirect_url.startswith(
        "https://verify.example/start?id=academy-"
    )
    assert urllib.parse.quote(f"/learn/identity/t/complete/{challenge.id}/", safe="") in challenge.redirect_url
    assert provider.requests[0]["headers"]["Authorization"] == "PortOne portone-secret"
    assert result.ok and result.provider_tx_id == "pg-123" and result.birth_date == datetime.date(1990, 5, 17)
    assert result.ci_hmac and "CI-SECRET" not in result.ci_hmac and result.di is None


def test_phone_refuses_another_persons_verification(phone, provider, rf, user):
    with translation.override("ko"):
        _challenge, result = phone_try(phone, provider, rf, user, (200, verification(name="김철수")))
    assert (result.ok, result.outcome, result.raw_code) == (False, Outcome.REFUSED, "MISMATCH")
    assert "회원정보와 일치하지 않습니다" in result.message
    _challenge, result = phone_try(phone, provider, rf, user, (200, verification(birth="1991-05-17")))
    assert result.outcome == Outcome.REFUSED


def test_phone_not_verified_fails_and_api_errors_are_errors(phone, provider, rf, user):
    assert phone_try(phone, provider, rf, user, (200, verification(status="FAILED")))[1].outcome == Outcome.FAILED
    _c, unauthorized = phone_try(phone, provider, rf, user, (401, {"type": "UNAUTHORIZED", "message": "bad secret"}))
    assert (unauthorized.outcome, unauthorized.raw_code) == (Outcome.ERROR, "UNAUTHORIZED")


def test_a_challenge_belongs_to_its_user(phone, provider, rf, user):
    challenge = phone.start(user=user, purpose=PURPOSE, context={"complete_url": lambda cid: "/x/"})
    result = phone.complete(request=post(rf, f.UserFactory()), challenge_id=challenge.id)
    assert result.raw_code == "EXPIRED" and provider.requests == []


def test_the_emailed_code_is_hashed_expires_and_limits_tries(rf, user, settings):
    backend = EmailOtpBackend()
    challenge = backend.start(user=user, purpose=PURPOSE, context={})
    code = re.search(r"\d{6}", mail.outbox[-1].body).group()
    from django.core.cache import cache

    assert code not in json.dumps(cache.get(f"academy:identity:challenge:{challenge.id}"))
    assert (
        backend.complete(
            request=post(rf, user, {"code": "000000" if code != "000000" else "111111"}), challenge_id=challenge.id
        ).outcome
        == Outcome.FAILED
    )
    assert backend.complete(request=post(rf, user, {"code": code}), challenge_id=challenge.id).ok
    assert backend.complete(request=post(rf, user, {"code": code}), challenge_id=challenge.id).raw_code == "EXPIRED"

    settings.ACADEMY_IDENTITY_EMAIL_CODE_ATTEMPTS = 2
    challenge = backend.start(user=user, purpose=PURPOSE, context={})
    code = re.search(r"\d{6}", mail.outbox[-1].body).group()
    wrong = "000000" if code != "000000" else "111111"
    for _try in range(2):
        backend.complete(request=post(rf, user, {"code": wrong}), challenge_id=challenge.id)
    assert backend.complete(request=post(rf, user, {"code": code}), challenge_id=challenge.id).raw_code == "TOO_MANY"


def test_the_fake_passes_only_its_code(rf, user):
    fake = backend_for("motp")
    assert fake.key == "fake"
    for code, ok in (("123456", True), ("654321", False)):
        challenge = fake.start(user=user, purpose=PURPOSE, context={})
        assert fake.complete(request=post(rf, user, {"code": code}), challenge_id=challenge.id).ok is ok


@override_settings(
    ACADEMY_IDENTITY_ROUTES={"motp": "hrd_motp", "phone": "phone", "totp": "totp", "email_otp": "email_otp"}
)
def test_the_routes_choose_the_backends_by_settings():
    assert (backend_for("motp").key, backend_for("phone").key, backend_for("totp").key) == ("hrd_motp", "phone", "totp")
