"""Grading of every question type, with property-based bounds."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments import grading
from assessments.grading import ResponseError, grade, normalise_text, parse_number, parse_response
from assessments.models import Choice, Question


def make_question(type, choices=(), **fields):
    question = Question(type=type, text="문제", points=Decimal("2"), **fields)
    objs = [Choice(pk=i + 1, text=t, weight=Decimal(w)) for i, (t, w) in enumerate(choices)]
    return question, objs


SINGLE = make_question("single", [("PX4", "1"), ("ArduPilot", "0"), ("Betaflight", "0")])
MULTI_ALL_OR_NOTHING = make_question("multiple", [("GPS", "1"), ("IMU", "1"), ("스피커", "0")])
MULTI_PARTIAL = make_question(
    "multiple", [("GPS", "0.5"), ("IMU", "0.5"), ("스피커", "-0.5"), ("컵홀더", "-0.5")], partial_credit=True
)


def test_single_choice():
    question, choices = SINGLE
    assert grade(question, choices, [1]) == 1
    assert grade(question, choices, [2]) == 0
    assert grade(question, choices, None) == 0


def test_multiple_choice_all_or_nothing():
    question, choices = MULTI_ALL_OR_NOTHING
    assert grade(question, choices, [1, 2]) == 1
    assert grade(question, choices, [1]) == 0
    assert grade(question, choices, [1, 2, 3]) == 0


def test_multiple_choice_partial_credit_with_penalties():
    question, choices = MULTI_PARTIAL
    assert grade(question, choices, [1, 2]) == 1
    assert grade(question, choices, [1]) == Decimal("0.5")
    assert grade(question, choices, [1, 3]) == 0
    assert grade(question, choices, [3, 4]) == 0  # never below zero


def test_true_false():
    question, _ = make_question("true_false", correct_answer=False)
    assert grade(question, [], False) == 1
    assert grade(question, [], True) == 0


@pytest.mark.parametrize(
    "given_answer",
    ["RTL", "rtl", " R T L ", "RTL.", "「RTL」", "ＲＴＬ", "Return-to-Launch", "return to launch!"],
)
def test_short_answer_ignores_case_spacing_width_and_punctuation(given_answer):
    question, _ = make_question("short", accepted_answers="RTL\nReturn to Launch")
    assert grade(question, [], given_answer) == 1


def test_short_answer_in_korean():
    question, _ = make_question("short", accepted_answers="비행승인\n비행 승인")
    assert grade(question, [], "비행승인.") == 1
    assert grade(question, [], "비행 허가") == 0
    assert grade(question, [], "") == 0


def test_numeric_with_tolerance():
    question, _ = make_question("numeric", numeric_answer=Decimal("3.7"), tolerance=Decimal("0.05"))
    assert grade(question, [], "3.7") == 1
    assert grade(question, [], "3.74") == 1
    assert grade(question, [], "3.76") == 0
    assert grade(question, [], str(parse_number("3,7"))) == 1


@pytest.mark.parametrize("raw", ["abc", "3.7.1", "NaN", "inf", "1e400", "3 미터"])
def test_text_where_a_number_belongs_is_refused(raw):
    question, _ = make_question("numeric", numeric_answer=Decimal("1"))

    with pytest.raises(ResponseError, match="숫자를 입력하세요|Enter a number"):
        parse_response(question, {}, [raw])


def test_numbers_in_common_notations_are_accepted():
    question, _ = make_question("numeric", numeric_answer=Decimal("1"))
    assert parse_response(question, {}, ["1,234.5"]) == "1234.5"
    assert parse_response(question, {}, ["３.７"]) == "3.7"
    assert parse_response(question, {}, [""]) is None


def test_unknown_choice_identifiers_and_oversized_input_are_refused():
    question, choices = SINGLE
    tokens = {"a1": 1, "b2": 2, "c3": 3}
    assert parse_response(question, tokens, ["b2"]) == [2]
    with pytest.raises(ResponseError):
        parse_response(question, tokens, ["99"])
    with pytest.raises(ResponseError):
        parse_response(question, tokens, ["a1", "b2"])
    with pytest.raises(ResponseError):
        parse_response(question, tokens, ["2"])  # a choice's id is not its identifier
    with pytest.raises(ResponseError):
        parse_response(question, tokens, ["one"])
    short, _ = make_question("short", accepted_answers="x")
    with pytest.raises(ResponseError):
        parse_response(short, {}, ["가" * (grading.MAX_TEXT + 1)])


def test_normalise_text():
    assert normalise_text("  P X-4 ! ") == "px4"
    assert normalise_text("비행·금지 구역") == "비행금지구역"


weights = st.decimals(min_value=-1, max_value=1, places=2)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    choice_weights=st.lists(weights, min_size=2, max_size=6),
    selected=st.sets(st.integers(min_value=1, max_value=6)),
    partial=st.booleans(),
    type=st.sampled_from(["single", "multiple"]),
)
def test_choice_scores_stay_between_zero_and_one(choice_weights, selected, partial, type):
    question = Question(type=type, text="q", points=Decimal("3"), partial_credit=partial)
    choices = [Choice(pk=i + 1, text=str(i), weight=w) for i, w in enumerate(choice_weights)]
    response = sorted(s for s in selected if s <= len(choices)) or None
    fraction = grade(question, choices, response)
    assert Decimal("0") <= fraction <= Decimal("1")


@settings(max_examples=300)
@given(text=st.text(max_size=60), answers=st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=4))
def test_short_answer_scores_are_zero_or_one(text, answers):
    question = Question(type="short", text="q", points=Decimal("1"), accepted_answers="\n".join(answers))
    assert grade(question, [], text) in (Decimal("0"), Decimal("1"))


@settings(max_examples=300)
@given(value=st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**9), max_value=10**9, places=3))
def test_numeric_responses_round_trip(value):
    question = Question(type="numeric", text="q", points=Decimal("1"), numeric_answer=value, tolerance=Decimal("0"))
    parsed = parse_response(question, {}, [str(value)])
    assert grade(question, [], parsed) == 1


def test_single_choice_may_give_part_of_the_points_for_a_near_answer():
    question, choices = make_question("single", [("PX4", "1"), ("ArduPilot", "0.5"), ("Betaflight", "0")])
    assert grade(question, choices, [2]) == Decimal("0.5")
    assert grade(question, choices, [3]) == 0
