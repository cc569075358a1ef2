"""Staff side: question authoring scoped to the institute, practical grading, gradebook, item analysis."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from assessments import services
from assessments.models import PracticalResult, Question
from courses.models import Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def two():
    alpha, beta = f.institute_page("알파연구원"), f.institute_page("베타연구원")
    alpha_course, beta_course = (
        f.course_page(alpha, "알파 과정", min_progress_percent=0),
        f.course_page(beta, "베타 과정"),
    )
    return {
        "alpha": alpha,
        "beta": beta,
        "alpha_course": alpha_course,
        "beta_course": beta_course,
        "alpha_bank": f.question_bank(alpha, alpha_course, "알파 은행"),
        "beta_bank": f.question_bank(beta, beta_course, "베타 은행"),
        "instructor": f.instructor_of(alpha),
    }


def question_form(bank, **overrides):
    data = {
        "bank": bank.pk,
        "category": "",
        "type": "single",
        "points": "1",
        "text": "다음 중 GNSS가 아닌 것은?",
        "choices-TOTAL_FORMS": "2",
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
        "choices-0-text": "GPS",
        "choices-0-weight": "0",
        "choices-0-feedback": "",
        "choices-0-ORDER": "1",
        "choices-1-text": "LTE",
        "choices-1-weight": "1",
        "choices-1-feedback": "",
        "choices-1-ORDER": "2",
        "match_pairs-TOTAL_FORMS": "0",
        "match_pairs-INITIAL_FORMS": "0",
        "match_pairs-MIN_NUM_FORMS": "0",
        "match_pairs-MAX_NUM_FORMS": "1000",
        "accepted_answers": "",
        "numeric_answer": "",
        "tolerance": "0",
        "feedback": "",
        "correct_answer": "",
    }
    data.update(overrides)
    return data


def test_instructor_writes_a_question_in_their_own_bank(client, two):
    client.force_login(two["instructor"])

    response = client.post("/cms/snippets/assessments/question/add/", question_form(two["alpha_bank"]))

    assert response.status_code == 302, response.content.decode()[-3000:]
    question = Question.objects.get()
    assert question.bank == two["alpha_bank"] and question.choices.count() == 2


def test_invalid_question_gets_field_errors_and_nothing_is_saved(client, two):
    client.force_login(two["instructor"])

    response = client.post(
        "/cms/snippets/assessments/question/add/", question_form(two["alpha_bank"], **{"choices-1-weight": "0"})
    )

    assert response.status_code == 200
    assert not Question.objects.exists()


def test_instructor_cannot_use_or_open_another_institutes_bank(client, two):
    foreign = f.question(two["beta_bank"], "true_false", correct_answer=True, text="베타의 문제")
    client.force_login(two["instructor"])

    listing = client.get("/cms/snippets/assessments/question/").content.decode()
    assert "베타의 문제" not in listing
    assert client.get(f"/cms/snippets/assessments/question/edit/{foreign.pk}/").status_code == 404
    assert client.get(f"/cms/snippets/assessments/questionbank/edit/{two['beta_bank'].pk}/").status_code == 404
    response = client.post("/cms/snippets/assessments/question/add/", question_form(two["beta_bank"]))
    assert response.status_code == 200  # the bank is not a valid choice for them
    assert Question.objects.count() == 1


def test_practical_grading_counts_for_completion(client, two):
    course = two["alpha_course"]
    practical = f.practical_assessment(course)
    run = f.course_run(course)
    enrolment = f.enrolment(run)
    criteria = list(practical.criteria.all())
    client.force_login(two["instructor"])

    client.post(
        f"/cms/assessments/runs/{run.pk}/practical/{practical.pk}/",
        {
            "enrolment": enrolment.pk,
            f"score-{criteria[0].pk}": "30",
            f"score-{criteria[1].pk}": "45",
            f"comment-{criteria[1].pk}": "호버링 안정적",
        },
    )

    result = PracticalResult.objects.get()
    assert result.score == Decimal("75.00") and result.passed and result.graded_by == two["instructor"]
    assert result.comments == {str(criteria[1].pk): "호버링 안정적"}
    assert Enrolment.objects.get(pk=enrolment.pk).status == "completed"


def test_practical_points_outside_the_rubric_are_refused(two):
    practical = f.practical_assessment(two["alpha_course"])
    enrolment = f.enrolment(f.course_run(two["alpha_course"]))
    criteria = list(practical.criteria.all())

    with pytest.raises(services.AssessmentError):
        services.practical_grade(
            assessment=practical,
            enrolment=enrolment,
            scores={criteria[0].pk: 41, criteria[1].pk: 10},
            comments={},
            actor=None,
        )
    assert not PracticalResult.objects.exists()


def test_instructor_cannot_grade_outside_their_institute(client, two):
    practical = f.practical_assessment(two["beta_course"])
    run = f.course_run(two["beta_course"])
    enrolment = f.enrolment(run)
    client.force_login(two["instructor"])

    response = client.post(f"/cms/assessments/runs/{run.pk}/practical/{practical.pk}/", {"enrolment": enrolment.pk})

    assert response.status_code == 404
    assert not PracticalResult.objects.exists()


@pytest.fixture
def graded_run(two):
    course = two["alpha_course"]
    bank = two["alpha_bank"]
    questions = [f.question(bank, "true_false", correct_answer=True, text=f"진술 {n}") for n in range(4)]
    quiz = f.quiz_page(course, questions, max_attempts=0, title="최종평가")
    run = f.course_run(course)
    trainees = []
    for n in range(6):
        enrolment = f.enrolment(run, user=f.UserFactory(name_ko=f"교육생{n}"))
        attempt = services.attempt_start(quiz=quiz, user=enrolment.user)
        # Trainee n answers the first n questions right (n > 3: all right), the rest wrong.
        answers = {q.pk: ["true" if i < n else "false"] for i, q in enumerate(questions)}
        services.attempt_submit(attempt=attempt, raw_answers=answers)
        trainees.append(enrolment)
    return {"run": run, "quiz": quiz, "questions": questions}


def test_gradebook_shows_each_trainees_kept_score(client, two, graded_run):
    client.force_login(two["instructor"])

    response = client.get(f"/cms/assessments/runs/{graded_run['run'].pk}/gradebook/")

    rows = response.context["rows"]
    scores = sorted(float(row.cells[0]["score"]) for row in rows)
    assert scores == [0, 25, 50, 75, 100, 100]


def test_gradebook_exports(client, two, graded_run):
    client.force_login(two["instructor"])
    url = f"/cms/assessments/runs/{graded_run['run'].pk}/gradebook/"

    rows = list(
        csv.reader(
            io.StringIO(client.post(url, {"format": "csv", "reason": "성적 확인"}).content.decode().lstrip("\ufeff"))
        )
    )
    sheet = load_workbook(io.BytesIO(client.post(url, {"format": "xlsx", "reason": "성적 확인"}).content)).active

    assert rows[0][-2:] == ["최종평가 · 점수", "최종평가 · 결과"]
    assert len(rows) == 7
    assert sheet.max_row == 7


def test_gradebook_of_another_institute_is_404(client, two, graded_run):
    client.force_login(f.instructor_of(two["beta"]))

    assert client.get(f"/cms/assessments/runs/{graded_run['run'].pk}/gradebook/").status_code == 404
    assert client.get(f"/cms/assessments/quizzes/{graded_run['quiz'].pk}/analysis/").status_code == 404


def test_item_analysis_reports_facility_and_discrimination(client, two, graded_run):
    from assessments.selectors import item_analysis

    items = item_analysis(quiz=graded_run["quiz"])

    assert [item.responses for item in items] == [6, 6, 6, 6]
    assert items[0].facility == pytest.approx(5 / 6, abs=0.01)
    assert items[3].facility == pytest.approx(2 / 6, abs=0.01)
    assert all(item.discrimination > 0.3 for item in items)
    client.force_login(two["instructor"])
    assert client.get(f"/cms/assessments/quizzes/{graded_run['quiz'].pk}/analysis/").status_code == 200


def test_item_analysis_flags_a_question_with_a_wrong_key(two, graded_run):
    from assessments.selectors import item_analysis

    bank = two["alpha_bank"]
    course = two["alpha_course"]
    good = [f.question(bank, "true_false", correct_answer=True) for _ in range(3)]
    miskeyed = f.question(bank, "true_false", correct_answer=False, text="키가 틀린 문제")
    quiz = f.quiz_page(course, [*good, miskeyed], max_attempts=0)
    for n in range(8):
        enrolment = f.enrolment(graded_run["run"])
        attempt = services.attempt_start(quiz=quiz, user=enrolment.user)
        strong = n >= 4
        answers = {q.pk: ["true" if strong else "false"] for q in good}
        answers[miskeyed.pk] = ["true" if strong else "false"]  # strong trainees answer "true": the key says false
        services.attempt_submit(attempt=attempt, raw_answers=answers)

    flagged = {item.question.text: item.flag for item in item_analysis(quiz=quiz)}

    assert flagged["키가 틀린 문제"]


def test_staff_screens_are_headed_by_their_own_title_not_home(client, two, graded_run):
    """The admin's slim header shows the last breadcrumb as the page's visible title (the h1 is for
    screen readers only): each staff screen adds its own (without it the gradebook was headed 홈)."""
    from bs4 import BeautifulSoup

    client.force_login(two["instructor"])
    for url, title in (
        ("/cms/assessments/gradebook/", "성적부"),
        ("/cms/academy/approvals/", "수강신청 승인"),
    ):
        page = BeautifulSoup(client.get(url).content, "html.parser")
        shown = page.select("[data-w-breadcrumbs-target] li, .w-breadcrumbs li")
        assert shown and shown[-1].get_text(strip=True) == title, (url, [item.get_text(strip=True) for item in shown])
