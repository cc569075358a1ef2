"""The question form of the admin for the new types: each panel names its types (the admin script shows
only those of the chosen type), and the server checks each type's fields whatever the browser sends."""

from decimal import Decimal

import pytest

from assessments.models import MatchPair, Question
from tests import factories as f
from tests.assessments.test_staff import question_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def two():
    institute = f.institute_page("알파연구원")
    course = f.course_page(institute, "알파 과정")
    return {"alpha_bank": f.question_bank(institute, course, "알파 은행"), "instructor": f.instructor_of(institute)}


ADD = "/cms/snippets/assessments/question/add/"


def pairs(*rows):
    data = {
        "match_pairs-TOTAL_FORMS": str(len(rows)),
        "match_pairs-INITIAL_FORMS": "0",
        "match_pairs-MIN_NUM_FORMS": "0",
        "match_pairs-MAX_NUM_FORMS": "1000",
    }
    for index, (premise, answer) in enumerate(rows):
        data.update(
            {
                f"match_pairs-{index}-premise": premise,
                f"match_pairs-{index}-answer": answer,
                f"match_pairs-{index}-ORDER": str(index + 1),
            }
        )
    return data


def no_choices():
    return {"choices-TOTAL_FORMS": "0"}


def test_the_form_marks_each_panel_with_its_question_types(client, two):
    client.force_login(two["instructor"])

    page = client.get(ADD).content.decode()

    assert "js/question_admin.js" in page
    for types in ('"single multiple"', '"matching"', '"essay"', '"short numeric"', '"true_false short numeric"'):
        assert f"data-question-types={types}" in page, types


def test_an_instructor_writes_a_matching_question_with_a_distractor(client, two):
    client.force_login(two["instructor"])
    data = question_form(
        two["alpha_bank"],
        type="matching",
        text="약어와 뜻을 짝지으세요.",
        **no_choices(),
        **pairs(("RTH", "귀환"), ("RTK", "측위"), ("", "속도 제어")),
    )

    response = client.post(ADD, data)

    assert response.status_code == 302, response.content.decode()[-2000:]
    question = Question.objects.get()
    assert list(question.match_pairs.values_list("premise", "answer")) == [
        ("RTH", "귀환"),
        ("RTK", "측위"),
        ("", "속도 제어"),
    ]


def test_an_instructor_writes_an_essay_with_a_template_and_grader_information(client, two):
    client.force_login(two["instructor"])
    data = question_form(
        two["alpha_bank"],
        type="essay",
        text="점검 절차를 서술하세요.",
        response_template="1. 기체:",
        grader_info="네 항목을 모두 쓰면 만점",
        **no_choices(),
    )

    assert client.post(ADD, data).status_code == 302
    question = Question.objects.get()
    assert (question.type, question.response_template, question.grader_info) == (
        "essay",
        "1. 기체:",
        "네 항목을 모두 쓰면 만점",
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"type": "matching", **pairs(("RTH", "귀환"))}, "짝이 두 개 이상"),
        ({"type": "matching", **pairs(("RTH", "귀환"), ("RTK", ""))}, "모든 짝에 답이"),
        ({"type": "matching", **pairs(("", "귀환"), ("", "측위"))}, "문항이 하나 이상"),
        ({"type": "essay", **pairs(("RTH", "귀환"), ("RTK", "측위"))}, "짝은 짝짓기 문제에만"),
        ({"type": "short", "accepted_answers": "RTK\n%45%Kinematic"}, "Moodle이 허용하는 배점"),
        ({"type": "short", "accepted_answers": "%50%Kinematic"}, "만점이어야 합니다"),
    ],
)
def test_fields_of_each_type_are_checked_on_the_server(client, two, fields, message):
    client.force_login(two["instructor"])
    data = question_form(two["alpha_bank"], text="문제", **no_choices(), **pairs())
    data.update(fields)

    response = client.post(ADD, data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.exists() and not MatchPair.objects.exists()


def test_a_short_answer_with_partial_credit_and_a_wildcard_is_saved(client, two):
    client.force_login(two["instructor"])
    data = question_form(
        two["alpha_bank"],
        type="short",
        text="RTK는?",
        accepted_answers="Real-Time Kinematic\n%50%*Kinematic",
        **no_choices(),
    )

    assert client.post(ADD, data).status_code == 302
    question = Question.objects.get()
    assert [(e.pattern, e.fraction) for e in question.accepted_answer_entries] == [
        ("Real-Time Kinematic", 1),
        ("*Kinematic", Decimal("0.5")),
    ]
