"""The demo quizzes use safe settings: the demo trainee, who passed with attempts left, sees no key."""

import pytest
from django.urls import reverse

from assessments.models import Attempt, Question, QuizPage, ReviewPolicy
from assessments.selectors import answers_visible

pytestmark = pytest.mark.django_db


def test_demo_quizzes_show_no_key_while_attempts_remain(client, shared_demo):
    quizzes = list(QuizPage.objects.live())
    assert quizzes
    for quiz in quizzes:
        assert quiz.max_attempts > 0, quiz.title
        assert quiz.review_policy in (ReviewPolicy.AFTER_SUBMIT, ReviewPolicy.AFTER_CLOSE, ReviewPolicy.SCORE_ONLY)
        assert quiz.shuffle_choices and quiz.shuffle_questions, quiz.title
    attempts = list(Attempt.objects.filter(user__email="trainee@example.com").select_related("quiz", "user"))
    assert attempts
    for attempt in attempts:  # the demo trainee passed each quiz at the first of its attempts
        assert attempt.passed and attempt.number < attempt.quiz.max_attempts
        assert not answers_visible(attempt=attempt)
        client.force_login(attempt.user)
        html = client.get(reverse("assessments:review", args=[attempt.public_id])).content.decode()

        questions = list(Question.objects.filter(pk__in=attempt.question_ids).prefetch_related("choices"))
        texts = " ".join(q.text for q in questions)
        secrets = [q.feedback for q in questions if q.feedback]
        secrets += [a for q in questions for a in q.accepted_answer_list if a not in texts]
        secrets += [c.feedback for q in questions for c in q.choices.all() if c.feedback]
        assert secrets
        for secret in secrets:
            assert secret not in html, (attempt.quiz.title, secret)
