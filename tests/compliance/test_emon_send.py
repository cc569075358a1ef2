"""Sending the outbox to a fake EMON server (DOMAIN-KR §2.1 and §2.3): the documented headers and
body, marking by the answer's code, retries after an error, the 24-hour alert, idempotence."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from assessments import funded as assessments_funded
from assessments import services as assessment_services
from compliance.emon.sending import emon_send
from compliance.models import EmonRecord
from ops.requestcontext import ClientContext, client_context
from tests import factories as f
from tests.assessments.funded_support import END, funded_course, kst

from .emon_support import AGENT_PK, API_KEY

pytestmark = pytest.mark.django_db

DURING = kst(END - datetime.timedelta(days=5), 10)

SCORE_FIELDS = {
    "agentPk",
    "seq",
    "userAgentPk",
    "courseAgentPk",
    "classAgentPk",
    "evalType",
    "evalCd",
    "score",
    "submitDate",
    "submitDueDt",
    "accessIp",
    "isCopiedAnswer",
    "changeState",
    "regDate",
}
ATTEND_FIELDS = {
    "agentPk",
    "seq",
    "userAgentPk",
    "courseAgentPk",
    "classAgentPk",
    "passFlag",
    "attendValidFlag",
    "changeState",
    "regDate",
    "empInsFlag",
    "progressRate",
    "totalScore",
}


@pytest.fixture
def assignment_scores(monkeypatch):
    """A stand-in for the 과제 activity: scores out of 100 by enrolment id (absent: not submitted)."""
    scores: dict[int, Decimal] = {}
    monkeypatch.setattr(
        assessments_funded,
        "_assignment_sources",
        [lambda enrolments: {e.pk: scores.get(e.pk) for e in enrolments}],
    )
    return scores


def take(quiz, user, right: int, items, *, now, address):
    """Start and submit ``quiz`` with ``right`` of its true/false questions answered correctly."""
    with client_context(ClientContext(address=address)):
        attempt = assessment_services.attempt_start(quiz=quiz, user=user, now=now)
        answers = {q.pk: ["true" if n < right else "false"] for n, q in enumerate(items)}
        return assessment_services.attempt_submit(
            attempt=attempt, raw_answers=answers, now=now + datetime.timedelta(minutes=5)
        )


@pytest.fixture
def scored(assignment_scores):
    """A funded trainee (10/40/50) with a progress test at 75, a final test at 25 and a 과제 at 83.33."""
    world = funded_course()
    enrolment = f.enrolment(world["run"], progress_percent=90)
    assignment_scores[enrolment.pk] = Decimal("83.33")
    take(world["progress_test"], enrolment.user, 3, world["items"], now=DURING, address="203.0.113.7")
    take(
        world["final_test"],
        enrolment.user,
        1,
        world["items"],
        now=DURING + datetime.timedelta(hours=1),
        address="203.0.113.8",
    )
    return {**world, "enrolment": enrolment}


def latest_by(rows, key):
    latest = {}
    for row in sorted(rows, key=lambda r: r["seq"]):
        latest[row[key]] = row
    return latest


def test_a_500_leaves_rows_in_error_and_the_next_run_sends_them(scored, fake_emon):
    now = timezone.now()
    fake_emon.code = "500"
    result = emon_send(now=now)
    assert result.sent == 0 and result.errors > 0
    assert set(EmonRecord.objects.values_list("state", flat=True)) == {"error"}
    row = EmonRecord.objects.first()
    assert (row.last_code, row.attempts, row.first_error_at) == ("500", 1, now)
    first_requests = len(fake_emon.requests)

    emon_send(now=now + datetime.timedelta(minutes=10))  # still backing off: nothing sent
    assert len(fake_emon.requests) == first_requests

    fake_emon.code = "200"
    result = emon_send(now=now + datetime.timedelta(hours=1))  # the next hourly run
    assert result.sent == EmonRecord.objects.count()
    assert set(EmonRecord.objects.values_list("state", flat=True)) == {"sent"}
    sent = EmonRecord.objects.first()
    assert (sent.last_code, sent.attempts, sent.sent_at) == ("200", 2, now + datetime.timedelta(hours=1))

    requests_before = len(fake_emon.requests)
    assert emon_send(now=now + datetime.timedelta(hours=2)).sent == 0  # idempotent: nothing twice
    assert len(fake_emon.requests) == requests_before


def test_the_server_receives_the_documented_headers_and_fields(scored, fake_emon):
    emon_send()
    assert fake_emon.requests
    for request in fake_emon.requests:
        headers = {k.lower(): v for k, v in request["headers"].items()}
        assert headers["content-type"] == "application/json"
        assert headers["x-tqiapi-header"] == API_KEY
        assert headers["x-tqiapi-user"] == AGENT_PK
        assert set(request["body"]) == {"dataList"}
    enrolment, course, run = scored["enrolment"], scored["course"], scored["run"]
    scores = fake_emon.rows("score_hist")
    assert {r["evalType"]: r["evalCd"] for r in scores} == {"진행평가_1": "04", "시험_1": "02", "과제_1": "03"}
    for row in scores:
        assert set(row) == SCORE_FIELDS
        assert row["agentPk"] == AGENT_PK
        assert row["userAgentPk"] == str(enrolment.user_id)
        assert row["courseAgentPk"] == str(course.pk)
        assert row["classAgentPk"] == f"{course.pk},{run.pk}"
        assert row["submitDueDt"] == "20260331"
        assert row["changeState"] in ("C", "U")
    by_type = latest_by(scores, "evalType")
    assert by_type["진행평가_1"]["score"] == 7.5
    assert by_type["진행평가_1"]["accessIp"] == "203.0.113.7"
    assert by_type["진행평가_1"]["submitDate"] == "2026-03-26 10:05:00"
    assert by_type["시험_1"]["score"] == 10.0
    assert by_type["시험_1"]["accessIp"] == "203.0.113.8"
    assert by_type["과제_1"]["score"] == 41.67
    attends = fake_emon.rows("attend_hist")
    for row in attends:
        assert set(row) == ATTEND_FIELDS
        assert row["empInsFlag"] == "1"
    assert attends[0]["changeState"] == "C"
    assert all(row["changeState"] == "U" for row in attends[1:])
    assert len({row["seq"] for row in fake_emon.requests[0]["body"]["dataList"]}) == len(
        fake_emon.requests[0]["body"]["dataList"]
    )


def test_latest_score_rows_sum_to_the_attend_total(scored, fake_emon):
    emon_send()
    enrolment_pk = str(scored["enrolment"].user_id)
    scores = [r for r in fake_emon.rows("score_hist") if r["userAgentPk"] == enrolment_pk]
    latest = latest_by(scores, "evalType")
    attend = max(fake_emon.rows("attend_hist"), key=lambda r: r["seq"])
    total = sum((Decimal(str(r["score"])) for r in latest.values()), Decimal("0"))
    assert total == Decimal(str(attend["totalScore"])) == Decimal("59.17")


def test_a_regrade_after_sending_is_a_new_row_and_the_sum_still_holds(scored, fake_emon, assignment_scores):
    emon_send()
    sent_payloads = dict(EmonRecord.objects.values_list("seq", "payload"))
    enrolment = scored["enrolment"]
    assignment_scores[enrolment.pk] = Decimal("50")
    manager = scored["manager"]
    from courses import events

    with client_context(ClientContext(address="10.0.0.1")):  # the instructor's address is never reported
        events.emit("assessment_scored", enrolment=enrolment, kind="assignment", obj=None, now=timezone.now())
    assert dict(EmonRecord.objects.filter(seq__in=sent_payloads).values_list("seq", "payload")) == sent_payloads
    emon_send()
    scores = latest_by(fake_emon.rows("score_hist"), "evalType")
    assert scores["과제_1"]["score"] == 25.0 and scores["과제_1"]["changeState"] == "U"
    attend = max(fake_emon.rows("attend_hist"), key=lambda r: r["seq"])
    assert sum(Decimal(str(r["score"])) for r in scores.values()) == Decimal(str(attend["totalScore"]))
    assert manager  # the grading itself is tested in tests/assessments


def test_rows_in_error_for_24_hours_alert_once(scored, fake_emon, settings, django_capture_on_commit_callbacks):
    settings.ACADEMY_EMON_ALERT_EMAILS = ["ops@example.com"]
    now = timezone.now()
    fake_emon.code = "500"
    emon_send(now=now)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert emon_send(now=now + datetime.timedelta(hours=23)).alerted == []
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        alerted = emon_send(now=now + datetime.timedelta(hours=24, minutes=1)).alerted
    assert sorted(alerted) == sorted(EmonRecord.objects.values_list("seq", flat=True))
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ops@example.com"]
    assert "EMON" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        assert emon_send(now=now + datetime.timedelta(hours=30)).alerted == []
    assert len(mail.outbox) == 1


def test_the_none_transport_sends_nothing(scored, settings):
    settings.ACADEMY_EMON_TRANSPORT = "none"
    assert emon_send().sent == 0
    assert set(EmonRecord.objects.values_list("state", flat=True)) == {"pending"}


def test_the_check_asks_production_for_the_keys(scored, settings):
    from compliance.emon.checks import emon_keys_for_funded_runs

    settings.ACADEMY_ENVIRONMENT = "production"
    settings.ACADEMY_EMON_TRANSPORT = "http"
    settings.ACADEMY_EMON_AGENT_PK = ""
    settings.ACADEMY_EMON_API_KEY = ""
    (error,) = emon_keys_for_funded_runs()
    assert error.id == "compliance.E002" and "ACADEMY_EMON_API_KEY" in error.msg
    settings.ACADEMY_EMON_AGENT_PK, settings.ACADEMY_EMON_API_KEY = AGENT_PK, API_KEY
    assert emon_keys_for_funded_runs() == []
    settings.ACADEMY_ENVIRONMENT = "test"
    settings.ACADEMY_EMON_AGENT_PK = ""
    assert emon_keys_for_funded_runs() == []
