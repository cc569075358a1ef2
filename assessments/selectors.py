"""Reads of the assessment domain: quiz pages, kept grades, completion requirements, gradebook."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.completion import Requirement
from courses.models import CoursePage, Enrolment
from courses.permissions import policy_for

from .models import (
    Attempt,
    AttemptAnswer,
    Choice,
    GradingMethod,
    PracticalAssessment,
    PracticalResult,
    Question,
    QuestionBank,
    QuizPage,
    ReviewPolicy,
)

# --------------------------------------------------------------------------------------------
# Grades kept per quiz
# --------------------------------------------------------------------------------------------


def kept_attempt(quiz: QuizPage, attempts: list[Attempt]) -> Attempt | None:
    """The attempt whose score counts: the highest or the last closed one, as the quiz says."""
    closed = [a for a in attempts if not a.is_open and a.score is not None]
    if not closed:
        return None
    if quiz.grading_method == GradingMethod.LAST:
        return max(closed, key=lambda a: (a.number, a.pk))
    return max(closed, key=lambda a: (a.score, -a.number))


def required_score(quiz_or_assessment, course: CoursePage) -> int:
    """An assessment counts as passed for completion at its pass mark or the course's minimum, whichever is higher."""
    return max(quiz_or_assessment.pass_mark, course.min_assessment_score)


def _course_filter(courses) -> Q:
    condition = Q(pk__in=[])
    for course in courses:
        condition |= Q(path__startswith=course.path)
    return condition


def assessment_requirements(enrolments: list[Enrolment]) -> dict[int, list[Requirement]]:
    """Completion requirements of the assessments app for a batch of enrolments, in four queries."""
    result: dict[int, list[Requirement]] = {e.pk: [] for e in enrolments}
    if not enrolments:
        return result
    courses = {e.run.course.pk: e.run.course for e in enrolments}
    quizzes = list(QuizPage.objects.live().filter(_course_filter(courses.values()), required=True).order_by("path"))
    practicals = list(PracticalAssessment.objects.filter(course_id__in=list(courses), required=True).order_by("pk"))
    attempts: dict[tuple[int, int], list[Attempt]] = {}
    if quizzes:
        for attempt in Attempt.objects.filter(
            enrolment__in=enrolments, quiz__in=quizzes, state__in=[Attempt.State.SUBMITTED, Attempt.State.TIMED_OUT]
        ):
            attempts.setdefault((attempt.quiz_id, attempt.enrolment_id), []).append(attempt)
    results = {}
    if practicals:
        results = {
            (r.assessment_id, r.enrolment_id): r
            for r in PracticalResult.objects.filter(enrolment__in=enrolments, assessment__in=practicals)
        }
    for enrolment in enrolments:
        course = enrolment.run.course
        for quiz in quizzes:
            if not quiz.path.startswith(course.path):
                continue
            threshold = required_score(quiz, course)
            kept = kept_attempt(quiz, attempts.get((quiz.pk, enrolment.pk), []))
            if kept is None:
                label = _("%(title)s: at least %(score)s points (not taken yet)") % {
                    "title": quiz.display_title,
                    "score": threshold,
                }
            else:
                label = _("%(title)s: at least %(score)s points (now %(current)s)") % {
                    "title": quiz.display_title,
                    "score": threshold,
                    "current": _format(kept.score),
                }
            result[enrolment.pk].append(
                Requirement(key=f"quiz:{quiz.pk}", label=label, met=kept is not None and kept.score >= threshold)
            )
        for practical in practicals:
            if practical.course_id != course.pk:
                continue
            threshold = required_score(practical, course)
            graded = results.get((practical.pk, enrolment.pk))
            if graded is None:
                label = _("%(title)s: at least %(score)s points (not graded yet)") % {
                    "title": practical.display_title,
                    "score": threshold,
                }
            else:
                label = _("%(title)s: at least %(score)s points (now %(current)s)") % {
                    "title": practical.display_title,
                    "score": threshold,
                    "current": _format(graded.score),
                }
            result[enrolment.pk].append(
                Requirement(
                    key=f"practical:{practical.pk}", label=label, met=graded is not None and graded.score >= threshold
                )
            )
    return result


def _format(score: Decimal) -> str:
    return f"{score.normalize():f}" if score == score.to_integral() else f"{score:.2f}"


# --------------------------------------------------------------------------------------------
# Trainee pages
# --------------------------------------------------------------------------------------------


def review_shows_answers(attempt: Attempt, now=None) -> bool:
    quiz = attempt.quiz
    if attempt.is_open:
        return False
    if quiz.review_policy == ReviewPolicy.AFTER_SUBMIT:
        return True
    if quiz.review_policy == ReviewPolicy.AFTER_CLOSE:
        return quiz.is_closed(now)
    return False


def quiz_page_context(*, quiz: QuizPage, user) -> dict:
    from courses.models import Enrolment

    enrolment = (
        Enrolment.objects.studying().filter(user=user, run__course=quiz.course).order_by("-created_at").first()
        if user.is_authenticated
        else None
    )
    attempts = list(Attempt.objects.filter(quiz=quiz, enrolment=enrolment).order_by("number")) if enrolment else []
    in_progress = next((a for a in attempts if a.is_open), None)
    used = len(attempts)
    now = timezone.now()
    reason = ""
    if enrolment is None:
        reason = _("Only trainees enrolled in the course take this quiz.")
    elif not quiz.is_open(now):
        reason = _("This quiz is not open now.")
    elif quiz.max_attempts and used >= quiz.max_attempts and in_progress is None:
        reason = _("You have used all %(n)s attempts.") % {"n": quiz.max_attempts}
    kept = kept_attempt(quiz, attempts)
    return {
        "enrolment": enrolment,
        "attempts": attempts,
        "in_progress": in_progress,
        "attempts_left": (quiz.max_attempts - used) if quiz.max_attempts else None,
        "kept": kept,
        "cannot_start_reason": reason,
        "required_score": required_score(quiz, quiz.course),
    }


@dataclass
class AttemptItem:
    number: int
    question: Question
    choices: list[Choice]
    response: object = None
    answer: AttemptAnswer | None = None


def attempt_items(attempt: Attempt) -> list[AttemptItem]:
    """The attempt's questions in their order, with choices in the attempt's order and saved responses."""
    questions = {q.pk: q for q in Question.objects.filter(pk__in=attempt.question_ids)}
    choices = {c.pk: c for c in Choice.objects.filter(question_id__in=attempt.question_ids)}
    answers = {a.question_id: a for a in AttemptAnswer.objects.filter(attempt=attempt)}
    items = []
    for number, question_id in enumerate(attempt.question_ids, start=1):
        question = questions.get(question_id)
        if question is None:
            continue
        ordered = [choices[c] for c in attempt.choice_order.get(str(question_id), []) if c in choices]
        answer = answers.get(question_id)
        items.append(
            AttemptItem(
                number=number,
                question=question,
                choices=ordered,
                response=answer.response if answer else None,
                answer=answer,
            )
        )
    return items


# --------------------------------------------------------------------------------------------
# Staff: banks, gradebook, item analysis
# --------------------------------------------------------------------------------------------


def banks_for_user(user, action: str = "change"):
    """Banks of the user's institutes (their policy: ``AssessmentsConfig.ready``)."""
    return (
        policy_for(QuestionBank).instances_user_has_permission_for(user, action).select_related("institute", "course")
    )


def practicals_for_user(user, action: str = "change"):
    """Practical assessments of the user's institutes' courses, which their staff grade."""
    return policy_for(PracticalAssessment).instances_user_has_permission_for(user, action).select_related("course")


@dataclass
class GradebookRow:
    enrolment: Enrolment
    cells: list[dict] = field(default_factory=list)


def gradebook(*, run) -> dict:
    """성적부 of one run: trainees × assessments, with kept scores and pass status."""
    course = run.course
    quizzes = list(QuizPage.objects.live().descendant_of(course).order_by("path"))
    practicals = list(PracticalAssessment.objects.filter(course=course).order_by("pk"))
    enrolments = list(
        Enrolment.objects.filter(run=run)
        .exclude(status__in=[Enrolment.Status.REJECTED, Enrolment.Status.INVITED])
        .select_related("user")
        .order_by("user__name_ko", "pk")
    )
    attempts: dict[tuple[int, int], list[Attempt]] = {}
    for attempt in Attempt.objects.filter(enrolment__in=enrolments, quiz__in=quizzes):
        attempts.setdefault((attempt.quiz_id, attempt.enrolment_id), []).append(attempt)
    results = {
        (r.assessment_id, r.enrolment_id): r
        for r in PracticalResult.objects.filter(enrolment__in=enrolments, assessment__in=practicals)
    }
    rows = []
    for enrolment in enrolments:
        row = GradebookRow(enrolment=enrolment)
        for quiz in quizzes:
            tries = attempts.get((quiz.pk, enrolment.pk), [])
            kept = kept_attempt(quiz, tries)
            row.cells.append(
                {
                    "score": kept.score if kept else None,
                    "passed": kept.passed if kept else None,
                    "attempts": len(tries),
                    "in_progress": any(a.is_open for a in tries),
                }
            )
        for practical in practicals:
            result = results.get((practical.pk, enrolment.pk))
            row.cells.append(
                {
                    "score": result.score if result else None,
                    "passed": result.passed if result else None,
                    "attempts": 1 if result else 0,
                    "in_progress": False,
                }
            )
        rows.append(row)
    return {"quizzes": quizzes, "practicals": practicals, "rows": rows}


@dataclass
class ItemStatistics:
    number: int
    question: Question
    responses: int
    facility: float | None
    discrimination: float | None
    flag: str = ""


def item_analysis(*, quiz: QuizPage) -> list[ItemStatistics]:
    """Facility (share of the points earned) and discrimination (correlation of the item's score
    with the rest of the attempt: point-biserial, corrected) for each question of a quiz.

    Uses every closed attempt. Items answered by fewer than 5 attempts get no discrimination.
    Flags: facility under 0.2 (too hard or wrong key), over 0.95 (too easy), discrimination
    under 0.1 (does not separate strong from weak trainees; check the key).
    """
    attempts = {
        a.pk: a for a in Attempt.objects.closed().filter(quiz=quiz).only("pk", "points_earned", "points_possible")
    }
    by_question: dict[int, list[tuple[float, float]]] = {}
    for answer in (
        AttemptAnswer.objects.filter(attempt_id__in=list(attempts))
        .select_related("question")
        .only("attempt_id", "question_id", "fraction", "points", "question__points")
    ):
        attempt = attempts[answer.attempt_id]
        item = float(answer.fraction or 0)
        rest = float((attempt.points_earned or 0) - (answer.points or 0))
        by_question.setdefault(answer.question_id, []).append((item, rest))
    questions = {q.pk: q for q in Question.objects.filter(pk__in=list(by_question))}
    stats = []
    for number, (question_id, pairs) in enumerate(sorted(by_question.items()), start=1):
        facility = sum(p[0] for p in pairs) / len(pairs)
        discrimination = _correlation(pairs) if len(pairs) >= 5 else None
        flag = ""
        if facility < 0.2:
            flag = _("Very hard: check the answer key")
        elif facility > 0.95:
            flag = _("Very easy")
        if discrimination is not None and discrimination < 0.1:
            flag = _("Does not discriminate: check the question")
        stats.append(
            ItemStatistics(
                number=number,
                question=questions[question_id],
                responses=len(pairs),
                facility=round(facility, 2),
                discrimination=round(discrimination, 2) if discrimination is not None else None,
                flag=flag,
            )
        )
    return stats


def _correlation(pairs: list[tuple[float, float]]) -> float | None:
    n = len(pairs)
    mean_x = sum(p[0] for p in pairs) / n
    mean_y = sum(p[1] for p in pairs) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in pairs)
    var_x = sum((x - mean_x) ** 2 for x, _y in pairs)
    var_y = sum((y - mean_y) ** 2 for _x, y in pairs)
    if var_x == 0 or var_y == 0:
        return 0.0
    return cov / math.sqrt(var_x * var_y)
