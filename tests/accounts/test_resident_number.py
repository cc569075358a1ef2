"""The 주민등록번호 step of a funded enrolment (DOMAIN-KR §5.1): validation, encryption, the gate on
activation, the page, and the number never leaving except in the 공단 report."""

import datetime
import logging

import pytest
from cryptography.exceptions import InvalidTag
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from accounts.models import Consent, OutboundEmail, ResidentNumber
from accounts.policies import CONSENT_TEXTS
from accounts.resident import DEVELOPMENT_KEY, InvalidResidentNumber, check_key, context_of, decrypt, normalise
from accounts.services import funded_personal_data_record
from compliance.emon.payloads import wire_row
from compliance.emon.sending import emon_send
from compliance.emon.transport import Answer
from compliance.models import EmonRecord
from courses import services as course_services
from courses.models import Enrolment
from ops.models import AuditEvent
from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.personal_data_step]

RRN = "9403121357913"
TYPED = "940312-1357913"


def funded_world(**course_fields):
    institute = f.institute_page()
    course = f.course_page(institute, **course_fields)
    f.lesson_page(course, minutes=30, required=True)
    course.save_revision().publish()
    today = datetime.date.today()
    run = f.course_run(
        course,
        emp_ins_flag=1,
        hrd_tracse_id="AIG20260000123456",
        hrd_tracse_tme="1",
        training_start=today,
        training_end=today + datetime.timedelta(days=30),
    )
    return course, run


def step_post(**overrides):
    data = {
        "resident_number": TYPED,
        "mobile_phone": "010-2026-0001",
        "acknowledge_notices": "on",
        "agree_third_party": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


# --------------------------------------------------------------------------------------------
# The number
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", [TYPED, RRN, " 940312-1357913 "])
def test_a_number_with_or_without_its_hyphen_is_accepted(typed):
    assert normalise(typed) == RRN


def test_numbers_issued_since_october_2020_without_a_valid_check_digit_are_accepted():
    # The old check digit of 940312-135791? is 4; 3 fails it, as random post-2020 numbers may.
    assert normalise(TYPED) == RRN
    assert normalise("201115-4000000", today=datetime.date(2026, 11, 29)) == "2011154000000"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("94031212345", "13 digits"),
        ("940312-123456a", "13 digits"),
        ("941312-1234567", "date of birth"),  # month 13
        ("940230-1234567", "date of birth"),  # 30 February
        ("940312-9234567", "date of birth"),  # the 1800s
        ("301231-3234567", "date of birth"),  # 2030: in the future
    ],
)
def test_a_malformed_number_is_refused_without_echoing_it(typed, message):
    with pytest.raises(InvalidResidentNumber) as error:
        normalise(typed, today=datetime.date(2026, 11, 29))

    assert message in str(error.value) or "생년월일" in str(error.value) or "13자리" in str(error.value)
    assert typed[:6] not in str(error.value)


def test_a_number_must_match_the_accounts_date_of_birth():
    with pytest.raises(InvalidResidentNumber):
        normalise(TYPED, birth_date=datetime.date(1994, 3, 13))
    assert normalise(TYPED, birth_date=datetime.date(1994, 3, 12)) == RRN


def test_production_refuses_a_missing_short_or_published_key():
    with pytest.raises(ImproperlyConfigured, match="ACADEMY_RRN_KEY"):
        check_key("", production=True)
    with pytest.raises(ImproperlyConfigured, match="32 random bytes"):
        check_key("c2hvcnQ=", production=True)
    with pytest.raises(ImproperlyConfigured, match="published development key"):
        check_key(DEVELOPMENT_KEY, production=True)
    assert len(check_key(DEVELOPMENT_KEY)) == 32


def test_the_number_is_stored_encrypted_bound_to_its_owner_and_shown_masked():
    user = f.UserFactory()
    other = f.UserFactory()

    row = funded_personal_data_record(user=user, resident_number=TYPED, mobile_phone="01020260001")

    row.refresh_from_db()
    stored = bytes(row.ciphertext)
    assert RRN.encode() not in stored and b"940312" not in stored
    assert len(bytes(row.nonce)) == 12 and row.key_id
    assert row.digits() == RRN
    assert row.masked() == "940312-*******" and str(row) == "940312-*******"
    with pytest.raises(InvalidTag):  # copied to another person's row, it does not decrypt
        decrypt(stored, bytes(row.nonce), context=context_of(other.pk))
    user.refresh_from_db()
    assert user.birth_date == datetime.date(1994, 3, 12)  # taken from the number: the account had none
    assert user.mobile_phone == "01020260001"


def test_the_step_records_each_notice_and_consent_with_its_version_and_text_hash():
    user = f.UserFactory()

    funded_personal_data_record(user=user, resident_number=TYPED, mobile_phone="01020260001", ip="203.0.113.9")

    rows = {c.kind: c for c in Consent.objects.filter(user=user)}
    assert set(rows) == {"funded_rrn", "funded_third_party", "funded_device"}
    for kind, row in rows.items():
        assert row.agreed and row.ip == "203.0.113.9" and row.channel == "web"
        assert row.text_version == CONSENT_TEXTS[kind].version
        assert row.text_hash == CONSENT_TEXTS[kind].text_hash("ko") and len(row.text_hash) == 64
    # The texts state the legal basis, the recipients, the items, the purpose and the 3 years.
    rrn_text = CONSENT_TEXTS["funded_rrn"].render("ko")
    assert "근로자직업능력개발법 시행령」 제52조 제2항" in rrn_text and "동의가 아니라" in rrn_text
    assert "본인확인기관" in rrn_text
    third = CONSENT_TEXTS["funded_third_party"].render("ko")
    assert "고용노동부, 한국산업인력공단" in third and "3년" in third and "주민등록번호" in third
    assert "MAC" in CONSENT_TEXTS["funded_device"].render("ko")


# --------------------------------------------------------------------------------------------
# Activation waits for the step
# --------------------------------------------------------------------------------------------


def test_a_funded_enrolment_cannot_become_active_until_the_step_is_done():
    _course, run = funded_world()
    user = f.UserFactory()

    with pytest.raises(course_services.PersonalDataStepRequired):
        course_services.enrolment_request(user=user, run=run)
    assert not Enrolment.objects.filter(user=user, run=run).exists()

    funded_personal_data_record(user=user, resident_number=TYPED, mobile_phone="01020260001")
    enrolment = course_services.enrolment_request(user=user, run=run)

    assert enrolment.status == Enrolment.Status.ACTIVE


def test_staff_adding_a_trainee_without_the_step_makes_an_invitation_not_an_active_enrolment():
    _course, run = funded_world()
    user, staff = f.UserFactory(), f.UserFactory()

    enrolment = course_services.enrolment_add(run=run, user=user, actor=staff)

    assert enrolment.status == Enrolment.Status.INVITED
    with pytest.raises(course_services.PersonalDataStepRequired):  # accepting goes through the step
        course_services.enrolment_request(user=user, run=run)
    funded_personal_data_record(user=user, resident_number=TYPED, mobile_phone="01020260001")
    assert course_services.enrolment_request(user=user, run=run).status == Enrolment.Status.ACTIVE


def test_an_unfunded_enrolment_never_asks_for_the_number(client):
    institute = f.institute_page()
    course = f.course_page(institute)
    f.lesson_page(course)
    course.save_revision().publish()
    run = f.course_run(course)
    user = f.UserFactory()
    client.force_login(user)

    response = client.post(reverse("courses:enrol", args=[run.public_id]))

    assert response.status_code == 302 and "personal-data" not in response.url
    assert Enrolment.objects.get(user=user, run=run).status == Enrolment.Status.ACTIVE
    assert not ResidentNumber.objects.exists()


# --------------------------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------------------------


def test_enrolling_in_a_funded_run_leads_to_the_step_which_enrols_on_completion(client, caplog):
    course, run = funded_world()
    user = f.UserFactory()
    client.force_login(user)
    step_url = reverse("courses:funded_personal_data", args=[run.public_id])

    response = client.post(reverse("courses:enrol", args=[run.public_id]))
    assert response.status_code == 302 and response.url == step_url

    page = client.get(step_url).content.decode()
    assert "제52조 제2항" in page and "한국산업인력공단" in page and "MAC" in page and "본인확인기관" in page
    assert 'type="password"' in page and 'autocomplete="off"' in page

    with caplog.at_level(logging.DEBUG):
        response = client.post(step_url, step_post())

    assert response.status_code == 302 and response.url == course.url
    assert Enrolment.objects.get(user=user, run=run).status == Enrolment.Status.ACTIVE
    assert ResidentNumber.objects.get(user=user).digits() == RRN
    assert RRN not in caplog.text and TYPED not in caplog.text and "1357913" not in caplog.text
    assert RRN not in response.url
    assert RRN not in client.get(reverse("account_profile")).content.decode()
    assert "940312-*******" in client.get(reverse("account_profile")).content.decode()


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"agree_third_party": None}, "제3자 제공에 동의하지 않으면"),
        ({"acknowledge_notices": None}, "안내를 읽었음을 확인해 주세요"),
        ({"mobile_phone": "02-123-4567"}, "휴대전화번호 10자리"),
        ({"resident_number": "941312-1357913", "mobile_phone": "01020260001"}, "주민등록번호 앞 7자리는"),
    ],
)
def test_each_missing_or_wrong_item_is_a_clear_400_that_keeps_nothing_and_echoes_no_number(client, overrides, expected):
    _course, run = funded_world()
    user = f.UserFactory()
    client.force_login(user)

    response = client.post(reverse("courses:funded_personal_data", args=[run.public_id]), step_post(**overrides))

    page = response.content.decode()
    assert response.status_code == 400
    assert f'<p class="field__error">{expected}' in page
    typed = overrides.get("resident_number") or TYPED
    assert typed not in page and typed.replace("-", "") not in page and typed[7:] not in page
    assert not ResidentNumber.objects.exists() and not Consent.objects.filter(user=user).exists()
    assert not Enrolment.objects.filter(user=user).exists()


def test_the_step_page_of_an_unfunded_run_is_404(client):
    institute = f.institute_page()
    course = f.course_page(institute)
    course.save_revision().publish()
    run = f.course_run(course)
    client.force_login(f.UserFactory())

    assert client.get(reverse("courses:funded_personal_data", args=[run.public_id])).status_code == 404


# --------------------------------------------------------------------------------------------
# Only the 공단 report carries it, at send time
# --------------------------------------------------------------------------------------------


class RecordingTransport:
    def __init__(self):
        self.batches = []

    def send(self, endpoint, rows):
        self.batches.append((endpoint, [dict(row) for row in rows]))
        return Answer(code="200")


def test_the_emon_sender_puts_the_number_in_at_send_time_and_the_stored_payload_keeps_it_empty(
    django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "accounts.mail.QueuedEmailBackend"
    settings.ACADEMY_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _course, run = funded_world()
    user = f.UserFactory()
    funded_personal_data_record(user=user, resident_number=TYPED, mobile_phone="01020260001")
    with django_capture_on_commit_callbacks(execute=True):
        course_services.enrolment_request(user=user, run=run)
    record = EmonRecord.objects.get(endpoint="user_hist", user=user)
    assert record.payload["resNo"] == ""
    assert wire_row(record)["resNo"] == ""  # the staff's preview

    transport = RecordingTransport()
    emon_send(transport=transport)

    sent = [row for endpoint, rows in transport.batches if endpoint == "user_hist" for row in rows]
    assert [row["resNo"] for row in sent] == [RRN]
    record.refresh_from_db()
    assert record.state == EmonRecord.State.SENT and record.payload["resNo"] == ""
    # Nowhere else: no stored report row, audit entry or e-mail carries it.
    for row in EmonRecord.objects.all():
        assert RRN not in str(row.payload)
    for event in AuditEvent.objects.all():
        assert RRN not in f"{event.data} {event.reason}" and "940312" not in str(event.data)
    for message in OutboundEmail.objects.all():
        assert RRN not in message.body + message.html_body + message.subject
    for message in mail.outbox:
        assert RRN not in message.body


def test_a_trainee_without_a_number_is_reported_with_an_empty_field_and_other_endpoints_get_none():
    user = f.UserFactory()
    record = EmonRecord(endpoint="user_hist", user=user, payload={"resNo": "", "userName": "x"})

    assert wire_row(record)["resNo"] == ""
    assert "resNo" not in wire_row(EmonRecord(endpoint="class_hist", payload={"a": 1}, seq=1))
