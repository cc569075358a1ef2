"""In Chromium: the demo trainee takes a whole quiz, from start to the review page.

Choices are found by the attempt's own identifiers (never their ids); with attempts left, the
review shows the score but not the answer key."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from assessments.models import Attempt, QuizPage
from courses.models import CoursePage
from home.demo.people import DEFAULT_DEMO_PASSWORD

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]


def test_demo_trainee_takes_a_quiz_and_reviews_it(live_server, page):
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    course = CoursePage.objects.get(slug="flight-safety-aviation-law")
    quiz = QuizPage.objects.child_of(course).get()
    base = live_server.url
    page.on("dialog", lambda dialog: dialog.accept())

    page.goto(f"{base}/accounts/login/")
    page.get_by_label("이메일").fill("trainee@example.com")
    page.get_by_label("비밀번호").fill(DEFAULT_DEMO_PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url(f"{base}/learn/")

    page.goto(f"{base}{course.url}")
    page.get_by_role("link", name=quiz.title).first.click()
    page.wait_for_url(f"{base}{quiz.url}")
    page.get_by_role("button", name="응시 시작").click()
    page.wait_for_url(f"{base}/learn/attempts/**")
    attempt = Attempt.objects.get(quiz=quiz, user__email="trainee@example.com")
    assert page.locator("[data-timer-display]").inner_text() != ""

    for question in attempt.quiz.quiz_questions.all():
        q = question.question
        if q.type == "single":
            page.locator(f"#c-{attempt.choice_token(q.choices.get(weight__gte=1).pk)}").check()
        elif q.type == "multiple":
            for choice in q.choices.filter(weight__gt=0):
                page.locator(f"#c-{attempt.choice_token(choice.pk)}").check()
        elif q.type == "true_false":
            page.locator(f"#{'t' if q.correct_answer else 'f'}-{q.pk}").check()
        elif q.type == "short":
            page.locator(f"#a-{q.pk}").fill(q.accepted_answer_list[0])
        else:
            page.locator(f"#a-{q.pk}").fill(str(q.numeric_answer.normalize()))
    # Every answer was saved in the background already, before any button was pressed. A typed
    # answer is sent on "change", which fires when the field loses focus: questions are shuffled,
    # so the last one filled may be a typed one still holding the focus; Tab moves on from it.
    # (The CI failure this replaces waited on the first status on the page, which was that one.)
    # (a locator, not wait_for_function: a string predicate is eval'd, which the CSP refuses)
    page.keyboard.press("Tab")
    statuses = page.locator(".autosave-status")
    expect(statuses).to_have_text([re.compile(r"\S")] * statuses.count(), timeout=45000)
    assert attempt.answers.exists()

    page.get_by_role("button", name="제출").click()
    page.wait_for_url(f"{base}/learn/attempts/{attempt.public_id}/review/")

    text = page.content()
    assert "점수: 100 / 100" in text
    assert "합격" in text
    assert "badge--ok" not in text  # two attempts are left: no correct answer is marked
    assert "모든 응시 기회를 사용했거나" in text
    attempt.refresh_from_db()
    assert attempt.state == "submitted" and attempt.score == 100
