"""Demo assessments: a question bank and a final quiz for every demo course, the flight test, and
an assignment (과제).

Content lives in ``data/quizzes/<course slug>.json`` (a final assessment and its questions) and
``data/assessments.json`` (what every quiz shares, the practical assessments and the assignments). Existing banks,
quizzes and rubrics are left alone, so a second run changes nothing.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from assessments.models import (
    AssignmentCriterion,
    AssignmentPage,
    Choice,
    PracticalAssessment,
    Question,
    QuestionBank,
    QuizPage,
    QuizQuestion,
    RubricCriterion,
)
from courses.models import CoursePage

from . import content

QUIZ_SLUG = "final-assessment"


def _weights(choices: list[dict], multiple: bool) -> list[Decimal]:
    if not multiple:
        return [Decimal("1") if c["correct"] else Decimal("0") for c in choices]
    correct = sum(1 for c in choices if c["correct"])
    share = (Decimal("1") / correct).quantize(Decimal("0.0001"))
    return [share if c["correct"] else -share for c in choices]


def ensure_bank(course: CoursePage, data: dict, *, description: str) -> QuestionBank:
    bank = QuestionBank.objects.filter(course=course).first()
    if bank is not None:
        return bank
    bank = QuestionBank.objects.create(
        institute=course.institute, course=course, title=f"{course.title} 문제은행", description=description
    )
    for item in data["questions"]:
        multiple = item["type"] == "multiple"
        question = Question.objects.create(
            bank=bank,
            category=data["title"],
            type=item["type"],
            text=item["text"],
            points=Decimal(str(item.get("points", 1))),
            feedback=item.get("feedback", ""),
            partial_credit=multiple,
            correct_answer=item.get("answer") if item["type"] == "true_false" else None,
            accepted_answers="\n".join(item.get("answers", [])),
            numeric_answer=Decimal(str(item["value"])) if item["type"] == "numeric" else None,
            tolerance=Decimal(str(item.get("tolerance", 0))),
        )
        choices = item.get("choices", [])
        Choice.objects.bulk_create(
            [
                Choice(question=question, text=c["text"], weight=weight, feedback=c.get("feedback", ""), sort_order=i)
                for i, (c, weight) in enumerate(zip(choices, _weights(choices, multiple), strict=True))
            ]
        )
    return bank


def ensure_quiz(course: CoursePage, data: dict, bank: QuestionBank, *, shared: dict) -> QuizPage:
    """The course's final assessment; ``shared`` holds the intro and the rules every demo quiz has.

    The rules are safe on a site anyone may try: a limited number of attempts, questions and choices
    shuffled per attempt, and the answer key shown only once a trainee can start no further attempt
    (``assessments.selectors.answers_visible``).
    """
    quiz = QuizPage.objects.child_of(course).filter(slug=QUIZ_SLUG).first()
    if quiz is not None:
        return quiz
    quiz = course.add_child(
        instance=QuizPage(
            title=data["title"],
            title_en=data["title_en"],
            slug=QUIZ_SLUG,
            intro=shared["quiz_intro"],
            pass_mark=data["pass_mark"],
            time_limit_minutes=data["time_limit_minutes"],
            required=True,
            **shared["quiz_settings"],
        )
    )
    for index, question in enumerate(bank.questions.order_by("pk")):
        quiz.quiz_questions.add(QuizQuestion(question=question, sort_order=index))
    quiz.save_revision().publish()
    return quiz


def ensure_practical(course: CoursePage, data: dict) -> PracticalAssessment:
    practical = PracticalAssessment.objects.filter(course=course).first()
    if practical is not None:
        return practical
    practical = PracticalAssessment.objects.create(
        course=course, title=data["title"], title_en=data["title_en"], pass_mark=data["pass_mark"], required=True
    )
    for index, criterion in enumerate(data["criteria"]):
        RubricCriterion.objects.create(
            assessment=practical,
            title=criterion["title"],
            title_en=criterion["title_en"],
            description=criterion["description"],
            points=criterion["points"],
            sort_order=index,
        )
    return practical


def ensure_assignment(course: CoursePage, data: dict) -> AssignmentPage:
    """A 과제 with its rubric, due ``due_in_days`` after the first load."""
    page = AssignmentPage.objects.child_of(course).filter(slug=data["slug"]).first()
    if page is not None:
        return page
    page = course.add_child(
        instance=AssignmentPage(
            title=data["title"],
            title_en=data["title_en"],
            slug=data["slug"],
            instructions=data["instructions"],
            instructions_en=data["instructions_en"],
            submission_type=data["submission_type"],
            allowed_extensions=data["allowed_extensions"],
            due_at=timezone.now() + timedelta(days=data["due_in_days"]),
            max_score=data["max_score"],
            pass_mark=data["pass_mark"],
            required=data["required"],
        )
    )
    for index, criterion in enumerate(data["criteria"]):
        AssignmentCriterion.objects.create(assignment=page, sort_order=index, **criterion)
    page.save_revision().publish()
    return page


def load_assessments(courses: dict[str, CoursePage]) -> dict[str, QuizPage]:
    """Every course's final assessment (``data/quizzes/<slug>.json``), in catalog order."""
    shared = content.read("assessments")
    quizzes = {}
    for slug, course in courses.items():
        data = content.read(f"quizzes/{slug}")
        bank = ensure_bank(course, data, description=shared["bank_description"])
        quizzes[slug] = ensure_quiz(course, data, bank, shared=shared)
    for slug, data in shared["practical"].items():
        ensure_practical(courses[slug], data)
    for slug, data in shared.get("assignments", {}).items():
        ensure_assignment(courses[slug], data)
    return quizzes
