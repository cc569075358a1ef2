"""수료기준 of funded runs (DOMAIN-KR §1.1): progress ≥ 80 % and the weighted total ≥ 60, a missing
submission counting 0; the "what is still missing" panel names each unmet part with numbers."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from assessments import funded
from assessments.models import Attempt
from courses import completion
from courses.models import Enrolment
from courses.services import enrolment_evaluate_completion
from tests import factories as f

from .funded_support import END, funded_course, kst

pytestmark = pytest.mark.django_db

#: Inside the training period (the clock the services are given; the real one is past its grading deadline).
DURING = kst(END - datetime.timedelta(days=5), 10)


@pytest.fixture
def assignment_scores(monkeypatch):
    """A stand-in for the 과제 activity: scores out of 100 by enrolment id (absent: not submitted)."""
    scores: dict[int, Decimal] = {}
    monkeypatch.setattr(
        funded, "_assignment_sources", [lambda enrolments: {e.pk: scores.get(e.pk) for e in enrolments}]
    )
    return scores


def graded(quiz, enrolment, score) -> Attempt:
    """A closed attempt with ``score`` (what grading leaves behind)."""
    number = Attempt.objects.filter(quiz=quiz, user=enrolment.user).count() + 1
    return Attempt.objects.create(
        quiz=quiz,
        enrolment=enrolment,
        user=enrolment.user,
        number=number,
        state=Attempt.State.SUBMITTED,
        score=Decimal(score),
        passed=Decimal(score) >= 60,
    )


def setup_trainee(world, *, progress, progress_test, final_test, assignment, scores):
    enrolment = f.enrolment(world["run"], progress_percent=progress)
    graded(world["progress_test"], enrolment, progress_test)
    graded(world["final_test"], enrolment, final_test)
    if assignment is not None:
        scores[enrolment.pk] = Decimal(assignment)
    return Enrolment.objects.select_related("run__course").get(pk=enrolment.pk)


def total_item(enrolment):
    return next(item for item in completion.requirements(enrolment) if item.key == "weighted_total")


def test_weights_10_40_50_and_scores_50_70_60_meet_the_score_requirement(assignment_scores):
    world = funded_course()
    enrolment = setup_trainee(
        world, progress=80, progress_test=50, final_test=70, assignment=60, scores=assignment_scores
    )

    with translation.override("ko"):
        item = total_item(enrolment)

    assert item.met and item.label.startswith("총점 63.00 / 60")
    assert completion.is_complete(enrolment)
    # The progress and final tests count in the total only: a 50 in the progress test fails no pass mark.
    assert not [i for i in completion.requirements(enrolment) if i.key.startswith("quiz:")]


def test_a_missing_assignment_counts_zero_and_the_panel_names_it(assignment_scores):
    world = funded_course()
    enrolment = setup_trainee(
        world, progress=80, progress_test=50, final_test=70, assignment=None, scores=assignment_scores
    )

    with translation.override("ko"):
        missing = completion.missing(enrolment)

    assert [item.label for item in missing] == [
        "총점 33.00 / 60 (진행단계평가 10 %, 최종평가 40 %, 과제 50 %: 과제 미제출)",
        "모든 평가 응시·제출 (진행단계평가, 최종평가, 과제): 과제 미제출",
    ]
    assert not completion.is_complete(enrolment)


def test_without_an_assignment_activity_the_assignment_counts_zero():
    world = funded_course()
    enrolment = f.enrolment(world["run"], progress_percent=100)
    graded(world["progress_test"], enrolment, 100)
    graded(world["final_test"], enrolment, 100)

    item = total_item(Enrolment.objects.select_related("run__course").get(pk=enrolment.pk))

    assert not item.met and "50.00" in item.label


def test_a_test_not_taken_counts_zero_and_is_named(assignment_scores):
    world = funded_course()
    enrolment = f.enrolment(world["run"], progress_percent=90)
    graded(world["final_test"], enrolment, 100)
    assignment_scores[enrolment.pk] = Decimal("100")

    with translation.override("ko"):
        item = total_item(Enrolment.objects.select_related("run__course").get(pk=enrolment.pk))

    assert (
        item.met and item.label == "총점 90.00 / 60 (진행단계평가 10 %, 최종평가 40 %, 과제 50 %: 진행단계평가 미응시)"
    )


def test_a_test_not_taken_keeps_the_trainee_from_completing_even_with_the_total_met(assignment_scores):
    """DOMAIN-KR §1.1: by the end of the training period the trainee has *taken* the 진행단계평가 and
    the 최종평가 (and submitted the 과제), whatever the weighted total."""
    world = funded_course()
    enrolment = f.enrolment(world["run"], progress_percent=100)
    graded(world["final_test"], enrolment, 100)
    assignment_scores[enrolment.pk] = Decimal("100")
    enrolment = Enrolment.objects.select_related("run__course").get(pk=enrolment.pk)

    with translation.override("ko"):
        missing = completion.missing(enrolment)

    assert [item.label for item in missing] == [
        "모든 평가 응시·제출 (진행단계평가, 최종평가, 과제): 진행단계평가 미응시"
    ]
    assert not enrolment_evaluate_completion(enrolment=enrolment, now=DURING)
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.ACTIVE


def test_a_test_taken_with_a_low_score_counts_as_taken(assignment_scores):
    world = funded_course()
    enrolment = setup_trainee(
        world, progress=100, progress_test=0, final_test=100, assignment=100, scores=assignment_scores
    )

    with translation.override("ko"):
        taken = next(item for item in completion.requirements(enrolment) if item.key == "assessments_taken")

    assert taken.met and taken.label == "모든 평가 응시·제출 (진행단계평가, 최종평가, 과제)"
    assert enrolment_evaluate_completion(enrolment=enrolment, now=DURING)


def test_an_attempt_waiting_for_its_essay_grades_counts_as_taken(assignment_scores):
    world = funded_course()
    enrolment = setup_trainee(
        world, progress=100, progress_test=80, final_test=80, assignment=100, scores=assignment_scores
    )
    Attempt.objects.filter(quiz=world["final_test"], enrolment=enrolment).update(
        score=None, passed=None, needs_grading=True
    )

    taken = next(item for item in completion.requirements(enrolment) if item.key == "assessments_taken")

    assert taken.met


def test_an_unweighted_part_need_not_be_taken(assignment_scores):
    world = funded_course()
    world["course"].weight_progress_test, world["course"].weight_final_test = 0, 50
    world["course"].save()
    enrolment = f.enrolment(world["run"], progress_percent=100)
    graded(world["final_test"], enrolment, 100)
    assignment_scores[enrolment.pk] = Decimal("100")
    enrolment = Enrolment.objects.select_related("run__course").get(pk=enrolment.pk)

    assert completion.missing(enrolment) == []


def test_progress_79_and_total_90_is_not_complete(assignment_scores):
    world = funded_course()
    enrolment = setup_trainee(
        world, progress=79, progress_test=90, final_test=90, assignment=90, scores=assignment_scores
    )

    assert total_item(enrolment).met
    assert [item.key for item in completion.missing(enrolment)] == ["progress"]
    assert not enrolment_evaluate_completion(enrolment=enrolment, now=DURING)
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.ACTIVE


def test_progress_80_and_total_60_is_complete(assignment_scores):
    world = funded_course()
    enrolment = setup_trainee(
        world, progress=80, progress_test=60, final_test=60, assignment=60, scores=assignment_scores
    )

    with translation.override("ko"):
        assert total_item(enrolment).label.startswith("총점 60.00 / 60 ")
    assert enrolment_evaluate_completion(enrolment=enrolment, now=DURING)
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.COMPLETED


def test_a_course_asking_less_progress_still_needs_80_in_a_funded_run(assignment_scores):
    world = funded_course()
    world["course"].min_progress_percent = 50
    world["course"].save()
    enrolment = setup_trainee(
        world, progress=79, progress_test=90, final_test=90, assignment=90, scores=assignment_scores
    )

    assert [item.key for item in completion.missing(enrolment)] == ["funded_progress"]


def test_unfunded_runs_keep_every_required_quiz_passed(assignment_scores):
    world = funded_course(funded=False)
    enrolment = setup_trainee(
        world, progress=80, progress_test=50, final_test=70, assignment=60, scores=assignment_scores
    )

    items = completion.requirements(enrolment)

    assert [item.key for item in items] == [
        "progress",
        f"quiz:{world['progress_test'].pk}",
        f"quiz:{world['final_test'].pk}",
    ]
    assert [item.key for item in completion.missing(enrolment)] == [f"quiz:{world['progress_test'].pk}"]  # 50 < 60
