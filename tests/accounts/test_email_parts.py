"""Every e-mail: one subject prefix, the Academy's name, text and HTML parts, links on their own line,
a subject that names the event."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts import services
from courses.models import Enrolment, EnrolmentEvent
from courses.tasks import enrolment_notify
from tests import factories
from tests.support.email import PREFIX, assert_well_formed

pytestmark = pytest.mark.django_db


@pytest.fixture
def delivered(outbox_backend, django_capture_on_commit_callbacks):
    """Run an action and deliver what it put in the outbox (the delivery task runs after commit)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


SIGNUP = {
    "email": "mail.test@example.com",
    "name_ko": "홍길동",
    "name_en": "Gildong Hong",
    "password1": "drone-pilot-2026!",
    "password2": "drone-pilot-2026!",
    "agree_terms": "on",
    "agree_privacy": "on",
}


def test_the_signup_confirmation_names_the_academy_and_has_both_parts(client, delivered):
    delivered(client.post, reverse("account_signup"), SIGNUP)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    text, html = assert_well_formed(message)
    assert message.subject.startswith(PREFIX) and "이메일" in message.subject
    assert "대전 방산혁신클러스터 아카데미" in text and "testserver" not in text.split("http")[0]
    assert "/accounts/confirm-email/" in text
    assert "아래 링크를 열면" in text
    assert "대전 방산혁신클러스터 아카데미" in html


def test_the_password_reset_mail_is_well_formed(client, delivered):
    user = factories.UserFactory()

    delivered(client.post, reverse("account_reset_password"), {"email": user.email})

    text, _html = assert_well_formed(mail.outbox[0])
    assert "/accounts/password/reset/key/" in text


def test_an_organisation_invitation_is_well_formed(delivered):
    organisation = factories.OrganisationFactory(name_ko="드론테크")

    delivered(
        services.organisation_invite,
        organisation=organisation,
        email="new@example.com",
        actor=None,
        base_url="http://testserver",
    )

    message = mail.outbox[0]
    assert_well_formed(message)
    assert message.subject == f"{PREFIX}드론테크 소속 초대"


def test_the_failed_login_notice_is_well_formed(delivered, settings):
    settings.ACADEMY_LOGIN_NOTICE_FAILURES = 1
    user = factories.UserFactory()

    delivered(services.login_failure_record, email=user.email)

    message = mail.outbox[0]
    assert_well_formed(message)
    assert message.subject == f"{PREFIX}계정 로그인 실패 알림"


@pytest.mark.parametrize(
    ("to_status", "subject_start"),
    [
        ("active", "수강 확정: "),
        ("completed", "수료: "),
        ("waitlisted", "대기 등록: "),
        ("rejected", "수강신청 반려: "),
    ],
)
def test_enrolment_mails_name_the_event_not_the_status_at_sending_time(delivered, to_status, subject_start):
    course = factories.course_page(factories.institute_page(), "드론 정비 기초")
    enrolment = factories.enrolment(factories.course_run(course), status=Enrolment.Status.COMPLETED)
    event = EnrolmentEvent.objects.create(enrolment=enrolment, to_status=to_status, created_at=timezone.now())

    delivered(enrolment_notify, event.pk)

    message = mail.outbox[0]
    text, _html = assert_well_formed(message)
    assert message.subject == f"{PREFIX}{subject_start}드론 정비 기초"
    assert "http://testserver/learn/" in text.splitlines()


def test_a_message_that_already_has_an_html_part_keeps_it(delivered):
    from django.core.mail import EmailMultiAlternatives

    message = EmailMultiAlternatives("알림", "본문\n\nhttp://testserver/learn/", None, ["a@example.com"])
    message.attach_alternative("<p>직접 만든 HTML</p>", "text/html")
    delivered(message.send)

    sent = mail.outbox[0]
    assert sent.subject == f"{PREFIX}알림"
    assert dict((m, c) for c, m in sent.alternatives)["text/html"] == "<p>직접 만든 HTML</p>"
