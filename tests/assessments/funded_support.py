"""A funded run (사업주훈련) with a progress test and a final test, for the tests of DOMAIN-KR §1.1 and §1.5."""

import datetime
from zoneinfo import ZoneInfo

from courses.models import FundingScheme
from tests import factories as f

KST = ZoneInfo("Asia/Seoul")
END = datetime.date(2026, 3, 31)


def kst(day: datetime.date, hour: int, minute: int = 0, second: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=KST)


def funded_course(*, funded: bool = True, end: datetime.date = END, questions: int = 4):
    """A course weighted 10/40/50 with a progress test and a final test (60 minutes each), and a run."""
    institute = f.institute_page()
    course = f.course_page(
        institute,
        simsa_code="S2026-0001",
        weight_progress_test=10,
        weight_final_test=40,
        weight_assignment=50,
    )
    course.save_revision().publish()
    bank = f.question_bank(institute, course)
    items = [f.question(bank, "true_false", correct_answer=True) for _ in range(questions)]
    progress_test = f.quiz_page(course, items, kind="progress", time_limit_minutes=60, max_attempts=2)
    final_test = f.quiz_page(course, items, kind="final", time_limit_minutes=60, max_attempts=2)
    run_fields = {}
    if funded:
        run_fields = {
            "emp_ins_flag": FundingScheme.EMPLOYER,
            "hrd_tracse_id": "AIG20260000123456",
            "hrd_tracse_tme": "1",
            "training_start": end - datetime.timedelta(days=29),
            "training_end": end,
        }
    run = f.course_run(
        course, starts_on=end - datetime.timedelta(days=29), ends_on=end + datetime.timedelta(days=7), **run_fields
    )
    return {
        "institute": institute,
        "course": course,
        "items": items,
        "progress_test": progress_test,
        "final_test": final_test,
        "run": run,
        "manager": f.manager_of(institute),
    }
