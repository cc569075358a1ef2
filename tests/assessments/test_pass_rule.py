"""One pass rule (``assessments.grading.passes``): against the higher of the item's pass mark and the
course's minimum, wherever a pass is shown or counted.

A score of 66.67 on a quiz whose pass mark is 60, in a course whose minimum is 70, used to be stored
and shown in the gradebook as 합격 while completion said the requirement was not met; now the stored
grade, the gradebook (page and export), the review page, the quiz page and completion all say it fails.
"""

import csv
import io
from decimal import Decimal

import pytest

from assessments import services
from assessments.grading import passes
from assessments.models import PracticalResult
from courses import completion
from courses.models import Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    institute = f.institute_page()
    return f.course_page(institute, min_progress_percent=0, min_assessment_score=70)


@pytest.fixture
def quiz_setup(course):
    bank = f.question_bank(course.institute, course)
    questions = [f.question(bank, "true_false", correct_answer=True, text=f"진술 {n}") for n in range(3)]
    quiz = f.quiz_page(course, questions, pass_mark=60, max_attempts=0, review_policy="after_submit")
    run = f.course_run(course)

    def attempt_with(right: int):
        enrolment = f.enrolment(run)
        attempt = services.attempt_start(quiz=quiz, user=enrolment.user)
        answers = {q.pk: ["true" if i < right else "false"] for i, q in enumerate(questions)}
        return enrolment, services.attempt_submit(attempt=attempt, raw_answers=answers)

    return {"quiz": quiz, "run": run, "attempt_with": attempt_with, "staff": f.instructor_of(course.institute)}


def test_the_rule_takes_the_higher_of_the_pass_mark_and_the_course_minimum(course):
    quiz = f.quiz_page(course, pass_mark=60)
    strict = f.quiz_page(course, pass_mark=80)

    assert not passes(quiz, course=course, score=Decimal("69.99"))
    assert passes(quiz, course=course, score=Decimal("70"))
    assert not passes(strict, course=course, score=Decimal("79.99"))
    assert passes(strict, course=course, score=Decimal("80"))
    assert not passes(quiz, course=course, score=None)


def gradebook_cell(client, quiz_setup, enrolment):
    client.force_login(quiz_setup["staff"])
    url = f"/cms/assessments/runs/{quiz_setup['run'].pk}/gradebook/"
    row = next(row for row in client.get(url).context["rows"] if row.enrolment.pk == enrolment.pk)
    exported = list(
        csv.reader(
            io.StringIO(client.post(url, {"format": "csv", "reason": "성적 확인"}).content.decode().lstrip("\ufeff"))
        )
    )
    line = next(line for line in exported if enrolment.user.email in line or enrolment.user.name_ko in line)
    return row.cells[0]["passed"], line[-1]


def test_a_score_between_the_pass_mark_and_the_course_minimum_fails_everywhere(client, quiz_setup):
    enrolment, attempt = quiz_setup["attempt_with"](2)  # 2 of 3: 66.67

    assert attempt.score == Decimal("66.67") and attempt.passed is False  # grading
    assert gradebook_cell(client, quiz_setup, enrolment) == (False, "불합격")  # gradebook and its export
    client.force_login(enrolment.user)
    review = client.get(f"/learn/attempts/{attempt.public_id}/review/")
    assert review.context["passes"] is False and "불합격" in review.content.decode()  # review page
    assert client.get(quiz_setup["quiz"].url).context["kept_passes"] is False  # quiz page
    missing = completion.missing(Enrolment.objects.select_related("run__course").get(pk=enrolment.pk))
    assert [item.key for item in missing] == [f"quiz:{quiz_setup['quiz'].pk}"]  # completion
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.ACTIVE


def test_a_score_at_the_course_minimum_passes_everywhere(client, quiz_setup):
    enrolment, attempt = quiz_setup["attempt_with"](3)  # 100

    assert attempt.passed is True
    assert gradebook_cell(client, quiz_setup, enrolment) == (True, "합격")
    client.force_login(enrolment.user)
    assert client.get(f"/learn/attempts/{attempt.public_id}/review/").context["passes"] is True
    assert client.get(quiz_setup["quiz"].url).context["kept_passes"] is True
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.COMPLETED


def test_a_practical_result_between_the_pass_mark_and_the_course_minimum_fails_everywhere(client, course):
    practical = f.practical_assessment(course, pass_mark=60)
    run = f.course_run(course)
    enrolment = f.enrolment(run)
    criteria = list(practical.criteria.all())

    result = services.practical_grade(
        assessment=practical,
        enrolment=enrolment,
        scores={criteria[0].pk: 25, criteria[1].pk: 40},  # 65 of 100
        comments={},
        actor=None,
    )

    assert result.score == Decimal("65.00") and PracticalResult.objects.get().passed is False
    client.force_login(f.instructor_of(course.institute))
    rows = client.get(f"/cms/assessments/runs/{run.pk}/gradebook/").context["rows"]
    assert rows[0].cells[0]["passed"] is False
    missing = completion.missing(Enrolment.objects.select_related("run__course").get(pk=enrolment.pk))
    assert [item.key for item in missing] == [f"practical:{practical.pk}"]
