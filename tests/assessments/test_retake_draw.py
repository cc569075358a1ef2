"""A retake after the answer key was shown: a granted attempt at a funded run's 최종평가 drawn from an
item pool asks questions the trainee has not seen, as far as the pool allows, then those seen least
recently."""

import datetime
import random

import pytest
from django.utils import timezone

from assessments import services
from assessments.models import Attempt
from tests import factories as f

from .funded_support import funded_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = funded_course(end=timezone.localdate() + datetime.timedelta(days=10))
    bank = f.question_bank(world["institute"], world["course"])
    world["pool"] = [f.question(bank, "true_false", correct_answer=True, category="법규") for _ in range(9)]
    world["enrolment"] = f.enrolment(world["run"], progress_percent=100)
    return world


def pool_quiz(world, *, pool: int, draw: int):
    bank = world["pool"][0].bank
    if pool < len(world["pool"]):
        for question in world["pool"][pool:]:
            question.category = "기타"
            question.save(update_fields=["category"])
    quiz = f.quiz_page(
        world["course"],
        title="최종평가 (문제은행)",
        kind="final",
        draw_bank=bank,
        draw_category="법규",
        draw_count=draw,
        max_attempts=1,
        shuffle_questions=True,
    )
    quiz.save_revision().publish()
    return quiz


def take_with_a_retake(world, quiz, *, retakes: int) -> list[set[int]]:
    """The trainee's first attempt and ``retakes`` granted ones: the questions each asked."""
    user = world["enrolment"].user
    seen = []
    for number in range(retakes + 1):
        if number:
            services.retake_grant(
                enrolment=world["enrolment"], quiz=quiz, actor=world["manager"], reason="정답 공개 후 재응시 허용"
            )
        attempt = services.attempt_start(quiz=quiz, user=user)
        assert attempt.number == number + 1
        seen.append(set(attempt.question_ids))
        services.attempt_submit(attempt=attempt)
    return seen


def test_a_granted_retake_asks_only_questions_not_seen_before_while_the_pool_allows(world):
    quiz = pool_quiz(world, pool=9, draw=3)

    first, second, third = take_with_a_retake(world, quiz, retakes=2)

    assert len(first) == len(second) == len(third) == 3
    assert not first & second and not third & (first | second)  # nine questions, none asked twice


def test_when_the_pool_runs_short_the_questions_seen_least_recently_come_back(world):
    quiz = pool_quiz(world, pool=9, draw=3)

    first, second, third, fourth = take_with_a_retake(world, quiz, retakes=3)

    assert fourth == first  # every question seen: those of attempt 1, the longest ago


def test_a_small_pool_gives_every_unseen_question_and_fills_up_with_seen_ones(world):
    quiz = pool_quiz(world, pool=4, draw=3)

    first, second = take_with_a_retake(world, quiz, retakes=1)

    unseen = {q.pk for q in world["pool"][:4]} - first
    assert len(unseen) == 1 and unseen <= second
    assert len(second) == 3 and len(second & first) == 2


def test_the_draw_prefers_unseen_then_the_least_recently_seen():
    earlier = [Attempt(number=1, question_ids=[1, 2, 3]), Attempt(number=2, question_ids=[3, 4])]
    for seed in range(20):
        drawn = services.draw_questions(pool=[1, 2, 3, 4, 5], count=3, earlier=earlier, rng=random.Random(seed))
        assert set(drawn) == {5, 1, 2}  # 5 unseen; 1 and 2 last seen in attempt 1; 3 and 4 in attempt 2
    assert services.draw_questions(pool=[1, 2], count=3, earlier=[], rng=random.Random(0)) in ([1, 2], [2, 1])
