"""The attempt form names choices by identifiers of that attempt, never by their ids.

Sorting a question's identifiers says nothing about the order its choices were written in (the
right one is often written first); the server maps them back; anything else is refused cleanly.
"""

import re

import pytest
from django.urls import reverse

from assessments.models import Attempt, AttemptAnswer
from tests import factories as f

pytestmark = pytest.mark.django_db

INPUT = re.compile(r'<input type="(?:radio|checkbox)" id="c-([^"]+)" name="q-(\d+)" value="([^"]+)"')


@pytest.fixture
def quiz_setup():
    institute = f.institute_page()
    course = f.course_page(institute, min_progress_percent=0)
    bank = f.question_bank(institute, course)
    single = f.question(
        bank,
        "single",
        text="정답이 먼저 작성된 문제",
        choices=[("정답", "1"), ("오답 1", "0"), ("오답 2", "0"), ("오답 3", "0")],
    )
    multiple = f.question(bank, "multiple", choices=[("가", "0.5"), ("나", "0.5"), ("다", "0")], partial_credit=True)
    short = f.question(bank, "short", accepted_answers="RTL")
    quiz = f.quiz_page(course, [single, multiple, short], max_attempts=0, review_policy="score")
    enrolment = f.enrolment(f.course_run(course))
    return {"quiz": quiz, "single": single, "multiple": multiple, "short": short, "user": enrolment.user}


def start(client, setup) -> tuple[Attempt, str]:
    client.post(reverse("assessments:start", args=[setup["quiz"].pk]))
    attempt = Attempt.objects.get(user=setup["user"], state="in_progress")
    return attempt, client.get(reverse("assessments:attempt", args=[attempt.public_id])).content.decode()


def identifiers(html: str) -> dict[int, list[str]]:
    """The choice identifiers of each question, in the order the form shows them."""
    found: dict[int, list[str]] = {}
    for element_id, question_id, value in INPUT.findall(html):
        assert element_id == value
        found.setdefault(int(question_id), []).append(value)
    return found


def submit(client, attempt, data):
    return client.post(reverse("assessments:attempt", args=[attempt.public_id]), {"action": "submit", **data})


def test_the_form_contains_no_choice_id_and_identifiers_change_with_each_attempt(client, quiz_setup):
    client.force_login(quiz_setup["user"])
    choice_ids = [c.pk for q in (quiz_setup["single"], quiz_setup["multiple"]) for c in q.choices.all()]

    seen = []
    for _ in range(2):
        attempt, html = start(client, quiz_setup)
        tokens = identifiers(html)
        assert sorted(tokens) == sorted([quiz_setup["single"].pk, quiz_setup["multiple"].pk])
        for pk in choice_ids:
            assert f'value="{pk}"' not in html and f'id="c-{pk}"' not in html
        assert all(re.fullmatch(r"[0-9a-f]{16}", t) for values in tokens.values() for t in values)
        seen.append(set(tokens[quiz_setup["single"].pk]))
        submit(client, attempt, {})

    assert not seen[0] & seen[1]


def test_sorting_the_identifiers_does_not_give_the_authoring_order(client, quiz_setup):
    """Choices are shown in authoring order here (no shuffling); their sorted identifiers are not,
    except by chance (1 in 24 per attempt): never in all of eight attempts."""
    client.force_login(quiz_setup["user"])
    sorted_as_written = []
    for _ in range(8):
        attempt, html = start(client, quiz_setup)
        shown = identifiers(html)[quiz_setup["single"].pk]
        sorted_as_written.append(sorted(shown) == shown)
        submit(client, attempt, {})

    assert not all(sorted_as_written)


def test_the_form_works_without_javascript(client, quiz_setup):
    client.force_login(quiz_setup["user"])
    attempt, _html = start(client, quiz_setup)
    right = quiz_setup["single"].choices.get(weight=1)
    both = [c.pk for c in quiz_setup["multiple"].choices.filter(weight__gt=0)]

    response = submit(
        client,
        attempt,
        {
            f"q-{quiz_setup['single'].pk}": attempt.choice_token(right.pk),
            f"q-{quiz_setup['multiple'].pk}": [attempt.choice_token(pk) for pk in both],
            f"q-{quiz_setup['short'].pk}": "rtl",
        },
    )

    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.state == "submitted" and attempt.score == 100
    assert attempt.answers.get(question=quiz_setup["multiple"]).response == sorted(both)


def test_autosave_maps_the_identifier_back_to_the_choice(client, quiz_setup):
    client.force_login(quiz_setup["user"])
    attempt, html = start(client, quiz_setup)
    question = quiz_setup["single"]
    token = identifiers(html)[question.pk][2]

    response = client.post(
        reverse("assessments:save_answer", args=[attempt.public_id]), {"question": question.pk, "answer": token}
    )

    assert response.status_code == 200 and response.json() == {"saved": True}
    assert attempt.answers.get(question=question).response == [attempt.choices_by_token(question.pk)[token]]


def test_forged_identifiers_are_refused_with_a_clear_error(client, quiz_setup):
    client.force_login(quiz_setup["user"])
    earlier, _html = start(client, quiz_setup)
    submit(client, earlier, {})
    attempt, html = start(client, quiz_setup)
    question = quiz_setup["single"]
    right = question.choices.get(weight=1)
    token = identifiers(html)[question.pk][0]
    url = reverse("assessments:save_answer", args=[attempt.public_id])

    for forged in (
        [str(right.pk)],  # the choice's id
        [earlier.choice_token(right.pk)],  # its identifier in another attempt
        ["0123456789abcdef"],
        ["x" * 400],
        [token, token],
        [attempt.choice_token(quiz_setup["multiple"].choices.first().pk)],  # another question's choice
    ):
        response = client.post(url, {"question": question.pk, "answer": forged})
        assert response.status_code == 400, forged
        assert response.json()["saved"] is False
        assert "보기 중에서 고르세요" in response.json()["error"]

    for action in ("save", "submit"):
        response = client.post(
            reverse("assessments:attempt", args=[attempt.public_id]),
            {"action": action, f"q-{question.pk}": str(right.pk)},
            follow=True,
        )
        assert response.status_code == 200
        assert "보기 중에서 고르세요" in response.content.decode()
    assert not AttemptAnswer.objects.filter(attempt=attempt).exists()
    attempt.refresh_from_db()
    assert attempt.is_open
