"""The 과제 through the real services: submitting writes its score_hist row with the trainee's address,
grading (by the instructor, from elsewhere) a new row that keeps it, reopening a D row; Σ latest rows
stays the attend_hist total throughout."""

import datetime
from decimal import Decimal

import pytest

from assessments import assignments
from compliance.models import EmonRecord
from ops.requestcontext import ClientContext, client_context
from tests import factories as f
from tests.assessments.funded_support import END, funded_course, kst

pytestmark = pytest.mark.django_db

DURING = kst(END - datetime.timedelta(days=5), 10)


def latest(enrolment):
    scores, attend = {}, None
    for row in EmonRecord.objects.filter(enrolment=enrolment).order_by("seq"):
        if row.endpoint == "score_hist":
            scores[row.payload["evalType"]] = row.payload
        elif row.endpoint == "attend_hist":
            attend = row.payload
    return scores, attend


def assert_sum_holds(enrolment):
    scores, attend = latest(enrolment)
    assert sum((Decimal(str(p["score"])) for p in scores.values()), Decimal("0")) == Decimal(str(attend["totalScore"]))


def test_submit_grade_and_reopen_a_funded_assignment(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    world = funded_course()
    page = f.assignment_page(world["course"], max_score=50, title="정비 보고서")
    instructor = f.instructor_of(world["institute"])
    enrolment = f.enrolment(world["run"], progress_percent=90)

    with client_context(ClientContext(address="203.0.113.20")):
        submission = assignments.submission_save(
            assignment=page, user=enrolment.user, text="보고서", submit=True, now=DURING
        )
    scores, attend = latest(enrolment)
    assert scores["과제_1"]["score"] == 0.0  # submitted, not graded yet: counts 0
    assert scores["과제_1"]["accessIp"] == "203.0.113.20"
    assert scores["과제_1"]["submitDate"] == "2026-03-26 10:00:00"
    assert_sum_holds(enrolment)

    with client_context(ClientContext(address="10.1.1.1")):
        assignments.submission_grade(
            submission=submission, actor=instructor, score=40, now=DURING + datetime.timedelta(hours=2)
        )
    scores, attend = latest(enrolment)
    assert scores["과제_1"]["score"] == 40.0  # 40 / 50 → 80 of 100 × weight 50
    assert scores["과제_1"]["changeState"] == "U"
    assert scores["과제_1"]["accessIp"] == "203.0.113.20"  # the trainee's, not the grader's
    assert attend["totalScore"] == 40.0
    assert_sum_holds(enrolment)

    assignments.submission_reopen(submission=submission, actor=instructor, reason="재제출 요청")
    scores, attend = latest(enrolment)
    assert scores["과제_1"]["changeState"] == "D" and scores["과제_1"]["score"] == 0.0
    assert attend["totalScore"] == 0.0
    assert_sum_holds(enrolment)
