"""Matching questions, the sixth auto-graded type: a select per premise (no JavaScript needed),
opaque identifiers per attempt, answers in a random order, and Moodle's default score: the share of
premises matched rightly × the question's points."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from assessments import grading, services
from assessments.models import Attempt, AttemptAnswer, MatchPair
from tests import factories as f

pytestmark = pytest.mark.django_db

PAIRS = [
    ("RTH", "Return To Home"),
    ("RTK", "Real-Time Kinematic"),
    ("IMU", "Inertial Measurement Unit"),
    ("", "Electronic Speed Controller"),  # a distractor: an answer without a premise
]
SELECT = re.compile(r'<select id="m-([0-9a-f]{16})" name="q-(\d+)">(.*?)</select>', re.S)
OPTION = re.compile(r'<option value="([^"]*)"[^>]*>([^<]*)</option>')


def matching_question(bank, pairs=PAIRS, points="3"):
    question = f.question(bank, "matching", text="약어와 뜻을 짝지으세요.", points=points)
    for index, (premise, answer) in enumerate(pairs):
        MatchPair.objects.create(question=question, premise=premise, answer=answer, sort_order=index)
    return question


@pytest.fixture
def setup():
    institute = f.institute_page()
    course = f.course_page(institute, min_progress_percent=0)
    bank = f.question_bank(institute, course)
    question = matching_question(bank)
    quiz = f.quiz_page(course, [question], max_attempts=0, review_policy="score", shuffle_choices=True)
    enrolment = f.enrolment(f.course_run(course))
    return {"quiz": quiz, "question": question, "user": enrolment.user}


def start(client, setup):
    client.force_login(setup["user"])
    client.post(reverse("assessments:start", args=[setup["quiz"].pk]))
    attempt = Attempt.objects.get(user=setup["user"], state="in_progress")
    html = client.get(reverse("assessments:attempt", args=[attempt.public_id])).content.decode()
    return attempt, html


def form_selects(html):
    """premise text → {answer text: option value}, in the order the form shows them."""
    found = {}
    for token, _question_id, body in SELECT.findall(html):
        label = re.search(rf'<label for="m-{token}">([^<]*)</label>', html).group(1)
        found[label] = {text: value for value, text in OPTION.findall(body) if value}
    return found


def submit(client, attempt, values):
    return client.post(reverse("assessments:attempt", args=[attempt.public_id]), {"action": "submit", **values})


def test_the_form_has_a_select_per_premise_with_every_answer_and_no_ids(client, setup):
    attempt, html = start(client, setup)
    selects = form_selects(html)

    assert sorted(selects) == ["IMU", "RTH", "RTK"]
    for options in selects.values():
        assert sorted(options) == sorted(answer for _premise, answer in PAIRS)
    values = [value for options in selects.values() for value in options.values()]
    assert all(re.fullmatch(r"[0-9a-f]{16}:[0-9a-f]{16}", value) for value in values)  # never a pair id
    premise_tokens = {value.split(":")[0] for options in selects.values() for value in options.values()}
    answer_tokens = {value.split(":")[1] for options in selects.values() for value in options.values()}
    assert not premise_tokens & answer_tokens  # a premise and its own answer never share an identifier


def test_answers_are_not_listed_in_authoring_order_every_time(client, setup):
    """With four answers the authoring order comes up by chance 1 time in 24; never in all of eight."""
    shown_in_authoring_order = []
    for _ in range(8):
        attempt, html = start(client, setup)
        first_select = SELECT.findall(html)[0][2]
        texts = [text for value, text in OPTION.findall(first_select) if value]
        shown_in_authoring_order.append(texts == [answer for _premise, answer in PAIRS])
        submit(client, attempt, {})
    assert not all(shown_in_authoring_order)


def test_score_is_the_share_of_right_pairs_times_the_points(client, setup):
    attempt, html = start(client, setup)
    selects = form_selects(html)

    response = submit(
        client,
        attempt,
        {
            f"q-{setup['question'].pk}": [
                selects["RTH"]["Return To Home"],
                selects["RTK"]["Real-Time Kinematic"],
                selects["IMU"]["Electronic Speed Controller"],  # the distractor: wrong
            ]
        },
    )

    assert response.status_code == 302
    answer = AttemptAnswer.objects.get(attempt=attempt)
    assert answer.fraction == Decimal("0.6667")
    assert answer.points == Decimal("2.00")  # 2 of 3 premises × 3 points
    attempt.refresh_from_db()
    assert attempt.score == Decimal("66.67")


def test_a_form_reloaded_keeps_the_choices_and_order(client, setup):
    attempt, html = start(client, setup)
    selects = form_selects(html)
    client.post(
        reverse("assessments:save_answer", args=[attempt.public_id]),
        {"question": setup["question"].pk, "answer": [selects["RTK"]["Real-Time Kinematic"]]},
    )

    again = client.get(reverse("assessments:attempt", args=[attempt.public_id])).content.decode()

    assert form_selects(again) == selects
    assert f'value="{selects["RTK"]["Real-Time Kinematic"]}" selected' in again


def test_forged_or_repeated_values_are_refused_and_nothing_is_saved(client, setup):
    earlier, _html = start(client, setup)
    earlier_selects = form_selects(_html)
    submit(client, earlier, {})
    attempt, html = start(client, setup)
    selects = form_selects(html)
    url = reverse("assessments:save_answer", args=[attempt.public_id])
    right = selects["RTH"]["Return To Home"]

    for forged in (
        [earlier_selects["RTH"]["Return To Home"]],  # another attempt's identifiers
        [right.split(":")[0]],  # no answer part
        [right + "x"],
        ["0123456789abcdef:0123456789abcdef"],
        [right, selects["RTH"]["Real-Time Kinematic"]],  # two answers for one premise
    ):
        response = client.post(url, {"question": setup["question"].pk, "answer": forged})
        assert response.status_code == 400, forged
        assert response.json()["saved"] is False
    assert not AttemptAnswer.objects.filter(attempt=attempt).exists()


def test_answers_with_the_same_text_are_one_answer_and_both_premises_accept_it():
    pairs = [
        MatchPair(pk=1, premise="쿼드콥터", answer="멀티콥터"),
        MatchPair(pk=2, premise="헥사콥터", answer="멀티콥터"),
        MatchPair(pk=3, premise="세스나", answer="고정익"),
    ]
    options = grading.match_options("00000000-0000-0000-0000-000000000001", pairs)
    assert sorted(options.texts[pid] for pid in options.answers.values()) == ["고정익", "멀티콥터"]
    multicopter = next(pid for pid in options.answers.values() if options.texts[pid] == "멀티콥터")
    question = type("Q", (), {"type": "matching"})()
    assert grading.grade(question, pairs, {"1": multicopter, "2": multicopter, "3": multicopter}) == Decimal(2) / 3


def test_unanswered_premises_earn_nothing(setup):
    attempt = services.attempt_start(quiz=setup["quiz"], user=setup["user"])
    attempt = services.attempt_submit(attempt=attempt, raw_answers={})
    assert attempt.score == Decimal("0.00")
    assert AttemptAnswer.objects.get(attempt=attempt).points == Decimal("0.00")
