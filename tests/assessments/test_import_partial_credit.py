"""Numeric answers with partial credit, feedback per accepted answer and case-sensitive short answers:
read from GIFT and Moodle XML as Moodle reads them, refused where Moodle refuses them, and graded
with the credit and the case rule the file gave.

Fixtures: ``data/moodle_partial.{gift,xml}`` (``{#=3.7:0.05#… =%50%3.7:0.5#…}``, a partial range
written first, ``=%50%Real#feedback``, an escaped ``C\\#``; ``<usecase>1</usecase>`` and per-answer
feedback in Moodle XML) and ``data/moodle_partial_refused.{gift,xml}``.
"""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from assessments import grading
from assessments.importers import parse_question_bank
from assessments.models import Attempt, AttemptAnswer, Question
from tests import factories as f

from .import_support import DATA, import_staff, upload


def parsed(name):
    result = parse_question_bank(name, (DATA / name).read_bytes())
    assert result.errors == [] and result.unsupported == []
    return {q.name: q for q in result.questions}


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


def test_gift_numeric_answers_with_partial_credit_and_feedback():
    questions = parsed("moodle_partial.gift")

    cell = questions["셀 전압"]
    assert (cell.type, cell.value, cell.tolerance) == ("numeric", 3.7, 0.05)
    assert cell.other_numbers == [(3.7, 0.5, 0.5, "근접합니다. 공칭 전압은 3.7 V입니다.")]
    assert cell.wrong_feedback == "리튬폴리머 셀의 공칭 전압은 3.7 V입니다."
    # The partial range written first: the full-marks answer is still the question's answer.
    hover = questions["호버링 전류"]
    assert (hover.value, hover.tolerance) == (25.0, 1.0)
    assert hover.other_numbers == [(25.0, 5.0, 0.5, "")]


def test_gift_short_answer_feedback_per_answer_and_escaped_hash():
    questions = parsed("moodle_partial.gift")

    short = questions["단답 피드백"]
    assert short.answers == ["Real-Time", "Real"]
    assert short.answer_fractions == [1.0, 0.5]
    assert short.answer_feedback == ["정확합니다.", "절반만 맞았습니다. 정답은 Real-Time입니다."]
    assert short.case_sensitive is False  # GIFT has no case setting; Moodle imports it as "case does not matter"
    hash_question = questions["해시"]
    assert hash_question.answers == ["C#"] and hash_question.answer_feedback == ["맞습니다."]


def test_moodle_xml_usecase_and_feedback_per_answer():
    questions = parsed("moodle_partial.xml")

    sensitive = questions["대소문자 구분"]
    assert sensitive.case_sensitive is True
    assert sensitive.answers == ["GNSS", "GPS"]
    assert sensitive.answer_fractions == [1.0, 0.5]
    assert sensitive.answer_feedback == ["정확합니다.", "GPS는 미국의 시스템 하나입니다."]
    assert sensitive.wrong_feedback == "GNSS(Global Navigation Satellite System)입니다."
    assert questions["대소문자 무시"].case_sensitive is False
    cell = questions["셀 전압"]
    assert (cell.value, cell.tolerance, cell.points) == (3.7, 0.05, 2.0)
    assert cell.other_numbers == [(3.7, 0.5, 0.5, "근접합니다. 공칭 전압은 3.7 V입니다.")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "moodle_partial_refused.gift",
            {
                (
                    "line 5",
                    "Line 5: a numerical question needs an answer worth full marks (100%), so that a trainee can "
                    "earn every point; this one has only answers worth part of the points.",
                ),
                ("line 7", "Line 7: in the question “숫자 배점”, the answer “3.7” is worth 45%"),
            },
        ),
        (
            "moodle_partial_refused.xml",
            {
                ("question 2", "Question 2: in the question “숫자 배점”, the answer “3.7” is worth 45%"),
                (
                    "question 3",
                    "Question 3: a numerical question needs an answer worth full marks (100%), so that a trainee "
                    "can earn every point; this one has only answers worth part of the points.",
                ),
            },
        ),
    ],
)
def test_what_moodle_refuses_is_refused_with_the_question_named_and_numbered(name, expected):
    with translation.override("en"):
        result = parse_question_bank(name, (DATA / name).read_bytes())

    found = {(p.location, p.message) for p in result.errors}
    for location, start in expected:
        assert any(loc == location and message.startswith(start) for loc, message in found), found
    assert {loc for loc, _message in found} == {location for location, _start in expected}


def test_a_lone_partial_numeric_answer_is_refused_as_before():
    with translation.override("en"):
        result = parse_question_bank("one.gift", "숫자 {#=%50%3.7:0.5}".encode())
    assert [p.message for p in result.errors] == [
        "Line 1: a numerical question needs one answer worth full marks (100%); this one's answer is worth 50%."
    ]


# --------------------------------------------------------------------------------------------
# Grading (the rule itself)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "fraction", "feedback"),
    [
        ("3.7", Decimal("1"), ""),
        ("3.74", Decimal("1"), ""),
        ("3.9", Decimal("0.5"), "근접합니다"),
        ("3.2", Decimal("0.5"), "근접합니다"),
        ("4.3", Decimal("0"), ""),
    ],
)
def test_numeric_partial_credit_is_graded(given, fraction, feedback):
    question = Question(
        type="numeric",
        numeric_answer=Decimal("3.7"),
        tolerance=Decimal("0.05"),
        other_numeric_answers="%50%3.7:0.5#근접합니다",
    )
    assert grading.grade(question, [], str(grading.parse_number(given))) == fraction
    assert grading.matched_answer(question, given)[1] == feedback


@pytest.mark.parametrize(
    ("case_sensitive", "given", "fraction"),
    [(True, "GNSS", 1), (True, "gnss", 0), (True, "GPS", Decimal("0.5")), (False, "gnss", 1), (False, "gps", 0.5)],
)
def test_case_matters_only_when_the_question_says_so(case_sensitive, given, fraction):
    question = Question(type="short", accepted_answers="GNSS\n%50%GPS#미국 시스템", case_sensitive=case_sensitive)
    assert grading.grade(question, [], given) == Decimal(str(fraction))


def test_a_hash_in_an_accepted_answer_is_written_escaped_and_read_back():
    from assessments.models.bank import accepted_answer_line, parse_accepted_answer

    line = accepted_answer_line("C#", 0.5, "맞습니다 #1")
    assert line == "%50%C\\##맞습니다 \\#1"
    entry = parse_accepted_answer(line)
    assert (entry.pattern, entry.fraction, entry.feedback) == ("C#", Decimal("0.5"), "맞습니다 #1")


# --------------------------------------------------------------------------------------------
# End to end: the admin import, an attempt, the review
# --------------------------------------------------------------------------------------------


@pytest.fixture
def staff(client, db):
    return import_staff(client, "부분 점수")


def take(client, quiz, user, answers: dict[str, str]) -> Attempt:
    client.force_login(user)
    client.post(reverse("assessments:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=user, quiz=quiz)
    post = {"action": "submit"}
    for question in Question.objects.filter(pk__in=attempt.question_ids):
        post[f"q-{question.pk}"] = next(value for fragment, value in answers.items() if fragment in question.text)
    assert client.post(reverse("assessments:attempt", args=[attempt.public_id]), post).status_code == 302
    attempt.refresh_from_db()
    return attempt


def test_moodle_xml_import_is_graded_with_case_and_partial_credit(client, staff):
    response = upload(client, staff["bank"], "moodle_partial.xml")
    assert "문제 3개를 가져왔습니다" in response.content.decode()
    questions = list(Question.objects.filter(bank=staff["bank"]).order_by("pk"))
    assert [q.case_sensitive for q in questions] == [True, False, False]
    quiz = f.quiz_page(staff["course"], questions, max_attempts=1, review_policy="after_submit")
    trainee = f.enrolment(f.course_run(staff["course"])).user

    attempt = take(
        client,
        quiz,
        trainee,
        {"대문자로": "gnss", "지상 장비": "remote CONTROLLER", "공칭 전압": "3.9"},
    )

    earned = {
        a.question.text: a.fraction for a in AttemptAnswer.objects.filter(attempt=attempt).select_related("question")
    }
    assert sorted(earned.values()) == [Decimal("0.0000"), Decimal("0.5000"), Decimal("1.0000")]
    assert attempt.points_earned == Decimal("2.00")  # 0 + 1 + 2 × 50 %
    review = client.get(reverse("assessments:review", args=[attempt.public_id])).content.decode()
    assert "근접합니다. 공칭 전압은 3.7 V입니다." in review  # the feedback of the 50 % number matched
    assert "GNSS(Global Navigation Satellite System)입니다." in review  # "gnss" matched nothing: case matters
    assert "3.7 ± 0.5 (50%)" in review


def test_gift_import_shows_the_feedback_of_the_answer_matched(client, staff):
    response = upload(client, staff["bank"], "moodle_partial.gift")
    assert "문제 4개를 가져왔습니다" in response.content.decode()
    questions = list(Question.objects.filter(bank=staff["bank"]).order_by("pk"))
    quiz = f.quiz_page(staff["course"], questions, max_attempts=1, review_policy="after_submit")
    trainee = f.enrolment(f.course_run(staff["course"])).user

    attempt = take(
        client,
        quiz,
        trainee,
        {"셀 하나": "3.7", "호버링": "28", "R은": "real", "NET": "C#"},
    )

    earned = {
        a.question.text: a.fraction for a in AttemptAnswer.objects.filter(attempt=attempt).select_related("question")
    }
    assert sorted(earned.values()) == [Decimal("0.5000"), Decimal("0.5000"), Decimal("1.0000"), Decimal("1.0000")]
    review = client.get(reverse("assessments:review", args=[attempt.public_id])).content.decode()
    assert "절반만 맞았습니다. 정답은 Real-Time입니다." in review
    assert "맞습니다." in review  # the feedback of C\# (a hash sign, not the start of its feedback)


def test_the_question_form_refuses_an_answer_ending_in_a_bare_hash():
    """``C#`` typed in the form would silently become ``C`` with no feedback: it is refused instead."""
    from assessments.validation import question_problems

    with translation.override("en"):
        problems = question_problems(type="short", text="언어는?", choices=[], accepted_answers=["C#"])
        assert problems == [
            "“C#”: what follows # is the feedback for that answer, and there is none. Write \\# for a hash sign "
            "(e.g. C\\#), or write the feedback after the #."
        ]
        assert (
            question_problems(type="short", text="언어는?", choices=[], accepted_answers=["C\\#", "C#맞습니다"]) == []
        )
        assert question_problems(
            type="numeric",
            text="전압은?",
            choices=[],
            numeric_answer=Decimal("3.7"),
            other_numeric_answers=["%50%3.7:0.5#근접", "%45%3.7:1", "약 3.7"],
        ) == [
            "“3.7:1”: 45% is not a grade Moodle allows (such as 50, 33.33333 or 25).",
            "“약 3.7” is not an accepted number. Write value:tolerance or low..high, e.g. %50%3.7:0.5 or %50%3.2..4.2.",
        ]


@pytest.mark.parametrize(
    "line", ["%50%1e999999999", "%50%3.7:1e999999999", "%50%1..1e999999999", "%99999999999999999999999999999999%3.7"]
)
def test_an_other_accepted_number_beyond_any_answer_is_refused_and_never_breaks_grading(line):
    """Trainees' numbers above ``grading.MAX_NUMBER`` are refused; an instructor's accepted number
    that large would overflow the grading of every attempt (security review): the form refuses it,
    and a stored one is skipped."""
    from assessments.validation import question_problems

    problems = question_problems(
        type="numeric", text="셀 전압은?", choices=[], numeric_answer=Decimal("3.7"), tolerance=Decimal("0"),
        other_numeric_answers=[line],
    )  # fmt: skip
    assert problems

    question = Question(
        type="numeric", numeric_answer=Decimal("3.7"), tolerance=Decimal("0"), other_numeric_answers=line
    )
    assert grading.grade(question, [], "3.7") == 1
    assert grading.grade(question, [], "5") == 0
    assert isinstance(question.numeric_answer_list, list)
