"""Expiry reminders 90, 30 and 7 days before, to the trainee and their organisation's HR; once each."""

import datetime

import pytest
from django.core import mail

from accounts.models import Membership
from certificates import services
from certificates.models import Certificate, ExpiryReminder
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(issue, trainee):
    cert = issue()
    Certificate.objects.filter(pk=cert.pk).update(expires_on=datetime.date(2027, 6, 30))
    return Certificate.objects.get(pk=cert.pk)


@pytest.fixture
def hr(trainee):
    organisation = factories.OrganisationFactory()
    factories.MembershipFactory(organisation=organisation, user=trainee, role=Membership.Role.EMPLOYEE)
    person = factories.UserFactory(email="insa@example.com")
    factories.MembershipFactory(organisation=organisation, user=person, role=Membership.Role.HR)
    return person


def days_before(certificate, days):
    return certificate.expires_on - datetime.timedelta(days=days)


@pytest.mark.parametrize(
    ("days_left", "threshold"), [(95, None), (90, 90), (45, 90), (30, 30), (8, 30), (7, 7), (0, 7), (-1, None)]
)
def test_the_threshold_due(days_left, threshold):
    assert services.reminder_threshold(days_left) == threshold


def test_each_reminder_is_sent_once_with_a_re_enrol_link(certificate, trainee, hr, course):
    mail.outbox.clear()
    sent = []
    for days in (120, 90, 89, 60, 30, 29, 7, 3, 0):
        sent.append(services.expiry_reminders_send(today=days_before(certificate, days)))

    assert sent == [0, 1, 0, 0, 1, 0, 1, 0, 0]
    assert sorted(ExpiryReminder.objects.filter(certificate=certificate).values_list("days_before", flat=True)) == [
        7,
        30,
        90,
    ]
    to_trainee = [m for m in mail.outbox if m.to == [trainee.email]]
    to_hr = [m for m in mail.outbox if m.to == [hr.email]]
    assert len(to_trainee) == 3 and len(to_hr) == 3
    assert f"http://testserver{course.url}" in to_trainee[0].body
    assert certificate.code in to_hr[0].body and "김하늘" in to_hr[0].body


def test_running_twice_on_the_same_day_sends_nothing_more(certificate, trainee):
    today = days_before(certificate, 30)
    assert services.expiry_reminders_send(today=today) == 1
    count = len(mail.outbox)

    assert services.expiry_reminders_send(today=today) == 0
    assert len(mail.outbox) == count


def test_revoked_expired_and_pending_certificates_get_no_reminder(certificate, institute, run):
    from .conftest import complete

    services.certificate_revoke(certificate=certificate, actor=factories.manager_of(institute), reason="취소")
    pending = complete(factories.enrolment(run)).certificate
    Certificate.objects.filter(pk=pending.pk).update(expires_on=certificate.expires_on)

    assert services.expiry_reminders_send(today=days_before(certificate, 7)) == 0
    assert services.expiry_reminders_send(today=certificate.expires_on + datetime.timedelta(days=1)) == 0


def test_the_beat_schedule_runs_reminders_daily_and_the_sweeper_every_few_minutes(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert "certificates.tasks.certificate_expiry_reminders_task" in tasks
    assert "certificates.tasks.certificate_sweep_task" in tasks
