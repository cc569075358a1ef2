"""Bench fixtures on the synthetic data set: trainees with sessions, a quiz, open attempts.

Run by ``bench/run.py`` with the production settings against the bench database; prints JSON that
says where everything is. Idempotent: the fixtures are made once and found again.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from assessments.models import Attempt, Choice, Question, QuestionBank, QuizPage, QuizQuestion
from certificates.models import Certificate
from courses.models import CoursePage, Enrolment, LessonPage

DOMAIN = "bench.example"
CSRF = "benchcsrftoken0123456789abcdefAB"  # 32 characters: sent as cookie and header


def session_for(user) -> str:
    """A signed-in session made through the configured engine (cached_db: in Redis too, as it
    would be after the trainee's earlier requests)."""
    from importlib import import_module

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def users(prefix: str, count: int, password_hash: str) -> list[User]:
    emails = [f"{prefix}-{n}@{DOMAIN}" for n in range(count)]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    User.objects.bulk_create(
        [
            User(email=e, name_ko=f"벤치{n}", name_en=f"Bench {n}", password=password_hash)
            for n, e in enumerate(emails)
            if e not in existing
        ],
        batch_size=5000,
    )
    by_email = {u.email: u for u in User.objects.filter(email__in=emails)}
    return [by_email[e] for e in emails]


def enrol(users_: list[User], run) -> None:
    have = set(Enrolment.objects.filter(run=run, user__in=users_).values_list("user_id", flat=True))
    Enrolment.objects.bulk_create(
        [Enrolment(user=u, run=run, status=Enrolment.Status.ACTIVE) for u in users_ if u.pk not in have],
        batch_size=5000,
    )


def quiz(course: CoursePage, slug: str, title: str, time_limit: int) -> QuizPage:
    existing = QuizPage.objects.child_of(course).filter(slug=slug).first()
    if existing:
        return existing
    bank = QuestionBank.objects.create(institute=course.institute, course=course, title=f"{title} bank")
    page = course.add_child(
        instance=QuizPage(
            title=title, slug=slug, max_attempts=0, time_limit_minutes=time_limit, shuffle_questions=False,
            shuffle_choices=False, required=False, review_policy="after_submit",
        )
    )  # fmt: skip
    for n in range(10):
        question = Question.objects.create(bank=bank, type="single", text=f"벤치 문제 {n + 1}", points=Decimal("1"))
        for index, (text, weight) in enumerate((("정답", "1"), ("오답 1", "0"), ("오답 2", "0"), ("오답 3", "0"))):
            Choice.objects.create(question=question, text=text, weight=Decimal(weight), sort_order=index)
        QuizQuestion.objects.create(quiz=page, question=question, sort_order=n)
    return page


def right_answers(page: QuizPage, attempt: Attempt) -> str:
    """The submission of the right answers, choices named by the attempt's own identifiers."""
    parts = ["action=submit"]
    for link in page.quiz_questions.order_by("sort_order"):
        right = link.question.choices.get(weight=1)
        parts.append(f"q-{link.question_id}={attempt.choice_token(right.pk)}")
    return "&".join(parts)


@transaction.atomic
def main(submit_attempts: int, journey_users: int, synchronized: int) -> dict:
    from django.contrib.auth.hashers import make_password

    course = CoursePage.objects.get(slug="scale-course-1")  # an online course
    run = course.runs.get()
    lesson = LessonPage.objects.child_of(course).order_by("path").first()
    password = make_password("bench-password-2026")
    journey = users("journey", journey_users, password)
    submitters = users("submit", submit_attempts, password)
    starters = users("sync", synchronized, password)
    enrol(journey + submitters + starters, run)

    page_quiz = quiz(course, "bench-quiz", "벤치 평가", 0)
    timed_quiz = quiz(course, "bench-timed-quiz", "벤치 제한시간 평가", 30)

    # One open attempt per submitter, made directly (the submission is what is measured).
    open_attempts = {
        a.user_id: a
        for a in Attempt.objects.filter(quiz=page_quiz, user__in=submitters, state=Attempt.State.IN_PROGRESS)
    }
    enrolments = {e.user_id: e for e in Enrolment.objects.filter(run=run, user__in=submitters)}
    question_ids = list(page_quiz.quiz_questions.order_by("sort_order").values_list("question_id", flat=True))
    choice_order = {
        str(q): list(Choice.objects.filter(question_id=q).order_by("sort_order").values_list("pk", flat=True))
        for q in question_ids
    }
    numbers = {}
    for user_id, number in Attempt.objects.filter(quiz=page_quiz, user__in=submitters).values_list("user_id", "number"):
        numbers[user_id] = max(numbers.get(user_id, 0), number)
    new = [
        Attempt(
            quiz=page_quiz, enrolment=enrolments[u.pk], user=u, number=numbers.get(u.pk, 0) + 1,
            started_at=timezone.now(), question_ids=question_ids, choice_order=choice_order,
        )
        for u in submitters
        if u.pk not in open_attempts
    ]  # fmt: skip
    Attempt.objects.bulk_create(new, batch_size=5000)
    open_attempts = {
        a.user_id: a
        for a in Attempt.objects.filter(quiz=page_quiz, user__in=submitters, state=Attempt.State.IN_PROGRESS)
    }
    code = Certificate.objects.filter(state="issued").order_by("pk").values_list("code", flat=True).first()
    codes = list(Certificate.objects.filter(state="issued").order_by("-pk").values_list("code", flat=True)[:200])
    return {
        "csrf": CSRF,
        "catalog": "/courses/",
        "course": course.url,
        "lesson": lesson.url,
        "lesson_id": lesson.pk,
        "verify": f"/verify/{code}/",
        "codes": codes,
        "quiz_id": page_quiz.pk,
        "quiz_url": page_quiz.url,
        "timed_quiz_id": timed_quiz.pk,
        "timed_quiz_questions": list(
            timed_quiz.quiz_questions.order_by("sort_order").values_list("question_id", flat=True)
        ),
        "journey_sessions": [session_for(u) for u in journey],
        "submit": [
            [str(open_attempts[u.pk].public_id), session_for(u), right_answers(page_quiz, open_attempts[u.pk])]
            for u in submitters
        ],
        "sync_sessions": [session_for(u) for u in starters],
        "sync_user_ids": [u.pk for u in starters],
    }


if __name__ == "__main__":
    import os

    result = main(int(os.environ["BENCH_SUBMIT"]), int(os.environ["BENCH_JOURNEY"]), int(os.environ["BENCH_SYNC"]))
    json.dump(result, sys.stdout)
