"""The staff screen of a funded run's EMON rows: for the run's institute staff only (the CourseRun
institute policy), rows by state with their payload, and a resend of the rows in error (POST,
CSRF, recorded in the audit trail)."""

import pytest
from django.test import Client
from django.utils import timezone

from compliance.models import EmonRecord
from courses import services
from ops.models import AuditEvent
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(funded):
    manager = f.manager_of(funded["run"].course.get_parent().specific)
    for _ in range(2):
        services.enrolment_add(run=funded["run"], user=f.UserFactory(), actor=manager)
    rows = list(EmonRecord.objects.filter(run=funded["run"]).order_by("seq"))
    EmonRecord.objects.filter(seq=rows[0].seq).update(state="sent", sent_at=timezone.now(), last_code="200", attempts=1)
    EmonRecord.objects.filter(seq__in=[r.seq for r in rows[1:3]]).update(
        state="error", last_code="500", last_msg="server error", attempts=1, first_error_at=timezone.now()
    )
    return {**funded, "manager": manager, "rows": rows}


def url(run, suffix=""):
    return f"/cms/compliance/runs/{run.pk}/emon/{suffix}"


def test_the_runs_staff_see_rows_by_state_and_payloads(client, reported):
    client.force_login(reported["manager"])
    response = client.get(url(reported["run"]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "오류: 2" in text and "전송 완료: 1" in text
    assert "attend_hist" in text and "&quot;classAgentPk&quot;" in text
    errors = client.get(url(reported["run"]) + "?state=error").content.decode()
    assert errors.count("<details>") == 2
    detail = client.get(f"/cms/academy/runs/{reported['run'].pk}/").content.decode()
    assert url(reported["run"]) in detail


def test_resend_puts_error_rows_back_to_pending_and_is_audited(reported, django_capture_on_commit_callbacks):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reported["manager"])
    assert client.post(url(reported["run"], "resend/")).status_code == 403  # no CSRF token
    page = client.get(url(reported["run"]))
    token = page.cookies["csrftoken"].value if "csrftoken" in page.cookies else client.cookies["csrftoken"].value
    response = client.post(url(reported["run"], "resend/"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    states = dict(EmonRecord.objects.filter(run=reported["run"]).values_list("seq", "state"))
    assert states[reported["rows"][0].seq] == "sent"
    assert [states[r.seq] for r in reported["rows"][1:3]] == ["pending", "pending"]
    event = AuditEvent.objects.get(action="compliance.emon_resend")
    assert event.actor_id == reported["manager"].pk and event.data["rows"] == 2


def test_the_sent_row_is_untouched_by_a_resend(client, reported):
    client.force_login(reported["manager"])
    sent = EmonRecord.objects.get(seq=reported["rows"][0].seq)
    client.post(url(reported["run"], "resend/"))
    again = EmonRecord.objects.get(seq=sent.seq)
    assert (again.state, again.sent_at, again.attempts, again.payload) == (
        sent.state,
        sent.sent_at,
        sent.attempts,
        sent.payload,
    )


def test_other_institutes_staff_trainees_and_unfunded_runs_get_nothing(client, reported):
    other = f.manager_of(f.institute_page())
    client.force_login(other)
    assert client.get(url(reported["run"])).status_code == 404
    assert client.post(url(reported["run"], "resend/")).status_code == 404
    assert EmonRecord.objects.filter(state="error").count() == 2
    client.force_login(reported["user"])
    assert client.get(url(reported["run"])).status_code in (302, 403)
    unfunded = f.course_run(reported["course"])
    client.force_login(reported["manager"])
    assert client.get(url(unfunded)).status_code == 404
    assert client.get(url(reported["run"], "resend/")).status_code == 405
