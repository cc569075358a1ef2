"""The daily chain check (DOMAIN-KR §1.10): the result kept, logged and mailed to the
개인정보 보호책임자; the read-only "감사 기록" screen for administrators only."""

from __future__ import annotations

import logging

import pytest
from django.core import mail
from django.db import connection

from ops.audit import audit_chain_check, audit_record
from ops.models import AuditChainCheck
from ops.tasks import audit_chain_check_task
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(settings):
    settings.ACADEMY_PRIVACY_OFFICER_EMAIL = "privacy@academy.example"
    return settings.ACADEMY_PRIVACY_OFFICER_EMAIL


def _tamper(event_id: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE ops_auditevent DISABLE TRIGGER ops_auditevent_append_only")
        cursor.execute("UPDATE ops_auditevent SET reason = 'rewritten' WHERE id = %s", [event_id])
        cursor.execute("ALTER TABLE ops_auditevent ENABLE TRIGGER ops_auditevent_append_only")


def test_an_intact_chain_mails_the_head_hash_and_count(officer, caplog, django_capture_on_commit_callbacks):
    audit_record(action="test.one")
    last = audit_record(action="test.two")
    mail.outbox.clear()
    with caplog.at_level(logging.INFO, logger="ops.audit"), django_capture_on_commit_callbacks(execute=True):
        assert audit_chain_check_task() is True

    check = AuditChainCheck.objects.get()
    assert (check.checked, check.head_hash, check.broken_id, check.mailed_to) == (2, last.hash, None, officer)
    (message,) = [m for m in mail.outbox if m.to == [officer]]
    assert last.hash in message.body and "2" in message.subject
    assert "감사" in message.subject  # Korean, whatever language was active
    assert any(last.hash in record.getMessage() for record in caplog.records)


def test_a_broken_chain_names_the_first_broken_entry_in_the_mail_and_an_error_log(
    officer, caplog, django_capture_on_commit_callbacks
):
    audit_record(action="test.one")
    second = audit_record(action="test.two")
    audit_record(action="test.three")
    _tamper(second.pk)
    mail.outbox.clear()
    with caplog.at_level(logging.INFO, logger="ops.audit"), django_capture_on_commit_callbacks(execute=True):
        check = audit_chain_check()

    assert (check.ok, check.broken_id, check.problem, check.checked) == (False, second.pk, "hash", 1)
    (message,) = [m for m in mail.outbox if m.to == [officer]]
    assert str(second.pk) in message.subject and str(second.pk) in message.body
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert errors and str(second.pk) in errors[0].getMessage()


def test_without_an_officer_address_the_result_is_kept_and_nothing_is_mailed(settings, caplog):
    settings.ACADEMY_PRIVACY_OFFICER_EMAIL = ""
    mail.outbox.clear()
    check = audit_chain_check()
    assert check.ok and check.checked == 0 and check.mailed_to == ""
    assert mail.outbox == []


def test_the_beat_schedule_runs_the_check_in_the_early_morning(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["ops-audit-chain-check"]
    assert entry["task"] == "ops.tasks.audit_chain_check_task"
    assert entry["schedule"].hour == {4} and settings.CELERY_TIMEZONE == "Asia/Seoul"


# --------------------------------------------------------------------------------------------
# The admin screen
# --------------------------------------------------------------------------------------------


def test_administrators_read_the_trail_with_the_last_check(client):
    trainee = f.UserFactory(name_ko="김감사")
    event = audit_record(action="courses.completion_override", subject_user=trainee, reason="대리수강 적발")
    audit_chain_check()
    client.force_login(f.AdminUserFactory())

    listing = client.get("/cms/audit_trail/")
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "courses.completion_override" in text and "대리수강 적발" in text
    assert event.hash in text  # the last check's head hash
    filtered = client.get("/cms/audit_trail/", {"action": "nothing.matches"}).content.decode()
    assert "대리수강 적발" not in filtered
    detail = client.get(f"/cms/audit_trail/inspect/{event.pk}/")
    assert detail.status_code == 200 and event.hash in detail.content.decode()


def test_the_trail_has_no_add_edit_or_delete_and_staff_are_refused(client):
    event = audit_record(action="test.one")
    client.force_login(f.AdminUserFactory())
    for url in ("/cms/audit_trail/add/", f"/cms/audit_trail/edit/{event.pk}/", f"/cms/audit_trail/delete/{event.pk}/"):
        assert client.get(url).status_code == 404
    institute = f.institute_page()
    for user in (f.manager_of(institute), f.instructor_of(institute), f.UserFactory()):
        client.force_login(user)
        for url in ("/cms/audit_trail/", f"/cms/audit_trail/inspect/{event.pk}/"):
            assert client.get(url).status_code in (302, 403, 404)
