"""The answer key reaches a trainee only once they can start no further attempt (``answers_visible``).

Every page a trainee can reach is read as HTML (or JSON) and searched for strings that only the
key contains: accepted and numeric answers, question and choice feedback, the right/wrong badges.
"""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import services
from assessments.models import Attempt
from assessments.selectors import answers_visible
from courses.models import Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db

SECRET_SHORT = "ZEBRA-KEY-42"
SECRET_NUMERIC = "987654.321"
SECRET_FEEDBACK = "SECRET-QUESTION-FEEDBACK-7"
SECRET_RIGHT_CHOICE_FEEDBACK = "RIGHT-CHOICE-FEEDBACK-9"
SECRET_WRONG_CHOICE_FEEDBACK = "WRONG-CHOICE-FEEDBACK-3"
# Markup only the review of the key produces: the right/wrong badges and the accepted answers line.
KEY_MARKUP = ("badge--ok", "badge--danger", "badge--warn", "인정 답안", "Accepted answers")
SECRETS = (
    SECRET_SHORT,
    SECRET_NUMERIC,
    SECRET_FEEDBACK,
    SECRET_RIGHT_CHOICE_FEEDBACK,
    SECRET_WRONG_CHOICE_FEEDBACK,
    *KEY_MARKUP,
)


@pytest.fixture
def quiz_setup():
    institute = f.institute_page()
    course = f.course_page(institute, min_progress_percent=0)
    bank = f.question_bank(institute, course)
    single = f.question(
        bank,
        "single",
        text="지상관제 소프트웨어는?",
        choices=[("QGroundControl", "1"), ("메모장", "0")],
        feedback=SECRET_FEEDBACK,
    )
    single.choices.filter(weight=1).update(feedback=SECRET_RIGHT_CHOICE_FEEDBACK)
    single.choices.filter(weight=0).update(feedback=SECRET_WRONG_CHOICE_FEEDBACK)
    questions = [
        single,
        f.question(bank, "multiple", text="센서를 고르시오", choices=[("IMU", "0.5"), ("GPS", "0.5"), ("컵홀더", "0")]),
        f.question(bank, "true_false", text="LiPo는 완충 보관한다", correct_answer=False),
        f.question(bank, "short", text="암호 단어는?", accepted_answers=SECRET_SHORT),
        f.question(bank, "numeric", text="값은?", numeric_answer=Decimal(SECRET_NUMERIC), tolerance=Decimal("0.001")),
    ]
    quiz = f.quiz_page(course, questions, review_policy="after_submit", max_attempts=2)
    run = f.course_run(course)
    enrolment = f.enrolment(run)
    return {"quiz": quiz, "questions": questions, "course": course, "run": run, "enrolment": enrolment}


def assert_no_key(response):
    body = response.content.decode()
    for secret in SECRETS:
        assert secret not in body, (secret, response.request["PATH_INFO"], response.status_code)


def assert_key(response):
    body = response.content.decode()
    for secret in (SECRET_SHORT, SECRET_NUMERIC, SECRET_FEEDBACK, "badge--ok"):
        assert secret in body, (secret, response.request["PATH_INFO"])


def take_attempt(client, setup, *, answer_right_choice=True):
    """Start, answer through autosave and the form, submit: every response the trainee receives."""
    quiz, q = setup["quiz"], setup["questions"]
    responses = [client.get(quiz.url)]
    started = client.post(reverse("assessments:start", args=[quiz.pk]), follow=True)
    responses.append(started)
    attempt = Attempt.objects.filter(user=setup["enrolment"].user, quiz=quiz).order_by("-number").first()
    url = reverse("assessments:attempt", args=[attempt.public_id])
    save = reverse("assessments:save_answer", args=[attempt.public_id])
    choice = q[0].choices.get(weight=1 if answer_right_choice else 0)
    for question_id, answer in (
        (q[0].pk, attempt.choice_token(choice.pk)),
        (q[3].pk, "틀린 답"),
        (q[4].pk, "1.5"),
        (q[2].pk, "true"),
        (q[4].pk, "abc"),  # malformed: a 400 with an error message
    ):
        responses.append(client.post(save, {"question": question_id, "answer": answer}))
    responses.append(client.post(url, {"action": "save", f"q-{q[3].pk}": "내 답"}, follow=True))
    responses.append(client.get(url))
    submitted = client.post(url, {"action": "submit"}, follow=True)
    responses.append(submitted)
    responses.append(client.get(reverse("assessments:review", args=[attempt.public_id])))
    responses.append(client.get(quiz.url))
    responses.append(client.get(reverse("learn")))
    responses.append(client.get(setup["course"].url))
    return attempt, responses


def test_a_trainee_with_an_attempt_left_sees_no_key_on_any_page(client, quiz_setup):
    client.force_login(quiz_setup["enrolment"].user)

    attempt, responses = take_attempt(client, quiz_setup)

    attempt.refresh_from_db()
    assert attempt.state == "submitted"
    for response in responses:
        assert response.status_code in (200, 400), (response.request["PATH_INFO"], response.status_code)
        assert_no_key(response)
    review = responses[-4].content.decode()
    assert "점수" in review  # the score is shown under every policy
    assert "모든 응시 기회를" in review or "used all your attempts" in review  # and when the key will be


def test_the_key_appears_after_the_last_attempt_for_every_attempt(client, quiz_setup):
    client.force_login(quiz_setup["enrolment"].user)
    first, _responses = take_attempt(client, quiz_setup, answer_right_choice=False)

    second, responses = take_attempt(client, quiz_setup)

    assert second.number == 2
    assert_key(responses[-4])  # the review right after submitting the last attempt
    first_review = client.get(reverse("assessments:review", args=[first.public_id])).content.decode()
    assert SECRET_WRONG_CHOICE_FEEDBACK in first_review and SECRET_SHORT in first_review
    start = reverse("assessments:start", args=[quiz_setup["quiz"].pk])
    assert start not in client.get(quiz_setup["quiz"].url).content.decode()  # no attempt left to start


def test_an_earlier_review_stays_closed_while_the_last_attempt_is_in_progress(client, quiz_setup):
    quiz = quiz_setup["quiz"]
    client.force_login(quiz_setup["enrolment"].user)
    first, _responses = take_attempt(client, quiz_setup)

    client.post(reverse("assessments:start", args=[quiz.pk]))  # the last attempt, left open

    assert Attempt.objects.filter(quiz=quiz, state="in_progress").count() == 1
    assert_no_key(client.get(reverse("assessments:review", args=[first.public_id])))


def test_score_only_never_shows_the_key_but_always_the_score(client, quiz_setup):
    quiz = quiz_setup["quiz"]
    quiz.review_policy = "score"
    quiz.max_attempts = 1
    quiz.save()
    client.force_login(quiz_setup["enrolment"].user)

    attempt, responses = take_attempt(client, quiz_setup)

    for response in responses:
        assert_no_key(response)
    assert "점수" in responses[-4].content.decode()


def test_after_close_shows_the_key_once_the_quiz_has_closed(client, quiz_setup):
    quiz = quiz_setup["quiz"]
    quiz.review_policy = "after_close"
    quiz.max_attempts = 1
    quiz.closes_at = timezone.now() + datetime.timedelta(hours=1)
    quiz.save()
    client.force_login(quiz_setup["enrolment"].user)
    attempt, responses = take_attempt(client, quiz_setup)
    for response in responses:  # attempts used up, but the quiz is still open
        assert_no_key(response)

    quiz.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    quiz.save()

    assert_key(client.get(reverse("assessments:review", args=[attempt.public_id])))


def test_a_trainee_who_withdrew_with_an_attempt_left_still_sees_no_key(client, quiz_setup):
    client.force_login(quiz_setup["enrolment"].user)
    attempt, _responses = take_attempt(client, quiz_setup)

    Enrolment.objects.filter(pk=quiz_setup["enrolment"].pk).update(status=Enrolment.Status.WITHDRAWN)

    assert_no_key(client.get(reverse("assessments:review", args=[attempt.public_id])))


# --------------------------------------------------------------------------------------------
# The rule itself
# --------------------------------------------------------------------------------------------

LATER = datetime.timedelta(days=2)


def closed_attempts(setup, n, **quiz_fields):
    quiz = setup["quiz"]
    for name, value in quiz_fields.items():
        setattr(quiz, name, value)
    quiz.save()
    user = setup["enrolment"].user
    return [services.attempt_submit(attempt=services.attempt_start(quiz=quiz, user=user)) for _ in range(n)]


@pytest.mark.parametrize(
    ("policy", "max_attempts", "used", "closes", "visible"),
    [
        ("after_submit", 2, 1, False, False),  # an attempt left
        ("after_submit", 2, 2, False, True),  # all used
        ("after_submit", 2, 1, True, True),  # an attempt left, but the quiz has closed
        ("after_submit", 0, 3, False, False),  # no limit: attempts never run out
        ("after_submit", 0, 3, True, True),  # … until the quiz closes
        ("after_close", 1, 1, False, False),  # all used, quiz still open
        ("after_close", 2, 1, True, True),
        ("score", 1, 1, True, False),  # never
    ],
)
def test_answers_visible(quiz_setup, policy, max_attempts, used, closes, visible):
    closes_at = timezone.now() + datetime.timedelta(days=1)
    attempts = closed_attempts(quiz_setup, used, review_policy=policy, max_attempts=max_attempts, closes_at=closes_at)
    now = closes_at + LATER if closes else timezone.now()

    assert [answers_visible(attempt=a, now=now) for a in attempts] == [visible] * used


def test_answers_visible_never_for_an_open_attempt(quiz_setup):
    quiz_setup["quiz"].max_attempts = 1
    quiz_setup["quiz"].save()
    attempt = services.attempt_start(quiz=quiz_setup["quiz"], user=quiz_setup["enrolment"].user)

    assert not answers_visible(attempt=attempt, now=timezone.now() + datetime.timedelta(days=400))


def test_answers_visible_counts_attempts_of_every_run(quiz_setup):
    """One attempt in run 1 (then withdrawn), the last in run 2: the key opens for both only then."""
    user = quiz_setup["enrolment"].user
    (first,) = closed_attempts(quiz_setup, 1)
    assert not answers_visible(attempt=first)
    Enrolment.objects.filter(pk=quiz_setup["enrolment"].pk).update(status=Enrolment.Status.WITHDRAWN)
    f.enrolment(f.course_run(quiz_setup["course"], title="2026년 2차"), user=user)

    second = services.attempt_submit(attempt=services.attempt_start(quiz=quiz_setup["quiz"], user=user))

    assert second.number == 2 and second.enrolment_id != first.enrolment_id
    assert answers_visible(attempt=first) and answers_visible(attempt=second)


# --------------------------------------------------------------------------------------------
# Matching and essay questions
# --------------------------------------------------------------------------------------------

GRADER_SECRET = "GRADER-INFO-SECRET-8"
MATCH_PAIRS = [("RTH-PREMISE", "RETURN-HOME-ANSWER"), ("RTK-PREMISE", "KINEMATIC-ANSWER"), ("", "DISTRACTOR-ANSWER")]


@pytest.fixture
def match_and_essay_setup():
    from assessments.models import MatchPair

    institute = f.institute_page()
    course = f.course_page(institute, min_progress_percent=0)
    bank = f.question_bank(institute, course)
    matching = f.question(bank, "matching", text="짝지으세요", feedback=SECRET_FEEDBACK)
    for index, (premise, answer) in enumerate(MATCH_PAIRS):
        MatchPair.objects.create(question=matching, premise=premise, answer=answer, sort_order=index)
    essay = f.question(bank, "essay", text="서술하세요", grader_info=GRADER_SECRET)
    quiz = f.quiz_page(course, [matching, essay], review_policy="after_submit", max_attempts=2)
    enrolment = f.enrolment(f.course_run(course))
    return {
        "quiz": quiz,
        "matching": matching,
        "essay": essay,
        "user": enrolment.user,
        "instructor": f.instructor_of(institute),
    }


def take_match_and_essay(client, setup):
    from assessments.services import match_options_for

    quiz, user = setup["quiz"], setup["user"]
    client.force_login(user)
    responses = [client.post(reverse("assessments:start", args=[quiz.pk]), follow=True)]
    attempt = Attempt.objects.filter(user=user, quiz=quiz).order_by("-number").first()
    url = reverse("assessments:attempt", args=[attempt.public_id])
    options = match_options_for(attempt, [setup["matching"]])[setup["matching"].pk]
    premise = {options.premise_texts[pid]: token for token, pid in options.premises.items()}
    answer = {options.texts[pid]: token for token, pid in options.answers.items()}
    responses.append(
        client.post(
            reverse("assessments:save_answer", args=[attempt.public_id]),
            {
                "question": setup["matching"].pk,
                "answer": [f"{premise['RTH-PREMISE']}:{answer['DISTRACTOR-ANSWER']}"],
            },
        )
    )
    responses.append(client.get(url))
    responses.append(client.post(url, {"action": "submit", f"q-{setup['essay'].pk}": "나의 서술형 답안"}, follow=True))
    responses.append(client.get(reverse("assessments:review", args=[attempt.public_id])))
    responses.append(client.get(quiz.url))
    return attempt, responses


def test_matching_pairs_and_grader_info_stay_hidden_while_an_attempt_is_left(client, match_and_essay_setup):
    setup = match_and_essay_setup
    attempt, responses = take_match_and_essay(client, setup)

    for response in responses:
        body = response.content.decode()
        assert GRADER_SECRET not in body
        assert SECRET_FEEDBACK not in body
        # which answer belongs to which premise is the key: never shown side by side
        assert "RTH-PREMISE → RETURN-HOME-ANSWER" not in body
        for markup in KEY_MARKUP:
            assert markup not in body, markup
    review = responses[-2].content.decode()
    assert "RETURN-HOME-ANSWER" not in review and "KINEMATIC-ANSWER" not in review
    assert "나의 서술형 답안" in review  # the trainee's own essay is theirs to read


def test_the_essay_comment_is_shown_after_grading_even_with_the_key_hidden(client, match_and_essay_setup):
    setup = match_and_essay_setup
    attempt, _responses = take_match_and_essay(client, setup)
    essay = attempt.answers.get(question=setup["essay"])
    services.essay_grade(answer=essay, points=Decimal("1"), comment="첨삭-코멘트-입니다", actor=setup["instructor"])

    client.force_login(setup["user"])
    review = client.get(reverse("assessments:review", args=[attempt.public_id])).content.decode()

    assert "첨삭-코멘트-입니다" in review
    assert "RETURN-HOME-ANSWER" not in review and GRADER_SECRET not in review


def test_matching_key_appears_after_the_last_attempt_and_grader_info_never(client, match_and_essay_setup):
    setup = match_and_essay_setup
    take_match_and_essay(client, setup)
    last, responses = take_match_and_essay(client, setup)

    review = responses[-2].content.decode()
    assert "RETURN-HOME-ANSWER" in review and "KINEMATIC-ANSWER" in review  # the right answer of each premise
    assert SECRET_FEEDBACK in review
    assert GRADER_SECRET not in review


def test_the_key_hides_again_when_a_funded_run_of_the_course_allows_a_new_attempt(client, quiz_setup):
    """Review: attempts are counted across runs, but a funded run's progress or final test allows one
    attempt in that run (``start_refusal``). A trainee who used every attempt in an earlier run and
    saw the key must not read it while a new funded run lets them take the test again."""
    from courses.models import FundingScheme

    quiz, enrolment = quiz_setup["quiz"], quiz_setup["enrolment"]
    quiz.kind, quiz.max_attempts = "final", 1
    quiz.save(update_fields=["kind", "max_attempts"])
    first = services.attempt_submit(attempt=services.attempt_start(quiz=quiz, user=enrolment.user))
    assert answers_visible(attempt=first)

    Enrolment.objects.filter(pk=enrolment.pk).update(status=Enrolment.Status.WITHDRAWN)
    today = timezone.localdate()
    funded_run = f.course_run(
        quiz_setup["course"],
        title="2026년 2차",
        emp_ins_flag=FundingScheme.EMPLOYER,
        hrd_tracse_id="AIG20260000123456",
        hrd_tracse_tme="2",
        training_start=today - datetime.timedelta(days=1),
        training_end=today + datetime.timedelta(days=30),
    )
    f.enrolment(funded_run, user=enrolment.user)

    assert not answers_visible(attempt=first)
    client.force_login(enrolment.user)
    assert_no_key(client.get(reverse("assessments:review", args=[first.public_id])))
