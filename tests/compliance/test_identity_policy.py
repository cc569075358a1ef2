"""DOMAIN-KR §1.7 acceptance: 5 failed mOTP codes offer only 휴대폰 인증 and a success calls user_reset and
unlocks; a name/birth mismatch is refused and logged; every attempt is an IdentityCheck, an audit entry
and an ``identity_checked`` event; unfunded runs are not asked unless configured, and then TOTP
satisfies the gate; every attempt start of a funded test asks again; the system check."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.core import checks, mail
from django.test import override_settings
from django.utils import timezone

from assessments import services as assessment_services
from assessments.models import QuizKind
from compliance.checks import funded_runs_have_identity_providers
from compliance.identity import motp_locked
from compliance.models import IdentityCheck
from courses import events
from ops.models import AuditEvent
from ops.requestcontext import ClientContext, client_context
from tests import factories as f
from tests.assessments.funded_support import funded_course, kst

from .identity_support import BIRTH, FAKE_CODE, detour_of, phone_verify, submit_code, with_identity

pytestmark = [pytest.mark.django_db, pytest.mark.identity_checks]


@pytest.fixture
def trainee(funded, client):
    with_identity(funded["user"])
    client.force_login(funded["user"])
    return funded


def entry_passed(client, trainee) -> str:
    """입과 passed by phone; answers the check page of 차시 1 (mOTP)."""
    first = trainee["lessons"][0]
    phone_verify(client, detour_of(client.get(first.url)))
    return detour_of(client.get(first.url))


def test_five_failed_motp_codes_offer_only_the_phone_and_a_phone_success_resets(client, trainee, monkeypatch):
    resets = []
    monkeypatch.setattr(
        "accounts.identity.backends.FakeBackend.reset", lambda self, *, user, result: resets.append(result) or True
    )
    check_url = entry_passed(client, trainee)

    for _attempt in range(4):
        submit_code(client, check_url, "000000")
    assert 'value="motp"' in client.get(check_url).content.decode()
    submit_code(client, check_url, "000001")

    page = client.get(check_url).content.decode()
    assert motp_locked(trainee["user"])
    assert 'value="motp"' not in page and 'value="phone"' in page
    assert "공단 OTP가 잠겼습니다" in page
    assert submit_code(client, check_url, FAKE_CODE)["Location"] == check_url  # the locked route is refused
    assert IdentityCheck.objects.filter(route="motp", result="failed").count() == 5

    assert phone_verify(client, check_url)["Location"] == trainee["lessons"][0].url
    assert len(resets) == 1 and resets[0].ok
    assert not motp_locked(trainee["user"])
    assert AuditEvent.objects.filter(action="compliance.motp_reset").count() == 1
    assert client.get(trainee["lessons"][0].url).status_code == 200


def test_a_name_or_birth_date_mismatch_is_refused_and_logged(client, trainee):
    first = trainee["lessons"][0]
    check_url = detour_of(client.get(first.url))

    back = phone_verify(client, check_url, name="김철수")
    assert back["Location"] == check_url
    assert "회원정보와 일치하지 않습니다" in client.get(check_url).content.decode()
    phone_verify(client, check_url, birth=trainee["user"].birth_date.replace(year=1991))

    assert list(IdentityCheck.objects.values_list("result", "raw_code")) == [("refused", "MISMATCH")] * 2
    assert not IdentityCheck.objects.passed().exists()
    assert AuditEvent.objects.filter(action="compliance.identity_check").count() == 2
    detour_of(client.get(first.url))


def test_every_attempt_is_recorded_with_the_client_audited_and_announced(trainee, rf):
    from accounts.identity import Purpose, backend_for
    from compliance.identity import Requirement
    from compliance.services import identity_verify

    heard = []
    events.subscribe("identity_checked", lambda *, check: heard.append(check))
    requirement = Requirement(
        enrolment_id=trainee["enrolment"].pk,
        moment="lesson",
        eval_cd="01",
        eval_type="진도",
        class_tme="09",
        target_id=trainee["lessons"][8].pk,
    )
    user = trainee["user"]
    for code in ("999999", FAKE_CODE):
        challenge = backend_for("motp").start(user=user, purpose=Purpose(moment="lesson"), context={})
        request = rf.post("/", {"code": code})
        request.user = user
        with client_context(ClientContext(address="203.0.113.7", device_hash="d" * 32, user_agent_hash="u" * 32)):
            identity_verify(
                request=request,
                enrolment=trainee["enrolment"],
                requirement=requirement,
                route="motp",
                challenge_id=challenge.id,
            )

    rows = list(IdentityCheck.objects.order_by("pk"))
    assert [
        (r.result, r.raw_code, r.address, r.user_agent_hash, r.device_hash, r.eval_cd, r.class_tme) for r in rows
    ] == [
        ("failed", "AP001", "203.0.113.7", "u" * 32, "d" * 32, "01", "09"),
        ("ok", "200", "203.0.113.7", "u" * 32, "d" * 32, "01", "09"),
    ]
    assert rows[1].provider_tx_id
    assert heard == rows
    audit = AuditEvent.objects.filter(action="compliance.identity_check").order_by("pk")
    assert [a.data["result"] for a in audit] == ["failed", "ok"]


def test_unfunded_runs_are_not_asked_by_default(client):
    course = f.course_page(f.institute_page())
    lesson = f.lesson_page(course, minutes=1)
    enrolment = f.enrolment(f.course_run(course))
    client.force_login(enrolment.user)

    assert client.get(lesson.url).status_code == 200
    assert not IdentityCheck.objects.exists()


@override_settings(ACADEMY_IDENTITY_UNFUNDED_MOMENTS=["lesson"])
def test_configured_unfunded_runs_take_a_totp_and_send_no_phone(client):
    course = f.course_page(f.institute_page())
    lesson = f.lesson_page(course, minutes=1)
    enrolment = f.enrolment(f.course_run(course))
    secret = "JBSWY3DPEHPK3PXP"
    TOTP.activate(enrolment.user, secret)
    client.force_login(enrolment.user)

    check_url = detour_of(client.get(lesson.url))
    page = client.get(check_url).content.decode()
    assert 'value="totp"' in page and 'value="email_otp"' in page and 'value="phone"' not in page
    assert submit_code(client, check_url, "000000", route="totp")["Location"] == check_url
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    assert submit_code(client, check_url, code, route="totp")["Location"] == lesson.url

    assert client.get(lesson.url).status_code == 200
    check = IdentityCheck.objects.get(result="ok")
    assert (check.route, check.backend, check.eval_cd, check.class_tme) == ("totp", "totp", "01", "01")


@override_settings(ACADEMY_IDENTITY_UNFUNDED_MOMENTS=["lesson"])
def test_the_emailed_code_passes_the_gate_of_a_configured_unfunded_run(client):
    course = f.course_page(f.institute_page())
    lesson = f.lesson_page(course, minutes=1)
    enrolment = f.enrolment(f.course_run(course))
    client.force_login(enrolment.user)
    check_url = detour_of(client.get(lesson.url))

    assert (
        "먼저 인증번호를 받으세요"
        in client.get(submit_code(client, check_url, "123456", route="email_otp")["Location"]).content.decode()
    )
    client.post(check_url, {"route": "email_otp", "action": "start"})
    code = re.search(r"\d{6}", mail.outbox[-1].body).group()
    assert submit_code(client, check_url, code, route="email_otp")["Location"] == lesson.url
    assert IdentityCheck.objects.get().backend == "email_otp"


def test_every_attempt_start_of_a_funded_test_asks_again():
    world = funded_course()
    enrolment = f.enrolment(world["run"], progress_percent=85)
    quiz = world["progress_test"]
    user = enrolment.user
    IdentityCheck.objects.create(
        user=user,
        enrolment=enrolment,
        moment="entry",
        route="phone",
        backend="fake",
        result="ok",
        at=kst(world["run"].training_start, 9),
    )

    with pytest.raises(assessment_services.DetourRequired) as detour:
        assessment_services.attempt_start(quiz=quiz, user=user, now=kst(world["run"].training_end, 10))
    assert detour.value.url.startswith("/learn/identity/")
    from compliance.identity import Requirement

    requirement = Requirement.from_token(detour.value.url.split("/")[3])
    assert (requirement.moment, requirement.eval_cd, requirement.target_id) == ("quiz", "04", quiz.pk)

    IdentityCheck.objects.create(
        user=user,
        enrolment=enrolment,
        moment="quiz",
        target_id=quiz.pk,
        route="motp",
        backend="fake",
        result="ok",
        at=kst(world["run"].training_end, 9),
    )
    attempt = assessment_services.attempt_start(quiz=quiz, user=user, now=kst(world["run"].training_end, 10))
    assert attempt.is_open
    assessment_services.attempt_submit(attempt=attempt, now=kst(world["run"].training_end, 10, 30))
    retake_grant = assessment_services.retake_grant(
        enrolment=enrolment, quiz=quiz, actor=world["manager"], reason="정전 (증빙)"
    )
    assert retake_grant
    with pytest.raises(assessment_services.DetourRequired):  # the check before the first start does not count
        assessment_services.attempt_start(quiz=quiz, user=user, now=kst(world["run"].training_end, 11))


def test_the_quiz_start_view_redirects_to_the_check(client, trainee):
    quiz = f.quiz_page(
        trainee["course"],
        [f.question(f.question_bank(trainee["course"].institute), "true_false", correct_answer=True)],
        kind=QuizKind.OTHER,
    )
    from django.urls import reverse

    response = client.post(reverse("assessments:start", args=[quiz.pk]))
    detour_of(response)


def test_the_assignment_page_asks_before_a_submission(client, trainee):
    assignment = f.assignment_page(trainee["course"])
    IdentityCheck.objects.create(
        user=trainee["user"], enrolment=trainee["enrolment"], moment="entry", route="phone", backend="fake", result="ok"
    )
    assert client.get(assignment.url).status_code == 200  # below 80 %: not open yet, nothing to check
    trainee["enrolment"].progress_percent = 85
    trainee["enrolment"].save(update_fields=["progress_percent"])
    requirement_url = detour_of(client.get(assignment.url))
    from compliance.identity import Requirement

    assert Requirement.from_token(requirement_url.split("/")[3]).eval_cd == "03"


@override_settings(ACADEMY_ENVIRONMENT="production")
def test_production_with_funded_runs_needs_real_providers(funded):
    errors = funded_runs_have_identity_providers()
    assert [e.id for e in errors] == ["compliance.E001"] and isinstance(errors[0], checks.Error)

    with override_settings(
        ACADEMY_IDENTITY_ROUTES={"motp": "hrd_motp", "phone": "phone", "totp": "totp", "email_otp": "email_otp"},
        ACADEMY_HRD_AGENT_ID="AGT0001",
        ACADEMY_PORTONE_API_SECRET="secret",
        ACADEMY_PORTONE_START_URL="https://verify.example/{id}?return={return_url}",
    ):
        assert funded_runs_have_identity_providers() == []


@override_settings(ACADEMY_ENVIRONMENT="production")
def test_production_without_funded_runs_says_nothing():
    assert funded_runs_have_identity_providers() == []


def test_development_and_tests_may_use_the_fake(funded):
    assert funded_runs_have_identity_providers() == []
    assert timezone.now()


def test_a_phone_verification_gives_an_account_without_one_its_mobile_phone(client, funded):
    user = funded["user"]
    user.name_ko, user.birth_date = "홍길동", BIRTH
    user.save()
    client.force_login(user)

    phone_verify(client, detour_of(client.get(funded["lessons"][0].url)))

    user.refresh_from_db()
    assert user.mobile_phone == "01012345678"
