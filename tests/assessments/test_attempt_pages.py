"""The attempt as a trainee sees it over HTTP: nothing leaks before closing; only their own attempts."""

from decimal import Decimal

import pytest
from django.urls import reverse

from assessments.models import Attempt
from tests import factories as f

pytestmark = pytest.mark.django_db

# Unique strings that only the answer key contains: if any reaches the browser early, the test sees it.
SECRET_SHORT = "ZEBRA-KEY-42"
SECRET_NUMERIC = "987654.321"
SECRET_FEEDBACK = "SECRET-FEEDBACK-7"
SECRET_CHOICE_FEEDBACK = "CHOICE-FEEDBACK-9"


@pytest.fixture
def quiz_setup():
    institute = f.institute_page()
    course = f.course_page(institute, min_progress_percent=0)
    bank = f.question_bank(institute, course)
    questions = [
        f.question(
            bank,
            "single",
            text="지상관제 소프트웨어는?",
            choices=[("QGroundControl", "1"), ("메모장", "0")],
            feedback=SECRET_FEEDBACK,
        ),
        f.question(
            bank,
            "multiple",
            text="센서를 고르시오",
            choices=[("IMU", "0.5"), ("GPS", "0.5"), ("컵홀더", "0")],
            partial_credit=True,
        ),
        f.question(bank, "true_false", text="LiPo는 완충 보관한다", correct_answer=False),
        f.question(bank, "short", text="암호 단어는?", accepted_answers=SECRET_SHORT),
        f.question(bank, "numeric", text="값은?", numeric_answer=Decimal(SECRET_NUMERIC), tolerance=Decimal("0.001")),
    ]
    questions[0].choices.filter(weight=1).update(feedback=SECRET_CHOICE_FEEDBACK)
    quiz = f.quiz_page(course, questions, time_limit_minutes=30, review_policy="after_submit", max_attempts=1)
    run = f.course_run(course)
    return {"quiz": quiz, "questions": questions, "enrolment": f.enrolment(run), "course": course}


def assert_no_key(response):
    body = response.content.decode()
    for secret in (
        SECRET_SHORT,
        SECRET_NUMERIC,
        SECRET_FEEDBACK,
        SECRET_CHOICE_FEEDBACK,
        '"weight"',
        "is_correct",
        "correct_answer",
    ):
        assert secret not in body, (secret, response.request["PATH_INFO"])


def test_no_answer_key_reaches_the_browser_before_the_attempt_closes(client, quiz_setup):
    client.force_login(quiz_setup["enrolment"].user)
    q = quiz_setup["questions"]
    responses = [client.get(quiz_setup["quiz"].url)]
    started = client.post(reverse("assessments:start", args=[quiz_setup["quiz"].pk]))
    responses.append(started)
    attempt = Attempt.objects.get()
    url = reverse("assessments:attempt", args=[attempt.public_id])
    responses.append(client.get(url))
    right = q[0].choices.get(weight=1)
    for question_id, answer in (
        (q[0].pk, attempt.choice_token(right.pk)),
        (q[3].pk, "틀린 답"),
        (q[4].pk, "1.5"),
        (q[2].pk, "true"),
    ):
        responses.append(
            client.post(
                reverse("assessments:save_answer", args=[attempt.public_id]),
                {"question": question_id, "answer": answer},
            )
        )
    responses.append(
        client.post(
            reverse("assessments:save_answer", args=[attempt.public_id]), {"question": q[4].pk, "answer": "abc"}
        )
    )
    responses.append(client.post(url, {"action": "save", f"q-{q[1].pk}": []}))
    responses.append(client.get(url))
    responses.append(client.get(quiz_setup["quiz"].url))

    for response in responses:
        assert_no_key(response)

    submitted = client.post(url, {"action": "submit"}, follow=True)
    # The only attempt allowed is closed: no attempt is left, so the review shows the key.
    assert SECRET_SHORT in submitted.content.decode()
    assert SECRET_FEEDBACK in submitted.content.decode()


def test_review_waits_for_the_quiz_to_close_under_that_policy(client, quiz_setup):
    quiz = quiz_setup["quiz"]
    quiz.review_policy = "after_close"
    quiz.save()
    client.force_login(quiz_setup["enrolment"].user)
    client.post(reverse("assessments:start", args=[quiz.pk]))
    attempt = Attempt.objects.get()

    review = client.post(reverse("assessments:attempt", args=[attempt.public_id]), {"action": "submit"}, follow=True)

    text = review.content.decode()
    assert "점수" in text or "Score" in text
    assert SECRET_SHORT not in text and SECRET_FEEDBACK not in text


def test_malformed_answer_gets_a_clear_error(client, quiz_setup):
    client.force_login(quiz_setup["enrolment"].user)
    client.post(reverse("assessments:start", args=[quiz_setup["quiz"].pk]))
    attempt = Attempt.objects.get()
    numeric = quiz_setup["questions"][4]

    response = client.post(
        reverse("assessments:save_answer", args=[attempt.public_id]), {"question": numeric.pk, "answer": "abc"}
    )

    assert response.status_code == 400
    assert "5번 문제" in response.json()["error"] or "Question 5" in response.json()["error"]
    assert not attempt.answers.exists()


def test_another_trainee_cannot_read_or_answer_the_attempt(client, quiz_setup):
    client.force_login(quiz_setup["enrolment"].user)
    client.post(reverse("assessments:start", args=[quiz_setup["quiz"].pk]))
    attempt = Attempt.objects.get()
    intruder = f.enrolment(quiz_setup["enrolment"].run).user
    client.force_login(intruder)

    assert client.get(reverse("assessments:attempt", args=[attempt.public_id])).status_code == 404
    answer = client.post(
        reverse("assessments:save_answer", args=[attempt.public_id]),
        {"question": quiz_setup["questions"][3].pk, "answer": "x"},
    )
    assert answer.status_code == 404
    assert (
        client.post(reverse("assessments:attempt", args=[attempt.public_id]), {"action": "submit"}).status_code == 404
    )
    attempt.refresh_from_db()
    assert attempt.is_open and not attempt.answers.exists()


def test_quiz_is_for_enrolled_trainees_only(client, quiz_setup):
    client.force_login(f.UserFactory())

    page = client.get(quiz_setup["quiz"].url)
    start = client.post(reverse("assessments:start", args=[quiz_setup["quiz"].pk]), follow=True)

    assert page.status_code == 302
    assert not Attempt.objects.exists()
    assert "수강신청" in start.content.decode() or "Enrol" in start.content.decode()


def test_quiz_appears_in_the_course_syllabus(client, quiz_setup):
    client.force_login(quiz_setup["enrolment"].user)

    text = client.get(quiz_setup["course"].url).content.decode()

    assert quiz_setup["quiz"].title in text
    assert quiz_setup["quiz"].url in text
