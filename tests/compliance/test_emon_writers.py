"""The 공단 reporting outbox is written in the transaction of each change (DOMAIN-KR §2.3), for funded
runs only, with the field names and formats of §2.2."""

import datetime
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from allauth.account.signals import user_logged_in
from django.test import RequestFactory
from django.utils import timezone

from compliance.emon.writers import part_points
from compliance.models import EmonRecord
from courses import events, services
from courses.models import Enrolment
from courses.reporting import ReportedPart, ReportedScores
from ops.requestcontext import ClientContext, client_context
from tests import factories as f

pytestmark = pytest.mark.django_db

REG_DATE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")


def rows(endpoint, **filters):
    return list(EmonRecord.objects.filter(endpoint=endpoint, **filters).order_by("seq"))


def study_lesson(user, lesson, *, start, address="203.0.113.7"):
    """Study a 1-minute 차시 to its end: heartbeats every 30 s, a resume, the last page."""
    with client_context(ClientContext(address=address)):
        services.progress_heartbeat(user=user, lesson=lesson, now=start)
        services.progress_heartbeat(user=user, lesson=lesson, now=start + datetime.timedelta(seconds=30))
        services.progress_heartbeat(user=user, lesson=lesson, resume=True, now=start + datetime.timedelta(seconds=35))
        services.progress_heartbeat(user=user, lesson=lesson, now=start + datetime.timedelta(seconds=65))
        services.progress_heartbeat(
            user=user, lesson=lesson, reached_end=True, now=start + datetime.timedelta(seconds=70)
        )
        services.progress_heartbeat(user=user, lesson=lesson, now=start + datetime.timedelta(seconds=90))


def test_studying_chasi_1_writes_exactly_two_progress_rows_with_ip(funded):
    enrolment, lesson = funded["enrolment"], funded["lessons"][0]
    start = timezone.now().replace(microsecond=0)

    study_lesson(funded["user"], lesson, start=start)

    score_rows = rows("score_hist", enrolment=enrolment)
    assert [r.payload["startEndFlag"] for r in score_rows] == ["S", "E"]
    for row in score_rows:
        payload = row.payload
        assert payload["evalType"] == "진도_1"
        assert payload["evalCd"] == "01"
        assert payload["chasi"] == 1
        assert payload["accessIp"] == "203.0.113.7"
        assert payload["userAgentPk"] == str(enrolment.user_id)
        assert payload["courseAgentPk"] == str(funded["course"].pk)
        assert payload["classAgentPk"] == f"{funded['course'].pk},{funded['run'].pk}"
        assert payload["submitDueDt"] == f"{funded['run'].training_end:%Y%m%d}"
        assert REG_DATE.match(payload["regDate"])
        assert row.run_id == funded["run"].pk and row.state == EmonRecord.State.PENDING
    # studying it again writes nothing more
    study_lesson(funded["user"], lesson, start=start + datetime.timedelta(minutes=5))
    assert len(rows("score_hist", enrolment=enrolment)) == 2


def test_reg_date_is_kst(funded):
    start = datetime.datetime(2026, 3, 2, 0, 30, tzinfo=datetime.UTC)  # 09:30 KST
    with client_context(ClientContext(address="198.51.100.1")):
        services.progress_heartbeat(user=funded["user"], lesson=funded["lessons"][0], now=start)
    (row,) = rows("score_hist")
    assert row.payload["submitDate"] == "2026-03-02 09:30:00"


def test_unfunded_runs_write_nothing():
    institute = f.institute_page()
    course = f.course_page(institute)
    lesson = f.lesson_page(course, "1차시", minutes=1)
    run = f.course_run(course)
    user = f.UserFactory()
    manager = f.manager_of(institute)
    services.enrolment_add(run=run, user=user, actor=manager)
    study_lesson(user, lesson, start=timezone.now())
    services.lesson_complete(user=user, lesson=lesson)
    services.course_run_save(form=SimpleNamespace(instance=run, save=lambda: run, changed_data=["training_end"]))
    user_logged_in.send(sender=type(user), request=RequestFactory().get("/"), user=user)
    events.emit("identity_checked", check=identity_check(user, Enrolment.objects.get(user=user)))
    assert EmonRecord.objects.count() == 0


def test_entering_a_funded_run_writes_user_hist_and_attend_hist(funded):
    user = f.UserFactory(name_ko="김조종")
    manager = f.manager_of(funded["run"].course.get_parent().specific)
    enrolment = services.enrolment_add(run=funded["run"], user=user, actor=manager)

    (user_row,) = rows("user_hist", user=user)
    assert user_row.payload | {"regDate": ""} == {
        "userAgentPk": str(user.pk),
        "courseAgentPk": str(funded["course"].pk),
        "classAgentPk": f"{funded['course'].pk},{funded['run'].pk}",
        "userName": "김조종",
        "resNo": "",
        "encResNo": "",
        "email": user.email,
        "mobile": "-",
        "nwIno": "",
        "trneeSe": "007",
        "irglbrSe": "000",
        "changeState": "C",
        "regDate": "",
    }
    (attend,) = rows("attend_hist", enrolment=enrolment)
    assert attend.payload["changeState"] == "C"
    assert attend.payload["passFlag"] == "0" and attend.payload["attendValidFlag"] == "1"
    assert attend.payload["empInsFlag"] == "1"
    assert attend.payload["progressRate"] == 0 and attend.payload["totalScore"] == 0.0

    services.enrolment_remove(enrolment=enrolment, actor=manager, reason="퇴사")
    assert [r.payload["changeState"] for r in rows("attend_hist", enrolment=enrolment)] == ["C", "D"]
    assert rows("attend_hist", enrolment=enrolment)[-1].payload["attendValidFlag"] == "0"


def test_a_sent_row_is_never_updated_a_change_is_a_new_row(funded):
    user = f.UserFactory()
    manager = f.manager_of(funded["run"].course.get_parent().specific)
    enrolment = services.enrolment_add(run=funded["run"], user=user, actor=manager)
    (attend,) = rows("attend_hist", enrolment=enrolment)
    EmonRecord.objects.filter(pk=attend.pk).update(state="sent", sent_at=timezone.now(), last_code="200")
    before = EmonRecord.objects.get(pk=attend.pk)

    study_lesson(user, funded["lessons"][0], start=timezone.now())  # 차시 1 at 100 %: 진도율 changes

    after = EmonRecord.objects.get(pk=attend.pk)
    assert (after.payload, after.state, after.sent_at, after.last_code) == (
        before.payload,
        before.state,
        before.sent_at,
        before.last_code,
    )
    latest = rows("attend_hist", enrolment=enrolment)[-1]
    assert latest.pk != attend.pk
    assert latest.payload["changeState"] == "U"
    assert latest.payload["progressRate"] == 100 // len(funded["lessons"])


def test_class_hist_when_a_funded_run_is_created_or_its_dates_change(funded):
    run = funded["run"]
    services.course_run_save(form=SimpleNamespace(instance=run, save=lambda: run, changed_data=["title"]))
    (created,) = rows("class_hist", run=run)
    assert created.payload | {"regDate": ""} == {
        "courseAgentPk": str(run.course_id),
        "classAgentPk": f"{run.course_id},{run.pk}",
        "fullScore": 100,
        "startDt": f"{run.training_start:%Y%m%d}",
        "endDt": f"{run.training_end:%Y%m%d}",
        "changeState": "C",
        "regDate": "",
        "tracseTme": "1",
    }
    services.course_run_save(form=SimpleNamespace(instance=run, save=lambda: run, changed_data=["title"]))
    assert len(rows("class_hist", run=run)) == 1  # nothing the 공단 sees changed
    run.training_end += datetime.timedelta(days=3)
    run.save()
    services.course_run_save(form=SimpleNamespace(instance=run, save=lambda: run, changed_data=["training_end"]))
    updated = rows("class_hist", run=run)[-1]
    assert updated.payload["changeState"] == "U" and updated.payload["endDt"] == f"{run.training_end:%Y%m%d}"


def test_the_run_form_writes_class_hist(client, funded):
    from courses.admin_views import RunForm

    manager = f.manager_of(funded["run"].course.get_parent().specific)
    run = funded["run"]
    data = RunForm(instance=run, user=manager).initial
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["course"] = run.course_id
    data["training_end"] = run.training_end + datetime.timedelta(days=1)
    client.force_login(manager)
    response = client.post(f"/cms/academy/runs/{run.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert [r.payload["changeState"] for r in rows("class_hist", run=run)] == ["C"]


def test_login_of_a_funded_trainee_writes_user_login_hist(funded, settings):
    settings.ACADEMY_TRUSTED_PROXY_COUNT = 0
    user = funded["user"]
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9")
    user_logged_in.send(sender=type(user), request=request, user=user)
    (row,) = rows("user_login_hist", user=user)
    assert set(row.payload) == {"userAgentPk", "loginDate", "loginIp"}
    assert row.payload["loginIp"] == "203.0.113.9" and REG_DATE.match(row.payload["loginDate"])
    assert row.run_id is None
    other = f.UserFactory()
    user_logged_in.send(sender=type(other), request=request, user=other)
    assert rows("user_login_hist", user=other) == []


def identity_check(user, enrolment, **fields):
    """A stand-in for ``compliance.IdentityCheck`` with its documented attributes."""
    values = {
        "user": user,
        "enrolment": enrolment,
        "eval_cd": "01",
        "class_tme": 9,
        "result": True,
        "raw_code": "200",
        "provider_tx_id": "TX123",
        "at": datetime.datetime(2026, 3, 2, 1, 0, tzinfo=datetime.UTC),
    }
    values.update(fields)
    return SimpleNamespace(**values)


def test_identity_check_writes_phone_auth_hist(funded):
    events.emit("identity_checked", check=identity_check(funded["user"], funded["enrolment"]))
    (row,) = rows("phone_auth_hist")
    assert row.payload == {
        "usrId": str(funded["user"].pk),
        "courseAgentPk": str(funded["course"].pk),
        "classAgentPk": f"{funded['course'].pk},{funded['run'].pk}",
        "evalCd": "01",
        "evalType": "진도",
        "classTme": "09",
        "mRet": "T",
        "mRetCd": "200",
        "mTrnId": "TX123",
        "mTrnDt": "2026-03-02 10:00:00",
    }


def test_part_points_add_up_to_the_total_exactly():
    part = ReportedPart(
        key="progress",
        weight=50,
        score=Decimal("0.01"),
        max_score=Decimal("100"),
        submitted_at=None,
        is_copied_answer="X",
    )
    scores = ReportedScores(total=Decimal("0.01"), parts=[part, ReportedPart(**{**part.__dict__, "key": "final"})])
    points = part_points(scores)
    assert sum(points.values()) == Decimal("0.01")


def test_the_database_refuses_to_change_a_sent_row(funded):
    from django.db import DatabaseError, transaction

    row = EmonRecord.objects.create(endpoint="user_login_hist", payload={"userAgentPk": "1"})
    EmonRecord.objects.filter(pk=row.pk).update(state="sent", sent_at=timezone.now(), last_code="200")
    with pytest.raises(DatabaseError, match="never changed"), transaction.atomic():
        EmonRecord.objects.filter(pk=row.pk).update(payload={"userAgentPk": "2"})
    with pytest.raises(DatabaseError, match="never changed"), transaction.atomic():
        EmonRecord.objects.filter(pk=row.pk).update(state="pending")
    EmonRecord.objects.filter(pk=row.pk).update(user=None)  # a deleted account only unlinks it
