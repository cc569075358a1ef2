"""Retention (DOMAIN-KR §1.9, §5.2, §5.4): the nightly sweep destroys what is past its retention,
keeps what is inside it, and logs category, count and time, never the values."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from django.utils import timezone

from assessments.models import AssignmentSubmission, Attempt
from certificates.models import Certificate, VerificationLog
from compliance import evidence, retention, tasks
from compliance.models import RetentionSweep, StoredEvidencePack, StudyDayLesson
from courses.models import CourseRun, Enrolment, EnrolmentEvent, LessonProgress
from courses.services import enrolments_recount_seconds
from ops.audit import audit_chain_verify
from ops.models import AuditEvent
from tests import factories as f
from tests.assessments.test_completion_decision import world  # noqa: F401

from .evidence_support import evidence_world

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2029, 4, 2)


def now_on(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, 1, 30, tzinfo=datetime.UTC)


@pytest.fixture
def two_runs(world):  # noqa: F811
    """The evidence world's run ended on 2026-03-31 (over 3 years before TODAY); a copy of its trainee's
    records in a second funded run that ended 2026-04-10 (inside 3 years on TODAY)."""
    old = evidence_world(world)
    evidence.evidence_pack_store(enrolment_id=old["enrolment"].pk)
    recent_run = f.course_run(
        old["course"],
        emp_ins_flag=1,
        hrd_tracse_id="AIG20260000123457",
        hrd_tracse_tme="2",
        training_start=datetime.date(2026, 3, 1),
        training_end=datetime.date(2026, 4, 10),
    )
    recent = f.enrolment(recent_run)
    LessonProgress.objects.create(enrolment=recent, lesson=old["lessons"][0], seconds_studied=60)
    enrolments_recount_seconds([old["enrolment"].pk, recent.pk])
    StudyDayLesson.objects.create(enrolment=recent, day=datetime.date(2026, 4, 1), lesson=old["lessons"][0], seconds=60)
    CourseRun.objects.filter(pk=old["run"].pk).update(training_end=datetime.date(2026, 3, 31))
    return {**old, "recent": recent}


def test_training_records_past_three_years_are_destroyed_and_those_inside_kept(
    two_runs, django_capture_on_commit_callbacks
):
    enrolment, recent = two_runs["enrolment"], two_runs["recent"]
    stored = StoredEvidencePack.objects.get(enrolment=enrolment)
    files = [Path(stored.csv_file.path), Path(stored.pdf_file.path)]
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 2
    assert Enrolment.objects.get(pk=enrolment.pk).seconds_studied > 0
    assert Attempt.objects.filter(enrolment=enrolment).exists()

    with django_capture_on_commit_callbacks(execute=True):
        sweeps = retention.retention_sweep(now=now_on(TODAY))

    for model in (LessonProgress, StudyDayLesson, EnrolmentEvent, Attempt, AssignmentSubmission):
        assert not model.objects.filter(enrolment=enrolment).exists(), model
    assert not StoredEvidencePack.objects.filter(enrolment=enrolment).exists()
    # The enrolment and its certificate stay (the code answers for ever).
    assert Enrolment.objects.filter(pk=enrolment.pk).exists()
    assert Certificate.objects.filter(enrolment=enrolment).exists()
    # The enrolment's sum of its lessons' seconds goes with them (kept in step with its rows).
    assert Enrolment.objects.get(pk=enrolment.pk).seconds_studied == 0
    # Inside the retention: kept.
    assert LessonProgress.objects.filter(enrolment=recent).count() == 1
    assert Enrolment.objects.get(pk=recent.pk).seconds_studied == 60
    assert StudyDayLesson.objects.filter(enrolment=recent).count() == 1

    by_category = {sweep.category: sweep for sweep in sweeps}
    assert set(by_category) == {"funded_training_records", "evidence_packs"}
    records = by_category["funded_training_records"]
    assert records.count >= 2 + 2 + 2 and records.cutoff == datetime.date(2026, 4, 2)
    assert by_category["evidence_packs"].count == 1
    assert RetentionSweep.objects.count() == 2
    entry = AuditEvent.objects.get(action="compliance.retention_destroyed", data__category="funded_training_records")
    assert entry.data["count"] == records.count and entry.data["parts"]["courses.lessonprogress"] == 2
    assert audit_chain_verify().ok
    assert not any(path.exists() for path in files)  # the pack's files went from the private storage


def test_the_destruction_log_never_holds_the_destroyed_values(two_runs):
    retention.retention_sweep(now=now_on(TODAY))
    logged = json.dumps(
        [
            list(RetentionSweep.objects.values()),
            list(AuditEvent.objects.filter(action__startswith="compliance.retention").values("reason", "data")),
        ],
        default=str,
        ensure_ascii=False,
    )
    for value in ("홍길동", "hong.gildong", "1차시", "정비 보고서", str(two_runs["enrolment"].public_id)):
        assert value not in logged


def test_a_second_sweep_destroys_nothing_and_logs_nothing(two_runs):
    retention.retention_sweep(now=now_on(TODAY))
    assert retention.retention_sweep(now=now_on(TODAY)) == []
    assert RetentionSweep.objects.count() == 2


def test_the_day_before_three_years_have_passed_nothing_is_destroyed(two_runs):
    assert retention.retention_sweep(now=now_on(datetime.date(2029, 3, 31))) == []
    assert LessonProgress.objects.filter(enrolment=two_runs["enrolment"]).count() == 2


def test_a_shorter_setting_is_raised_to_the_minimum(settings):
    settings.ACADEMY_RETENTION_YEARS = {
        **settings.ACADEMY_RETENTION_YEARS,
        "funded_training_records": 1,
        "access_logs": 5,
    }
    assert retention.retention_years("funded_training_records") == 3
    assert retention.retention_years("access_logs") == 5
    assert retention.cutoff("funded_training_records", datetime.date(2029, 4, 2)) == datetime.date(2026, 4, 2)


def test_access_logs_go_after_two_years_and_audit_events_are_never_swept():
    old = VerificationLog.objects.create(
        channel="page", client_hash="a" * 64, created_at=timezone.now() - datetime.timedelta(days=2 * 366 + 2)
    )
    kept = VerificationLog.objects.create(
        channel="page", client_hash="b" * 64, created_at=timezone.now() - datetime.timedelta(days=300)
    )
    ancient = AuditEvent.objects.count()
    from ops.audit import audit_record

    audit_record(action="test.ancient", at=timezone.now() - datetime.timedelta(days=365 * 10))

    assert tasks.retention_sweep_task() == 1

    assert (
        not VerificationLog.objects.filter(pk=old.pk).exists() and VerificationLog.objects.filter(pk=kept.pk).exists()
    )
    (sweep,) = RetentionSweep.objects.all()
    assert (sweep.category, sweep.count) == ("access_logs", 1)
    assert AuditEvent.objects.filter(action="test.ancient").exists() and AuditEvent.objects.count() == ancient + 2


def test_unfunded_runs_are_not_swept():
    run = f.course_run(
        f.course_page(f.institute_page()), starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2020, 2, 1)
    )
    enrolment = f.enrolment(run)
    lesson = f.lesson_page(run.course, "1차시", minutes=1)
    LessonProgress.objects.create(enrolment=enrolment, lesson=lesson, seconds_studied=60)
    assert retention.retention_sweep(now=now_on(TODAY)) == []
    assert LessonProgress.objects.filter(enrolment=enrolment).exists()


def test_the_beat_schedule_sweeps_nightly(settings):
    assert (
        settings.CELERY_BEAT_SCHEDULE["compliance-retention-sweep"]["task"] == "compliance.tasks.retention_sweep_task"
    )
