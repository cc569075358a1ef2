"""The evidence pack's sections from the rest of issue 17 (DOMAIN-KR §1.9): every identity check,
the addresses and devices per day, the 대리수강 flags with their decisions, and the 공단 reporting
log with its answer codes; and their rows go with the retention sweep."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from compliance import evidence, retention
from compliance.models import (
    EmonRecord,
    IdentityCheck,
    IdentityMoment,
    IdentityResult,
    ProxyFlag,
    ProxyFlagMember,
    StudySignal,
)
from courses.models import CourseRun
from tests.assessments.test_completion_decision import world  # noqa: F401

from .evidence_support import evidence_world

pytestmark = pytest.mark.django_db


def _records(pack_world, day: datetime.date = datetime.date(2026, 3, 28)) -> dict:
    enrolment = pack_world["enrolment"]
    at = timezone.now()
    passed = IdentityCheck.objects.create(
        user_id=enrolment.user_id,
        enrolment=enrolment,
        moment=IdentityMoment.LESSON,
        eval_cd="01",
        class_tme="09",
        route="motp",
        backend="hrd_motp",
        result=IdentityResult.OK,
        raw_code="200",
        provider_tx_id="TX-9-OK",
        address="203.0.113.7",
        at=at,
    )
    IdentityCheck.objects.create(
        user_id=enrolment.user_id,
        enrolment=enrolment,
        moment=IdentityMoment.LESSON,
        eval_cd="01",
        class_tme="09",
        route="motp",
        backend="hrd_motp",
        result=IdentityResult.FAILED,
        raw_code="AP001",
        address="203.0.113.7",
        at=at - datetime.timedelta(minutes=1),
    )
    StudySignal.objects.create(
        enrolment=enrolment,
        run=enrolment.run,
        day=day,
        kind=StudySignal.Kind.SUBMISSION,
        address="198.51.100.23",
        device_hash="d" * 32,
        user_agent_hash="u" * 32,
        count=3,
        first_at=at,
        last_at=at,
    )
    flag = ProxyFlag.objects.create(
        run=enrolment.run,
        kind=ProxyFlag.Kind.ADDRESS,
        key="198.51.100.23",
        day=day,
        state=ProxyFlag.State.NORMAL,
        reason="같은 사업장의 공용 회선",
        decided_by=pack_world["manager"],
        decided_at=at,
    )
    ProxyFlagMember.objects.create(flag=flag, enrolment=enrolment)
    return {"passed": passed, "flag": flag}


def _table(pack, key):
    return next(t for t in pack.tables if t.key == key)


def test_identity_checks_addresses_flags_and_reports_are_in_the_pack(world):  # noqa: F811
    pack_world = evidence_world(world)
    _records(pack_world)
    enrolment = pack_world["enrolment"]
    pack = evidence.evidence_pack(enrolment)

    checks = _table(pack, "identity_checks").rows
    assert [(row[2], row[3], row[6], row[8]) for row in checks] == [
        ("01", "09", "AP001", "203.0.113.7"),
        ("01", "09", "200", "203.0.113.7"),
    ]
    assert checks[1][7] == "TX-9-OK" and checks[1][5] == "통과" and checks[0][5] == "실패"

    (signal,) = _table(pack, "study_signals").rows
    assert signal[0] == "2026.03.28" and signal[2] == "198.51.100.23" and signal[5] == "3"

    (flag,) = _table(pack, "proxy_flags").rows
    assert flag[2] == "198.51.100.23" and flag[5] == pack_world["manager"].name_ko
    assert flag[7] == "같은 사업장의 공용 회선"

    reports = _table(pack, "emon").rows
    written = EmonRecord.objects.filter(enrolment=enrolment).count()
    assert written and len(reports) >= written  # the outbox rows the funded world's changes wrote
    assert {row[1] for row in reports} >= {"attend_hist"}


def test_the_new_sections_read_in_a_fixed_number_of_queries(world):  # noqa: F811
    pack_world = evidence_world(world)
    enrolment = pack_world["enrolment"]
    with CaptureQueriesContext(connection) as before:
        evidence.evidence_pack(enrolment)
    _records(pack_world)
    _records(pack_world, day=datetime.date(2026, 3, 29))
    with CaptureQueriesContext(connection) as after:
        evidence.evidence_pack(enrolment)
    assert len(after) == len(before)


def test_the_sweep_destroys_them_after_three_years(world):  # noqa: F811
    pack_world = evidence_world(world)
    records = _records(pack_world)
    enrolment = pack_world["enrolment"]
    CourseRun.objects.filter(pk=enrolment.run_id).update(training_end=datetime.date(2026, 3, 31))
    retention.retention_sweep(now=datetime.datetime(2029, 4, 2, 1, 30, tzinfo=datetime.UTC))
    assert not IdentityCheck.objects.filter(enrolment=enrolment).exists()
    assert not StudySignal.objects.filter(enrolment=enrolment).exists()
    assert not ProxyFlag.objects.filter(pk=records["flag"].pk).exists()
    assert not EmonRecord.objects.filter(enrolment=enrolment).exists()


def test_inside_three_years_they_are_kept(world):  # noqa: F811
    pack_world = evidence_world(world)
    _records(pack_world)
    enrolment = pack_world["enrolment"]
    CourseRun.objects.filter(pk=enrolment.run_id).update(training_end=datetime.date(2026, 4, 10))
    retention.retention_sweep(now=datetime.datetime(2029, 4, 2, 1, 30, tzinfo=datetime.UTC))
    assert IdentityCheck.objects.filter(enrolment=enrolment).count() == 2
    assert StudySignal.objects.filter(enrolment=enrolment).exists()
    assert ProxyFlag.objects.filter(run_id=enrolment.run_id).exists()
