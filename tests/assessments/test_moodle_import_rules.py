"""The importers accept what Moodle accepts and refuse what it refuses, and what they accept is graded
as Moodle grades it, end to end (import → attempt → grade).

Fixtures: ``data/moodle_rules.{gift,xml}`` (an essay, a matching question with a distractor, a short
answer with partial credit ``=%50%``, wildcard answers ``*``, a numeric answer with a wrong-answer
feedback branch ``{#3:2~#…}``) and ``data/moodle_rules_refused.{gift,xml}`` (grades outside Moodle's
list, ``question_bank::fraction_options_full()``).
"""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from assessments import grading, services
from assessments.fractions import MOODLE_FRACTIONS, allowed_fraction
from assessments.importers import parse_gift, parse_moodle_xml, parse_question_bank
from assessments.models import Attempt, AttemptAnswer, Question
from tests import factories as f

from .import_support import DATA, import_staff, upload

RULES = ["moodle_rules.gift", "moodle_rules.xml"]


def parsed(name):
    result = parse_question_bank(name, (DATA / name).read_bytes())
    assert result.errors == [] and result.unsupported == []
    return {q.name: q for q in result.questions}


# --------------------------------------------------------------------------------------------
# Parsing (no database)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", RULES)
def test_every_case_moodle_accepts_is_read(name):
    questions = parsed(name)

    assert {q.name: q.type for q in questions.values()} == {
        "비행 전 점검": "essay",
        "약어 짝짓기": "matching",
        "부분 점수": "short",
        "와일드카드": "short",
        "오답 피드백": "numeric",
    }
    assert questions["약어 짝짓기"].pairs == [
        ("RTH", "Return To Home"),
        ("RTK", "Real-Time Kinematic"),
        ("IMU", "Inertial Measurement Unit"),
        ("", "Electronic Speed Controller"),
    ]
    short = questions["부분 점수"]
    assert short.answers == ["Real-Time", "Real", "Re*"]
    assert short.answer_fractions == [1.0, 0.5, 0.25]
    assert questions["와일드카드"].answers == ["*넷*", "*4*"]
    numeric = questions["오답 피드백"]
    assert (numeric.value, numeric.tolerance) == (3.0, 2.0)
    assert numeric.wrong_feedback == "시계 오차까지 풀려면 네 개가 필요합니다."


def test_moodle_xml_essay_keeps_its_template_and_grader_information():
    essay = parsed("moodle_rules.xml")["비행 전 점검"]
    assert essay.points == 5.0
    assert essay.response_template == "1. 기체: 2. 배터리:"
    assert "만점" in essay.grader_info
    assert parsed("moodle_rules.xml")["부분 점수"].wrong_feedback == "Real-Time Kinematic입니다."


def test_gift_essay_may_carry_general_feedback_only():
    (question,) = parse_gift("점검 절차를 서술하세요. {####모범 답안: 기체, 배터리, 프로펠러}").questions
    assert question.type == "essay" and question.feedback == "모범 답안: 기체, 배터리, 프로펠러"


def test_gift_numeric_wrong_answer_branch_exactly_as_in_the_documentation():
    (question,) = parse_gift("값은? {#3:2~#feedback}").questions
    assert (question.value, question.tolerance, question.wrong_feedback) == (3.0, 2.0, "feedback")


def test_moodle_xml_reads_the_older_match_type_name_too():
    body = (
        b'<quiz><question type="match"><name><text>m</text></name><questiontext><text>q</text></questiontext>'
        b"<subquestion><text>a</text><answer><text>1</text></answer></subquestion>"
        b"<subquestion><text>b</text><answer><text>2</text></answer></subquestion></question></quiz>"
    )
    (question,) = parse_moodle_xml(body).questions
    assert question.type == "matching" and question.pairs == [("a", "1"), ("b", "2")]


def test_moodles_grade_list_and_its_tolerance():
    """``question_bank::fraction_options_full()`` and ``match_grade_options``' 0.00001."""
    assert len(MOODLE_FRACTIONS) == 41
    for percent in (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667):
        assert allowed_fraction(percent / 100) is not None and allowed_fraction(-percent / 100) is not None
    for percent in (14.28571, 12.5, 11.11111, 10, 5, 0, 33.333333, 66.666667):
        assert allowed_fraction(percent / 100) is not None
    for percent in (45, 35, 33.3, 99, 1, 66.66, -45, 150):
        assert allowed_fraction(percent / 100) is None


@pytest.mark.parametrize(
    ("name", "location", "problem"),
    [
        (
            "moodle_rules_refused.gift",
            "line 5",
            "Line 5: in the question “허용되지 않는 배점”, the answer “자이로스코프” is worth 45%",
        ),
        (
            "moodle_rules_refused.xml",
            "question 2",
            "Question 2: in the question “허용되지 않는 배점”, the answer “Real” is worth 35%",
        ),
    ],
)
def test_a_grade_outside_moodles_list_is_refused_naming_the_question(name, location, problem):
    with translation.override("en"):
        result = parse_question_bank(name, (DATA / name).read_bytes())
    messages = [(p.location, p.message) for p in result.errors]
    assert any(loc == location and message.startswith(problem) for loc, message in messages), messages
    assert all(loc == location for loc, _message in messages)


# --------------------------------------------------------------------------------------------
# End to end: import through the admin, take the quiz, grade
# --------------------------------------------------------------------------------------------


@pytest.fixture
def staff(client, db):
    return import_staff(client, "Moodle 규칙")


@pytest.mark.parametrize("name", ["moodle_rules_refused.gift", "moodle_rules_refused.xml"])
def test_a_refused_file_imports_nothing(client, staff, name):
    response = upload(client, staff["bank"], name)

    body = response.content.decode()
    assert "아무것도 가져오지 않았습니다" in body
    assert "허용되지 않는 배점" in body
    assert not Question.objects.exists()


def answer_as_a_trainee(client, quiz, user, answers: dict[str, str]) -> Attempt:
    """Through the attempt form (no JavaScript): matching answers by the labels the form shows."""
    client.force_login(user)
    client.post(reverse("assessments:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=user, quiz=quiz)
    questions = {q.text: q for q in Question.objects.filter(pk__in=attempt.question_ids)}
    post = {"action": "submit"}
    for question in questions.values():
        if question.type == "matching":
            options = services.match_options_for(attempt, [question])[question.pk]
            premise_token = {options.premise_texts[pid]: token for token, pid in options.premises.items()}
            answer_token = {options.texts[pid]: token for token, pid in options.answers.items()}
            post[f"q-{question.pk}"] = [
                f"{premise_token[premise]}:{answer_token[answer]}"
                for premise, answer in (
                    ("RTH", "Return To Home"),
                    ("RTK", "Real-Time Kinematic"),
                    ("IMU", "Electronic Speed Controller"),
                )
            ]
    for fragment, value in answers.items():
        question = next(q for text, q in questions.items() if fragment in text)
        post[f"q-{question.pk}"] = value
    response = client.post(reverse("assessments:attempt", args=[attempt.public_id]), post)
    assert response.status_code == 302
    attempt.refresh_from_db()
    return attempt


@pytest.mark.parametrize(
    ("name", "points", "provisional", "final"),
    [
        # points: essay, matching, partial, wildcard, numeric
        ("moodle_rules.gift", ("1", "1", "1", "1", "1"), Decimal("2.17"), Decimal("63.40")),
        ("moodle_rules.xml", ("5", "3", "1", "1", "1"), Decimal("3.50"), Decimal("77.27")),
    ],
)
def test_imported_questions_are_graded_as_moodle_grades_them(client, staff, name, points, provisional, final):
    response = upload(client, staff["bank"], name)
    assert "문제 5개를 가져왔습니다" in response.content.decode()
    questions = {q.text: q for q in Question.objects.filter(bank=staff["bank"])}
    assert len(questions) == 5
    ordered = sorted(questions.values(), key=lambda q: q.pk)
    assert [q.type for q in ordered] == ["essay", "matching", "short", "short", "numeric"]
    assert [f"{q.points.normalize():f}" for q in ordered] == list(points)
    quiz = f.quiz_page(staff["course"], ordered, max_attempts=1, review_policy="after_submit")
    trainee = f.enrolment(f.course_run(staff["course"])).user

    attempt = answer_as_a_trainee(
        client,
        quiz,
        trainee,
        {
            "서술하세요": "기체, 배터리, 프로펠러, 조종기를 점검합니다.",
            "R은 무엇의": "real",  # the second accepted answer, worth 50 %
            "쿼드": "프로펠러가 넷",  # *넷*
            "GNSS": "7",  # outside 3 ± 2: the wrong-answer branch
        },
    )

    earned = {}
    for answer in AttemptAnswer.objects.filter(attempt=attempt).select_related("question"):
        key = answer.question.type + ("-wild" if "*넷*" in answer.question.accepted_answers else "")
        earned[key] = answer.fraction
    assert earned == {
        "essay": None,  # waits for the instructor
        "matching": Decimal("0.6667"),  # 2 of 3 premises
        "short-wild": Decimal("1.0000"),
        "short": Decimal("0.5000"),
        "numeric": Decimal("0.0000"),
    }
    assert attempt.needs_grading and attempt.points_earned == provisional and attempt.passed is None

    review = client.get(reverse("assessments:review", args=[attempt.public_id])).content.decode()
    assert "시계 오차까지 풀려면 네 개가 필요합니다." in review  # the numeric wrong-answer feedback
    assert "Real (50%)" in review

    essay = AttemptAnswer.objects.get(attempt=attempt, question__type="essay")
    services.essay_grade(answer=essay, points=essay.question.points, comment="잘 썼습니다.", actor=staff["instructor"])
    attempt.refresh_from_db()
    assert not attempt.needs_grading and attempt.score == final


@pytest.mark.parametrize(
    ("given", "fraction"),
    [
        ("Real-Time", "1"),
        ("real time", "1"),  # case, spacing and punctuation never mattered here
        ("Real", "0.5"),
        ("Remote", "0.25"),  # Re*
        ("Kinematic", "0"),
        ("", "0"),
    ],
)
def test_short_answer_partial_credit_takes_the_first_match(db, given, fraction):
    bank = f.question_bank(f.institute_page())
    question = f.question(bank, "short", accepted_answers="Real-Time\n%50%Real\n%25%Re*")
    assert grading.grade(question, [], given or None) == Decimal(fraction)


def test_the_first_matching_answer_wins_even_when_a_later_one_is_worth_more(db):
    bank = f.question_bank(f.institute_page())
    question = f.question(bank, "short", accepted_answers="%50%*Kinematic\nReal-Time Kinematic")
    assert grading.grade(question, [], "Real-Time Kinematic") == Decimal("0.5")


@pytest.mark.parametrize(
    ("pattern", "given", "matches"),
    [
        ("*넷*", "프로펠러가 넷", True),
        ("*넷*", "넷", True),
        ("*넷*", "네 개", False),
        ("RT*", "RTK", True),
        ("RT*", "XRTK", False),
        ("R*K", "RTK", True),
        ("R**K", "RTK", True),
        ("5\\*", "5*", True),
        ("5\\*", "55", False),
        ("a.b*", "A B C", True),
    ],
)
def test_wildcards_as_moodle(pattern, given, matches):
    assert grading.short_answer_matches(given, pattern) is matches
