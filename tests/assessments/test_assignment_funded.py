"""과제 in funded runs (DOMAIN-KR §1.1, §1.5): it opens at 80 % progress, freezes with the training
period, and its score (converted to 100) is the 과제 part of the weighted 수료기준."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from assessments import assignments
from assessments.models import AssignmentSubmission
from assessments.services import AssessmentError
from courses import completion
from courses.models import Enrolment
from tests import factories as f

from .funded_support import END, funded_course, kst
from .test_funded_completion import graded

pytestmark = pytest.mark.django_db

DURING = kst(END - datetime.timedelta(days=5), 10)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    world = funded_course()
    world["assignment"] = f.assignment_page(world["course"], max_score=50, title="정비 보고서")
    world["instructor"] = f.instructor_of(world["institute"])
    return world


def trainee(world, progress: int) -> Enrolment:
    enrolment = f.enrolment(world["run"], progress_percent=progress)
    return Enrolment.objects.select_related("run__course").get(pk=enrolment.pk)


def test_the_assignment_opens_at_80_percent_progress(world):
    page = world["assignment"]
    early = trainee(world, 79)
    with pytest.raises(AssessmentError, match="80% progress"):
        assignments.submission_save(assignment=page, user=early.user, text="답", now=DURING)
    assert not AssignmentSubmission.objects.exists()
    ready = trainee(world, 80)
    assert assignments.submission_save(assignment=page, user=ready.user, text="답", now=DURING).pk


def test_nothing_changes_after_the_training_period_even_when_reopened(world):
    page = world["assignment"]
    enrolment = trainee(world, 90)
    submission = assignments.submission_save(assignment=page, user=enrolment.user, text="답", submit=True, now=DURING)
    after = kst(END + datetime.timedelta(days=1), 0, 0, 1)  # 00:00:01 KST the day after training_end
    assignments.submission_reopen(
        submission=submission, actor=world["instructor"], reason="마감 후 재제출 요청", now=after
    )
    with pytest.raises(AssessmentError, match="training period ended"):
        assignments.submission_save(assignment=page, user=enrolment.user, text="늦은 수정", submit=True, now=after)
    assert AssignmentSubmission.objects.get().text == "답"
    # 첨삭 after the end is allowed (providers grade after the training period).
    AssignmentSubmission.objects.filter(pk=submission.pk).update(state="submitted")
    graded_now = assignments.submission_grade(submission=submission, actor=world["instructor"], score=30, now=after)
    assert graded_now.score == Decimal("30.00")


def test_weights_10_40_50_and_scores_50_70_and_an_assignment_of_30_of_50_make_63(world):
    enrolment = trainee(world, 80)
    graded(world["progress_test"], enrolment, 50)
    graded(world["final_test"], enrolment, 70)
    submission = assignments.submission_save(
        assignment=world["assignment"], user=enrolment.user, text="보고서", submit=True, now=DURING
    )
    with translation.override("ko"):
        item = next(i for i in completion.requirements(enrolment) if i.key == "weighted_total")
    assert not item.met and "과제 미제출" not in item.label  # submitted, not graded yet: counts 0 for now
    assert item.label.startswith("총점 33.00 / 60")

    # 60 of 100, graded during the period (the real clock is past this run's grading deadline)
    assignments.submission_grade(submission=submission, actor=world["instructor"], score=Decimal("30"), now=DURING)

    enrolment = Enrolment.objects.select_related("run__course").get(pk=enrolment.pk)
    with translation.override("ko"):
        items = completion.requirements(enrolment)
    total = next(i for i in items if i.key == "weighted_total")
    assert total.met and total.label.startswith("총점 63.00 / 60")
    # In a weighted funded run the 과제 counts in the total only, not as its own pass requirement.
    assert not [i for i in items if i.key.startswith("assignment:")]
    assert enrolment.status == Enrolment.Status.COMPLETED


def test_a_missing_assignment_counts_zero_and_is_named(world):
    enrolment = trainee(world, 80)
    graded(world["progress_test"], enrolment, 50)
    graded(world["final_test"], enrolment, 70)
    with translation.override("ko"):
        missing = [i.label for i in completion.missing(enrolment)]
    assert missing == [
        "총점 33.00 / 60 (진행단계평가 10 %, 최종평가 40 %, 과제 50 %: 과제 미제출)",
        "모든 평가 응시·제출 (진행단계평가, 최종평가, 과제): 과제 미제출",
    ]


def test_an_unfunded_run_keeps_the_assignments_own_pass_requirement(world):
    plain = funded_course(funded=False)
    page = f.assignment_page(plain["course"])
    enrolment = f.enrolment(plain["run"], progress_percent=10)
    enrolment = Enrolment.objects.select_related("run__course").get(pk=enrolment.pk)
    assert assignments.submission_save(assignment=page, user=enrolment.user, text="답").pk  # no 80 % gate
    assert f"assignment:{page.pk}" in {i.key for i in completion.requirements(enrolment)}
