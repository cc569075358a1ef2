"""The dead-letter record: a task that fails all its retries leaves a row an administrator can read."""

from __future__ import annotations

import pytest

from lms.celery import app as celery_app
from ops.models import FailedTask
from tests import factories

pytestmark = pytest.mark.django_db


@celery_app.task(name="tests.ops.always_fails")
def always_fails(enrolment_id, password=None):
    raise ValueError(f"no such enrolment {enrolment_id}")


calls = []


@celery_app.task(
    name="tests.ops.fails_every_retry", bind=True, autoretry_for=(ConnectionError,), max_retries=2, countdown=0
)
def fails_every_retry(self, certificate_id):
    calls.append(self.request.retries)
    raise ConnectionError("storage away")


def test_a_task_that_does_not_retry_is_recorded_once_with_masked_secrets():
    always_fails.apply(args=(17,), kwargs={"password": "hunter2"}, throw=False)
    record = FailedTask.objects.get()
    assert record.task_name == "tests.ops.always_fails"
    assert record.exception == "ValueError: no such enrolment 17"
    assert record.args == "17, password=***"
    assert "hunter2" not in record.args + record.traceback
    assert "raise ValueError" in record.traceback
    assert record.retries == 0


def test_a_task_is_recorded_when_its_last_retry_fails():
    # As the worker runs it: the delivery that carries retries=2, the last one max_retries allows.
    calls.clear()
    fails_every_retry.apply(args=(5,), retries=2, throw=False)
    assert calls == [2]
    record = FailedTask.objects.get()
    assert record.task_name == "tests.ops.fails_every_retry"
    assert record.retries == 2
    assert record.exception == "ConnectionError: storage away"


def _record():
    always_fails.apply(args=(99,), throw=False)
    return FailedTask.objects.get()


def test_administrators_read_the_failed_tasks_in_the_admin(client):
    record = _record()
    client.force_login(factories.AdminUserFactory())
    listing = client.get("/cms/failed_tasks/")
    assert listing.status_code == 200
    assert "tests.ops.always_fails" in listing.content.decode()
    detail = client.get(f"/cms/failed_tasks/inspect/{record.pk}/")
    assert detail.status_code == 200
    assert "no such enrolment 99" in detail.content.decode()


def test_the_record_cannot_be_changed_or_deleted_even_by_an_administrator(client):
    record = _record()
    client.force_login(factories.AdminUserFactory())
    for url in (f"/cms/failed_tasks/edit/{record.pk}/", f"/cms/failed_tasks/delete/{record.pk}/"):
        assert client.post(url).status_code == 404
    assert FailedTask.objects.filter(pk=record.pk).exists()


def test_staff_who_are_not_administrators_are_refused(client):
    record = _record()
    institute = factories.institute_page()
    client.force_login(factories.manager_of(institute))
    assert client.get("/cms/failed_tasks/").status_code in (302, 403)
    assert client.get(f"/cms/failed_tasks/inspect/{record.pk}/").status_code in (302, 403, 404)
    menu = client.get("/cms/").content.decode()
    assert "/cms/failed_tasks/" not in menu
