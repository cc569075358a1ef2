"""Funded runs for the compliance tests: a course of 1-minute 차시, its ledger, the KST clock."""

import datetime

from django.utils import timezone

from compliance.models import StudyDayLesson
from courses.models import FundingScheme, LessonProgress
from courses.progress_rule import KST
from tests import factories as f

DAY = datetime.date(2026, 3, 2)
CAP_WORDING = "사업주 직업능력개발훈련 지원규정에 따라 1일 학습 가능한 차시(8차시)를 초과하였습니다."


def kst(day: datetime.date, hour: int, minute: int = 0, second: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=KST)


def make_funded(lesson_count: int = 17):
    """A funded run (훈련기간 around 2026-03-02 and today) of a course of 1-minute 차시, one trainee."""
    institute = f.institute_page()
    course = f.course_page(institute, simsa_code="S2026-0001")
    lessons = [f.lesson_page(course, f"{n}차시", minutes=1) for n in range(1, lesson_count + 1)]
    today = timezone.localdate()
    run = f.course_run(
        course,
        emp_ins_flag=FundingScheme.EMPLOYER,
        hrd_tracse_id="AIG20260000123456",
        hrd_tracse_tme="1",
        training_start=min(DAY, today) - datetime.timedelta(days=1),
        training_end=max(DAY, today) + datetime.timedelta(days=30),
        unlock_next_at=50,
    )
    enrolment = f.enrolment(run)
    return {"course": course, "lessons": lessons, "run": run, "enrolment": enrolment, "user": enrolment.user}


def studied(enrolment, lessons, day, *, seconds=60, finished=True):
    """``lessons`` received credit on ``day`` (KST): ledger rows and their progress (100 % when finished)."""
    for lesson in lessons:
        StudyDayLesson.objects.create(enrolment=enrolment, day=day, lesson=lesson, seconds=seconds)
        progress, _created = LessonProgress.objects.get_or_create(enrolment=enrolment, lesson=lesson)
        progress.seconds_studied += seconds
        if finished:
            progress.final_activity_at = timezone.now()
        progress.save()
