"""회원 탈퇴 (DOMAIN-KR §5.2, §5.4): the account closes at once, only what the law requires is kept,
separated and encrypted, and destroyed on time with evidence that names no one."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from accounts.models import Consent, Membership, OutboundEmail, ResidentNumber, RetainedRecord, User
from accounts.resident import decrypt_json
from accounts.services import consents_record, funded_personal_data_record
from compliance import retention
from compliance.models import ExternalSecurityTraining, RetentionSweep
from courses import services as course_services
from courses.models import CourseRun, Enrolment
from ops.audit import audit_chain_verify
from ops.models import AuditEvent
from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.personal_data_step]

PASSWORD = "drone-pilot-2026!"
RRN = "9403121357913"
NAME = "홍길동"


def now_on(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, 1, 30, tzinfo=datetime.UTC)


def trainee(**fields) -> User:
    user = f.UserFactory(name_ko=NAME, name_en="Gildong Hong", **fields)
    user.set_password(PASSWORD)
    user.save()
    EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    consents_record(user=user, answers={"terms": True, "privacy": True, "marketing": True})
    return user


def run_of(*, funded: bool, training_end: datetime.date | None = None) -> CourseRun:
    course = f.course_page(f.institute_page())
    f.lesson_page(course, minutes=30, required=True)
    course.save_revision().publish()
    if not funded:
        return f.course_run(course)
    return f.course_run(
        course,
        emp_ins_flag=1,
        hrd_tracse_id="AIG20250000123456",
        hrd_tracse_tme="1",
        training_start=training_end - datetime.timedelta(days=30),
        training_end=training_end,
    )


def funded_trainee(training_end=datetime.date(2025, 6, 30)):
    user = trainee()
    funded_personal_data_record(user=user, resident_number=RRN, mobile_phone="01020260001")
    run = run_of(funded=True, training_end=training_end)
    enrolment = course_services.enrolment_request(user=user, run=run)
    assert enrolment.status == Enrolment.Status.ACTIVE
    return user, enrolment


def withdraw(client, user, password=PASSWORD, **extra):
    client.force_login(user)
    return client.post(reverse("account_withdraw"), {"password": password, "confirm": "on", **extra})


def everything_logged() -> str:
    """Every audit entry and sweep record, as text: what an inspector can read."""
    events = [
        f"{e.action} {e.reason} {e.data} {e.object_type} {e.object_id} {e.actor_address}"
        for e in AuditEvent.objects.all()
    ]
    sweeps = [f"{s.category} {s.count} {s.cutoff} {s.job}" for s in RetentionSweep.objects.all()]
    return "\n".join(events + sweeps)


def test_the_profile_links_to_the_withdrawal_page_which_states_what_is_kept(client):
    user, _enrolment = funded_trainee()
    client.force_login(user)

    profile = client.get(reverse("account_profile")).content.decode()
    page = client.get(reverse("account_withdraw")).content.decode()

    assert reverse("account_withdraw") == "/accounts/withdraw/" and "/accounts/withdraw/" in profile
    assert "2028.06.30까지 암호화하여" in page


def test_a_wrong_password_closes_nothing(client):
    user = trainee()

    response = withdraw(client, user, password="not-my-password")

    assert response.status_code == 400
    assert "비밀번호가 올바르지 않습니다" in response.content.decode()
    user.refresh_from_db()
    assert user.is_active and user.name_ko == NAME


def test_without_funded_history_the_account_closes_at_once_and_nothing_personal_is_kept(client):
    user = trainee()
    email = user.email
    unfunded = course_services.enrolment_request(user=user, run=run_of(funded=False))
    certificate = f.certificate(unfunded, holder_name_ko=NAME)
    # A number entered for a funded run that never started is not funded history.
    funded_personal_data_record(user=user, resident_number=RRN, mobile_phone="01020260001")
    organisation = f.OrganisationFactory()
    Membership.objects.create(organisation=organisation, user=user)

    response = withdraw(client, user)

    assert response.status_code == 200 and "탈퇴" in response.content.decode()
    user.refresh_from_db()
    assert not user.is_active and not user.has_usable_password()
    assert (user.name_ko, user.name_en, user.mobile_phone, user.birth_date) == ("", "", "", None)
    assert email not in user.email and user.email.endswith("@withdrawn.invalid")
    assert not ResidentNumber.objects.exists() and not RetainedRecord.objects.exists()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not Membership.objects.filter(user=user).exists()
    assert not Consent.objects.filter(user=user).exists()
    # Signed out at once, and signing in again is impossible.
    assert client.get("/learn/").status_code == 302
    assert not client.login(username=email, password=PASSWORD)
    login = client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    assert login.status_code != 302 or "/learn" not in login.get("Location", "")
    # The certificate keeps its code and name snapshot: verifying it is its purpose.
    certificate.refresh_from_db()
    assert certificate.holder_name_ko == NAME and certificate.code
    event = AuditEvent.objects.get(action="accounts.withdrawn")
    assert event.data["funded_history"] is False and event.data["destroyed"]["resident_numbers"] == 1
    assert NAME not in everything_logged() and email not in everything_logged() and RRN not in everything_logged()


def test_acceptance_a_funded_trainee_keeps_the_number_separated_until_three_years_after_the_run_then_it_is_destroyed(
    client,
):
    """DOMAIN-KR §5.2: a withdrawn trainee with a funded run ended 2025-06-30 keeps the RRN
    (encrypted, separate) until 2028-06-30 and then it is destroyed, with an AuditEvent."""
    user, enrolment = funded_trainee(training_end=datetime.date(2025, 6, 30))
    email = user.email

    withdraw(client, user)

    user.refresh_from_db()
    assert not user.is_active and user.name_ko == ""
    number = ResidentNumber.objects.get(user=user)
    assert number.retain_until == datetime.date(2028, 6, 30) and number.digits() == RRN
    record = RetainedRecord.objects.get(user=user)
    assert record.retain_until == datetime.date(2028, 6, 30)
    assert NAME.encode() not in bytes(record.ciphertext) and email.encode() not in bytes(record.ciphertext)
    kept = decrypt_json(bytes(record.ciphertext), bytes(record.nonce), context=record.context())
    assert kept["name_ko"] == NAME and kept["email"] == email and kept["mobile_phone"] == "01020260001"
    # The funded consents stay as the basis of what is kept; the marketing one went.
    assert set(Consent.objects.filter(user=user).values_list("kind", flat=True)) == {
        "funded_rrn",
        "funded_third_party",
        "funded_device",
    }

    retention.retention_sweep(now=now_on(datetime.date(2028, 6, 30)))
    assert not RetentionSweep.objects.filter(category="withdrawn_personal_data").exists()
    assert ResidentNumber.objects.filter(user=user).exists() and RetainedRecord.objects.filter(user=user).exists()

    sweeps = retention.retention_sweep(now=now_on(datetime.date(2028, 7, 1)))

    assert not ResidentNumber.objects.filter(user=user).exists()
    assert not RetainedRecord.objects.filter(user=user).exists()
    assert not Consent.objects.filter(user=user).exists()
    sweep = next(s for s in sweeps if s.category == "withdrawn_personal_data")
    assert sweep.count == 2 and sweep.cutoff == datetime.date(2028, 7, 1)
    event = AuditEvent.objects.get(action="compliance.retention_destroyed", object_id=str(sweep.pk))
    assert event.data["count"] == 2 and event.data["category"] == "withdrawn_personal_data"
    assert event.data["parts"] == {"accounts.residentnumber": 1, "accounts.retainedrecord": 1}
    # §5.4: the evidence names the category and the count, never the values or the person.
    logged = everything_logged()
    assert RRN not in logged and "940312" not in logged and NAME not in logged and email not in logged
    assert "01020260001" not in logged
    assert audit_chain_verify().ok


def test_a_trainee_withdrawing_during_the_run_keeps_three_years_from_its_end(client):
    end = datetime.date.today() + datetime.timedelta(days=20)
    user, _enrolment = funded_trainee(training_end=end)

    withdraw(client, user)

    assert ResidentNumber.objects.get(user=user).retain_until == end.replace(year=end.year + 3)


def test_a_closed_account_cannot_withdraw_again():
    from compliance.withdrawal import WithdrawalError, account_withdraw

    user = trainee()
    account_withdraw(user=user)

    with pytest.raises(WithdrawalError):
        account_withdraw(user=user)


def test_withdrawal_removes_queued_mail_to_the_address(client, settings):
    settings.EMAIL_BACKEND = "accounts.mail.QueuedEmailBackend"
    user = trainee()
    from django.core.mail import send_mail

    send_mail("알림", f"{NAME}님께", None, [user.email])
    assert OutboundEmail.objects.filter(to__contains=[user.email]).exists()

    withdraw(client, user)

    assert not OutboundEmail.objects.filter(body__contains=NAME).exists()


# ------------------------------------------------------------------------------------------
# Security review of issue 18: what else identifies the person, and the form's own protection
# ------------------------------------------------------------------------------------------

CERTIFICATE_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_withdrawal_clears_the_nationality_and_destroys_external_trainings_and_their_files(
    client, django_capture_on_commit_callbacks
):
    from compliance import security_training as sec
    from compliance.models import PledgeSignature, SecurityTrainingReminder
    from tests.compliance.pledge_support import signed_pledge

    user = trainee(nationality="KR")
    organisation = f.OrganisationFactory()
    Membership.objects.create(organisation=organisation, user=user)
    hr = f.MembershipFactory(organisation=organisation, role=Membership.Role.HR).user
    training = sec.external_training_submit(
        user=user,
        organisation=organisation,
        title="2026 방문자교육",
        provider="dapa",
        provider_name="",
        completed_on=datetime.date(2026, 10, 15),
        upload=SimpleUploadedFile("certificate.pdf", CERTIFICATE_PDF),
    )
    storage, name = training.certificate.storage, training.certificate.name
    assert storage.exists(name)
    SecurityTrainingReminder.objects.create(
        user=user, organisation=organisation, due_on=datetime.date(2027, 10, 15), days_before=30
    )
    signature = signed_pledge(user, f.institute_page("보호연구원"))

    with django_capture_on_commit_callbacks(execute=True):
        assert withdraw(client, user).status_code == 200

    user.refresh_from_db()
    assert user.nationality == ""
    assert not ExternalSecurityTraining.objects.filter(user=user).exists()
    assert not SecurityTrainingReminder.objects.filter(user=user).exists()
    assert not storage.exists(name)
    # The former employer's HR has nothing left to list or open.
    assert not sec.external_trainings_for_hr(organisation, status="").exists()
    client.force_login(hr)
    assert client.get(f"/hr/security-training/external/{training.pk}/certificate/").status_code == 404
    # Its audit entries stay; the withdrawal's entry counts what went.
    assert AuditEvent.objects.filter(object_type="compliance.externalsecuritytraining").exists()
    destroyed = AuditEvent.objects.get(action="accounts.withdrawn").data["destroyed"]
    assert destroyed["external_security_trainings"] == 1 and destroyed["security_training_reminders"] == 1
    # The signed pledge is technology-protection evidence (DOMAIN-KR §3.3): kept.
    assert PledgeSignature.objects.filter(pk=signature.pk, user=user).exists()


def test_a_withdrawal_that_fails_keeps_the_certificate_file(client, django_capture_on_commit_callbacks):
    from compliance import security_training as sec
    from compliance.withdrawal import security_training_destroy

    user = trainee()
    organisation = f.OrganisationFactory()
    Membership.objects.create(organisation=organisation, user=user)
    training = sec.external_training_submit(
        user=user,
        organisation=organisation,
        title="교육",
        provider="dapa",
        provider_name="",
        completed_on=datetime.date(2026, 10, 15),
        upload=SimpleUploadedFile("certificate.pdf", CERTIFICATE_PDF),
    )
    storage, name = training.certificate.storage, training.certificate.name

    class Boom(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(Boom), transaction.atomic():
            security_training_destroy(user)
            raise Boom
    assert callbacks == [] and storage.exists(name)
    assert ExternalSecurityTraining.objects.filter(pk=training.pk).exists()
    storage.delete(name)


def test_the_withdrawal_page_says_signed_pledges_are_kept(client):
    from tests.compliance.pledge_support import signed_pledge

    user = trainee()
    client.force_login(user)
    assert "기술보호 서약서" not in client.get(reverse("account_withdraw")).content.decode()
    signed_pledge(user, f.institute_page("보호연구원"))
    assert "기술보호 서약서" in client.get(reverse("account_withdraw")).content.decode()


def test_wrong_passwords_are_limited_to_five_per_fifteen_minutes_per_account(client, settings):
    user = trainee()
    for _attempt in range(5):
        assert withdraw(client, user, password="guess").status_code == 400

    limited = withdraw(client, user)  # even the right password, once the failures are used up

    assert limited.status_code == 429 and limited["Retry-After"] == "900"
    assert "15분" in limited.content.decode()
    user.refresh_from_db()
    assert user.is_active and user.name_ko == NAME
    # Another account is not affected (the limit is per account, not per address).
    other = trainee()
    assert withdraw(client, other).status_code == 200
    assert settings.ACCOUNT_RATE_LIMITS["withdraw_failed"] == "5/15m/user"


def test_the_limit_ends_with_its_window(client, monkeypatch):
    import time as time_module

    user = trainee()
    for _attempt in range(5):
        withdraw(client, user, password="guess")
    assert withdraw(client, user).status_code == 429
    later = time_module.time() + 15 * 60 + 1
    monkeypatch.setattr("allauth.core.internal.ratelimit.time.time", lambda: later)
    assert withdraw(client, user).status_code == 200


def totp_code(secret: str, *, offset: int = 0) -> str:
    import time as time_module

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time_module.time()) // 30 + offset))


def test_an_account_with_two_step_login_needs_a_current_code_as_well(client):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = trainee()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    client.force_login(user)
    assert 'name="code"' in client.get(reverse("account_withdraw")).content.decode()

    missing = withdraw(client, user)
    assert missing.status_code == 400 and "인증 앱" in missing.content.decode()
    wrong = withdraw(client, user, code=totp_code(secret, offset=40))
    assert wrong.status_code == 400
    user.refresh_from_db()
    assert user.is_active

    assert withdraw(client, user, code=totp_code(secret)).status_code == 200
    user.refresh_from_db()
    assert not user.is_active


def test_wrong_codes_count_towards_the_limit(client):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = trainee()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    for _attempt in range(5):
        assert withdraw(client, user, code="000000" if totp_code(secret) != "000000" else "111111").status_code == 400
    assert withdraw(client, user, code=totp_code(secret)).status_code == 429
    user.refresh_from_db()
    assert user.is_active


def test_an_account_without_two_step_login_is_not_asked_for_a_code(client):
    user = trainee()
    client.force_login(user)
    assert 'name="code"' not in client.get(reverse("account_withdraw")).content.decode()
