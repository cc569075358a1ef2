"""Reads of the assessment domain: quiz pages, kept grades, completion requirements, gradebook."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.completion import Requirement
from courses.models import Enrolment
from courses.permissions import policy_for, under_paths
from courses.selectors import studying_enrolment

from . import funded
from .assignments import assignment_requirements, gradebook_assignment_cells
from .grading import matched_answer, passes, required_score
from .models import (
    Attempt,
    AttemptAnswer,
    Choice,
    GradingMethod,
    PracticalAssessment,
    PracticalResult,
    Question,
    QuestionBank,
    QuestionType,
    QuizPage,
    QuizQuestion,
    RetakeGrant,
    ReviewPolicy,
)

# --------------------------------------------------------------------------------------------
# Grades kept per quiz
# --------------------------------------------------------------------------------------------


def kept_attempt(quiz: QuizPage, attempts: list[Attempt]) -> Attempt | None:
    """The attempt whose score counts: the highest or the last closed one, as the quiz says. An
    attempt whose essays wait for grading has a provisional score and does not count yet."""
    closed = [a for a in attempts if not a.is_open and a.score is not None and not a.needs_grading]
    if not closed:
        return None
    if quiz.grading_method == GradingMethod.LAST:
        return max(closed, key=lambda a: (a.number, a.pk))
    return max(closed, key=lambda a: (a.score, -a.number))


def assessment_requirements(enrolments: list[Enrolment]) -> dict[int, list[Requirement]]:
    """Completion requirements of the assessments app for a batch of enrolments, in four queries
    (two more when the courses have assignments: ``assignments.assignment_requirements``).

    A quiz's grade is the trainee's, whichever run they took it in: attempts are limited per
    trainee and quiz across every run of the course (``services.attempt_start``), so a grade
    earned in an earlier run counts for the run they study in now.

    In funded runs of courses with weights, the progress and final tests are not required one by
    one: they count in the weighted total of ``funded.funded_requirements``.
    """
    result: dict[int, list[Requirement]] = {e.pk: [] for e in enrolments}
    if not enrolments:
        return result
    courses = {e.run.course.pk: e.run.course for e in enrolments}
    quizzes = list(
        QuizPage.objects.live()
        .filter(under_paths([course.path for course in courses.values()]), required=True)
        .order_by("path")
    )
    practicals = list(PracticalAssessment.objects.filter(course_id__in=list(courses), required=True).order_by("pk"))
    attempts: dict[tuple[int, int], list[Attempt]] = {}
    if quizzes:
        for attempt in Attempt.objects.filter(
            user_id__in={e.user_id for e in enrolments},
            quiz__in=quizzes,
            state__in=[Attempt.State.SUBMITTED, Attempt.State.TIMED_OUT],
        ):
            attempts.setdefault((attempt.quiz_id, attempt.user_id), []).append(attempt)
    results = {}
    if practicals:
        results = {
            (r.assessment_id, r.enrolment_id): r
            for r in PracticalResult.objects.filter(enrolment__in=enrolments, assessment__in=practicals)
        }
    for enrolment in enrolments:
        course = enrolment.run.course
        weighted = funded.uses_weighted_rule(enrolment)  # its tests count in the weighted total instead
        for quiz in quizzes:
            if not quiz.path.startswith(course.path) or (weighted and quiz.kind in funded.ONE_ATTEMPT_KINDS):
                continue
            threshold = required_score(quiz, course)
            tries = attempts.get((quiz.pk, enrolment.user_id), [])
            kept = kept_attempt(quiz, tries)
            if kept is None and any(a.needs_grading for a in tries):
                label = _("%(title)s: at least %(score)s points (submitted, waiting for essay grading)") % {
                    "title": quiz.display_title,
                    "score": threshold,
                }
            elif kept is None:
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
                Requirement(
                    key=f"quiz:{quiz.pk}",
                    label=label,
                    met=passes(quiz, course=course, score=kept.score if kept else None),
                )
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
                    key=f"practical:{practical.pk}",
                    label=label,
                    met=passes(practical, course=course, score=graded.score if graded else None),
                )
            )
    for enrolment_id, items in assignment_requirements(enrolments).items():  # 과제 (assessments.assignments)
        result[enrolment_id].extend(items)
    return result


def _format(score: Decimal) -> str:
    return f"{score.normalize():f}" if score == score.to_integral() else f"{score:.2f}"


# --------------------------------------------------------------------------------------------
# Trainee pages
# --------------------------------------------------------------------------------------------


def start_refusal(
    *,
    quiz: QuizPage,
    attempts: list[Attempt],
    now=None,
    enrolment: Enrolment | None = None,
    retake_granted: bool = False,
) -> str:
    """Why a trainee whose attempts at ``quiz`` (in every run of the course) are ``attempts`` cannot
    start another one now, or ``""`` when they can. Whether they are enrolled is the caller's question.

    ``enrolment`` is the run the attempt would count for: in a funded run the gates of
    ``funded.gate_refusal`` apply, and a progress or final test allows one attempt in the run.
    ``retake_granted``: the trainee holds an unused retake grant, which allows one attempt beyond
    the limit (never past a gate).
    """
    now = now or timezone.now()
    if not quiz.is_open(now):
        return _("This quiz is not open now.")
    if enrolment is not None and funded.is_funded(enrolment.run):
        refusal = funded.gate_refusal(enrolment=enrolment, kind=quiz.kind, now=now)
        if refusal:
            return refusal
        if quiz.kind in funded.ONE_ATTEMPT_KINDS:
            if not retake_granted and any(a.enrolment_id == enrolment.pk for a in attempts):
                return _("This test allows one attempt; a retake needs the institute's permission.")
            return ""
    if quiz.max_attempts and len(attempts) >= quiz.max_attempts and not retake_granted:
        return _("You have used all %(n)s attempts.") % {"n": quiz.max_attempts}
    return ""


def has_unused_retake_grant(*, enrolment: Enrolment, quiz: QuizPage) -> bool:
    return RetakeGrant.objects.unused().filter(enrolment=enrolment, quiz=quiz).exists()


def answers_visible(*, attempt: Attempt, attempts: list[Attempt] | None = None, now=None) -> bool:
    """May the trainee see the answer key with this attempt? The one rule, for every page.

    The answer key is everything that tells right from wrong: correct choices, accepted answers,
    numeric answers and tolerances, whether each answer was right and the points it earned, and
    the question and choice feedback. The attempt's total score is not part of it: it is shown
    under every review policy.

    The key is visible only when all of these hold:

    1. the attempt is closed, and none of the trainee's attempts at the quiz is in progress;
    2. the quiz's review policy is not "score only";
    3. the trainee can start no further attempt at the quiz: the quiz has closed (its closing
       time has passed), or they have used every allowed attempt, counted across every run
       (enrolment) of the course; with no attempt limit only closing does;
    4. under "after the quiz closes", the quiz has closed, even when the attempts are used up;
    5. the trainee holds no unused retake grant at the quiz (재응시 허용): it allows one more
       attempt, so the key stays hidden until that attempt is used and closed;
    6. no funded run the trainee studies in allows a new attempt: a progress or final test gives
       one attempt in each funded run (``start_refusal``), whatever the earlier runs used.

    The enrolment's status is deliberately not part of the rule: a trainee who withdrew, was
    removed or completed may enrol in another run of the course, and their remaining attempts go
    with them. Only an instructor can undo 3 (raising the limit, moving the closing time later);
    the ``review_policy`` help text warns them.

    ``attempts`` (all of the trainee's attempts at the quiz) saves a query when the caller has them.
    Even then, a question another quiz may still ask keeps its key hidden (``questions_still_asked``).
    """
    quiz = attempt.quiz
    if attempt.is_open or quiz.review_policy not in (ReviewPolicy.AFTER_SUBMIT, ReviewPolicy.AFTER_CLOSE):
        return False
    if attempts is None:
        attempts = list(
            Attempt.objects.filter(quiz_id=attempt.quiz_id, user_id=attempt.user_id).only("pk", "state", "enrolment_id")
        )
    if any(a.is_open for a in attempts):
        return False
    closed = quiz.is_closed(now)
    if not closed:  # a closed quiz starts no attempt, whatever a grant or a funded run would allow
        grants = RetakeGrant.objects.unused().filter(quiz_id=attempt.quiz_id, enrolment__user_id=attempt.user_id)
        if grants.exists():
            return False
        if quiz.kind in funded.ONE_ATTEMPT_KINDS and _funded_run_allows_attempt(quiz, attempt.user_id, attempts, now):
            return False
    if quiz.review_policy == ReviewPolicy.AFTER_CLOSE:
        return closed
    return closed or bool(quiz.max_attempts and len(attempts) >= quiz.max_attempts)


def _funded_run_allows_attempt(quiz: QuizPage, user_id: int, attempts: list[Attempt], now) -> bool:
    """Does a funded run the user studies in still allow them an attempt at ``quiz``: one whose
    training period has not ended and in which no attempt of theirs counts yet? One query."""
    counted = {a.enrolment_id for a in attempts}
    ancestors = [quiz.path[:end] for end in range(quiz.steplen, len(quiz.path), quiz.steplen)]
    enrolments = (
        Enrolment.objects.studying()
        .filter(user_id=user_id, run__emp_ins_flag__gt=0, run__course__path__in=ancestors)
        .select_related("run")
    )
    return any(e.pk not in counted and not funded.inputs_frozen(e.run, now) for e in enrolments)


@dataclass(frozen=True)
class AttemptRow:
    attempt: Attempt
    earlier_run: bool


def quiz_page_context(*, quiz: QuizPage, user) -> dict:
    """The quiz page of one trainee: their attempts in every run, what they may do next, the grade
    kept for their current run."""
    enrolment = studying_enrolment(user=user, course=quiz.course)
    attempts = list(Attempt.objects.filter(quiz=quiz, user=user).order_by("number")) if enrolment else []
    in_progress = next((a for a in attempts if a.is_open), None)
    used = len(attempts)
    reason = ""
    granted = False  # an unused retake grant opens one more attempt
    if enrolment is None:
        reason = _("Only trainees enrolled in the course take this quiz.")
    elif in_progress is None:
        reason = start_refusal(quiz=quiz, attempts=attempts, enrolment=enrolment)
        if reason and has_unused_retake_grant(enrolment=enrolment, quiz=quiz):
            reason = start_refusal(quiz=quiz, attempts=attempts, enrolment=enrolment, retake_granted=True)
            granted = not reason
    kept = kept_attempt(quiz, [a for a in attempts if enrolment and a.enrolment_id == enrolment.pk])
    limit = quiz.max_attempts
    if enrolment is not None and funded.is_funded(enrolment.run) and quiz.kind in funded.ONE_ATTEMPT_KINDS:
        limit, used = 1, sum(1 for a in attempts if a.enrolment_id == enrolment.pk)
    return {
        "enrolment": enrolment,
        "attempts": attempts,
        "attempt_rows": [AttemptRow(attempt=a, earlier_run=a.enrolment_id != enrolment.pk) for a in attempts],
        "in_progress": in_progress,
        "attempt_limit": limit,
        "attempts_left": max(0, limit - used) + granted if limit else None,
        "kept": kept,
        "cannot_start_reason": reason,
        "required_score": required_score(quiz, quiz.course),
        "kept_passes": kept is not None and passes(quiz, course=quiz.course, score=kept.score),
    }


@dataclass(frozen=True)
class ChoiceItem:
    """A choice as the trainee's pages show it; ``token`` is the attempt's opaque identifier."""

    token: str
    text: str
    selected: bool
    correct: bool = False  # only set when the answer key is visible
    feedback: str = ""  # only set when the answer key is visible and the choice was selected


@dataclass(frozen=True)
class MatchOption:
    """An answer to choose for the premises of a matching question; ``token`` is the attempt's identifier."""

    token: str
    text: str


@dataclass(frozen=True)
class PremiseItem:
    """A premise of a matching question: the trainee's choice, and (with the key only) the right answer."""

    token: str
    text: str
    chosen: str = ""  # the token of the answer chosen, "" when none
    chosen_text: str = ""
    right_answer: str = ""  # only set when the answer key is visible


@dataclass(frozen=True)
class AnswerKey:
    """The key of one question and how the trainee's answer fared: only when ``answers_visible``."""

    correct_answer: bool | None
    accepted_answers: list[str]
    numeric_answer: Decimal | None
    tolerance: Decimal
    feedback: str
    fraction: Decimal | None
    points: Decimal | None
    wrong_answer_feedback: str = ""  # shown when the answer earned nothing
    other_numeric_answers: list[str] = field(default_factory=list)  # numeric: numbers worth part of the points
    answer_feedback: str = ""  # short answer and numeric: the feedback of the accepted answer matched


@dataclass(frozen=True)
class AttemptItem:
    """One question of an attempt, with exactly what its page may show (never the model itself)."""

    number: int
    question_id: int
    type: str
    text: str
    points: Decimal
    choices: list[ChoiceItem]
    response: object = None  # the trainee's own answer to a true/false, short, numeric or essay question
    key: AnswerKey | None = None
    premises: list[PremiseItem] = field(default_factory=list)  # matching only
    options: list[MatchOption] = field(default_factory=list)  # matching only, in the attempt's order
    response_template: str = ""  # essay only: what the answer box starts with
    awaiting_grading: bool = False  # essay only: submitted, not graded yet
    comment: str = ""  # essay only: the instructor's 첨삭, once graded

    @property
    def is_answered(self) -> bool:
        """Whether the trainee has given an answer (a choice ticked, an answer chosen or something typed)."""
        return (
            any(choice.selected for choice in self.choices)
            or any(premise.chosen for premise in self.premises)
            or self.response not in (None, "")
        )


def _attempt_items(attempt: Attempt, *, with_key: bool, withheld: frozenset[int] = frozenset()) -> list[AttemptItem]:
    """The attempt's questions in their order, choices in the attempt's order, with the saved answers;
    the key of each question (``with_key``) except those ``withheld``."""
    from .services import match_options_for

    questions = {q.pk: q for q in Question.objects.filter(pk__in=attempt.question_ids)}
    choices = {c.pk: c for c in Choice.objects.filter(question_id__in=attempt.question_ids)}
    answers = {a.question_id: a for a in AttemptAnswer.objects.filter(attempt=attempt)}
    matching = match_options_for(attempt, questions.values())
    items = []
    for number, question_id in enumerate(attempt.question_ids, start=1):
        question = questions.get(question_id)
        if question is None:
            continue
        answer = answers.get(question_id)
        keyed = with_key and question_id not in withheld
        response = answer.response if answer else None
        chosen = set(response) if isinstance(response, list) else set()
        ordered = [choices[c] for c in attempt.choice_order.get(str(question_id), []) if c in choices]
        premises, options = _matching_items(matching.get(question_id), response, keyed=keyed)
        if question.type == QuestionType.MATCHING:
            response = None
        items.append(
            AttemptItem(
                number=number,
                question_id=question_id,
                type=question.type,
                text=question.text,
                points=question.points,
                choices=[
                    ChoiceItem(
                        token=attempt.choice_token(choice.pk),
                        text=choice.text,
                        selected=choice.pk in chosen,
                        correct=keyed and choice.is_correct,
                        feedback=choice.feedback if keyed and choice.pk in chosen else "",
                    )
                    for choice in ordered
                ],
                response=None if chosen else response,
                key=AnswerKey(
                    correct_answer=question.correct_answer,
                    accepted_answers=question.accepted_answer_list,
                    numeric_answer=question.numeric_answer,
                    tolerance=question.tolerance,
                    feedback=question.feedback,
                    fraction=answer.fraction if answer else None,
                    points=answer.points if answer else None,
                    wrong_answer_feedback=question.wrong_answer_feedback,
                    other_numeric_answers=question.numeric_answer_list,
                    answer_feedback=matched_answer(question, response)[1],
                )
                if keyed
                else None,
                premises=premises,
                options=options,
                response_template=question.response_template if question.type == QuestionType.ESSAY else "",
                awaiting_grading=question.type == QuestionType.ESSAY
                and not attempt.is_open
                and (answer is None or answer.graded_at is None),
                comment=answer.comment if answer and answer.graded_at else "",
            )
        )
    return items


def _matching_items(options, response, *, keyed: bool) -> tuple[list[PremiseItem], list[MatchOption]]:
    """The premises and answers of a matching question as its form and review show them."""
    if options is None:
        return [], []
    token_of = {pair_id: token for token, pair_id in options.answers.items()}
    chosen = response if isinstance(response, dict) else {}
    premises = []
    texts = options.texts
    for token, pair_id in options.premises.items():
        answer_id = chosen.get(str(pair_id))
        premises.append(
            PremiseItem(
                token=token,
                text=_premise_text(options, pair_id),
                chosen=token_of.get(answer_id, ""),
                chosen_text=texts.get(answer_id, ""),
                right_answer=texts.get(pair_id, "") if keyed else "",
            )
        )
    return premises, [MatchOption(token=token, text=texts[pair_id]) for token, pair_id in options.answers.items()]


def _premise_text(options, pair_id: int) -> str:
    return options.premise_texts.get(pair_id, "")


def attempt_form_items(attempt: Attempt) -> list[AttemptItem]:
    """The questions of an attempt in progress for its form: no answer key, opaque choice identifiers."""
    return _attempt_items(attempt, with_key=False)


def questions_still_asked(*, attempt: Attempt, now=None) -> frozenset[int]:
    """Questions of ``attempt`` that another live quiz may still put to the trainee.

    A question can sit in several quizzes (fixed in each, or drawn from the same bank): a practice
    quiz and the final exam, say. Its key stays hidden in the review of one while another that asks
    it can still be started by the trainee (not closed, attempts left, counted across runs), under
    whatever review policy that other quiz has. Three queries, whatever the number of questions.
    """
    asked = set(attempt.question_ids)
    if not asked:
        return frozenset()
    by_quiz: dict[int, set[int]] = {}
    for quiz_id, question_id in (
        QuizQuestion.objects.filter(question_id__in=asked)
        .exclude(quiz_id=attempt.quiz_id)
        .values_list("quiz_id", "question_id")
    ):
        by_quiz.setdefault(quiz_id, set()).add(question_id)
    pools: dict[int, list[tuple[int, str]]] = {}
    for question_id, bank_id, category in Question.objects.filter(pk__in=asked).values_list(
        "pk", "bank_id", "category"
    ):
        pools.setdefault(bank_id, []).append((question_id, category))
    quizzes = {
        quiz.pk: quiz
        for quiz in QuizPage.objects.live()
        .filter(Q(pk__in=list(by_quiz)) | Q(draw_bank_id__in=list(pools)))
        .exclude(pk=attempt.quiz_id)
        .annotate(
            fixed=Count("quiz_questions", distinct=True),
            used=Count("attempts", filter=Q(attempts__user_id=attempt.user_id), distinct=True),
        )
    }
    withheld: set[int] = set()
    for quiz in quizzes.values():
        if quiz.is_closed(now) or (quiz.max_attempts and quiz.used >= quiz.max_attempts):
            continue
        withheld |= by_quiz.get(quiz.pk, set())
        if not quiz.fixed and quiz.draw_bank_id in pools:  # a quiz draws only when it has no fixed questions
            withheld |= {
                qid
                for qid, category in pools[quiz.draw_bank_id]
                if category == quiz.draw_category or not quiz.draw_category
            }
    return frozenset(withheld)


def attempt_review_context(*, attempt: Attempt, now=None) -> dict:
    """The review of a closed attempt: the questions with their key only when ``answers_visible``,
    and never the key of a question another quiz may still ask (``questions_still_asked``)."""
    show = answers_visible(attempt=attempt, now=now)
    withheld = questions_still_asked(attempt=attempt, now=now) if show else frozenset()
    items = _attempt_items(attempt, with_key=show, withheld=withheld)
    return {
        "show_answers": show,
        "items": items if show else [],
        # Essay answers and the instructor's comments (첨삭) are the trainee's own work and its
        # feedback, not the answer key: shown under every review policy.
        "essays": [] if show else [item for item in items if item.type == QuestionType.ESSAY],
    }


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


def item_pool_problem(*, draw_bank, draw_category: str, draw_count: int, fixed_questions: int, factor: int) -> str:
    """Why a quiz that requires a large item pool may not be published, or ``""`` when it may.

    The pool is the bank (or its category) the quiz draws from; it must hold at least ``factor`` ×
    the questions per attempt (``settings.ACADEMY_ITEM_POOL_FACTOR``, 3 by default).
    """
    if fixed_questions or draw_bank is None:
        return _(
            "A large item pool needs questions drawn at random: choose a bank to draw from and the number of "
            "questions per attempt, and remove the fixed questions."
        )
    if not draw_count:
        return _("Set the number of questions per attempt: drawing all of them gives every trainee the same test.")
    pool = Question.objects.filter(bank=draw_bank)
    if draw_category:
        pool = pool.filter(category=draw_category)
    size = pool.count()
    if size < factor * draw_count:
        return _(
            "The item pool holds %(pool)s questions; %(count)s questions per attempt need at least %(required)s "
            "(%(factor)s times as many)."
        ) % {"pool": size, "count": draw_count, "required": factor * draw_count, "factor": factor}
    return ""


def retake_grants(*, enrolment: Enrolment, quiz: QuizPage):
    """The retake grants of one trainee of a run at a quiz, newest first, with who granted them."""
    return (
        RetakeGrant.objects.filter(enrolment=enrolment, quiz=quiz)
        .select_related("granted_by")
        .order_by("-created_at", "-pk")
    )


def run_attempts(*, enrolment: Enrolment, quiz: QuizPage) -> list[Attempt]:
    """The attempts of one trainee at a quiz that count for one run."""
    return list(Attempt.objects.filter(enrolment=enrolment, quiz=quiz).order_by("number"))


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
    granted = set(
        RetakeGrant.objects.unused()
        .filter(enrolment__in=enrolments, quiz__in=quizzes)
        .values_list("quiz_id", "enrolment_id")
    )
    rows = []
    for enrolment in enrolments:
        row = GradebookRow(enrolment=enrolment)
        for quiz in quizzes:
            tries = attempts.get((quiz.pk, enrolment.pk), [])
            kept = kept_attempt(quiz, tries)
            row.cells.append(
                {
                    "score": kept.score if kept else None,
                    "passed": passes(quiz, course=course, score=kept.score) if kept else None,
                    "attempts": len(tries),
                    "in_progress": any(a.is_open for a in tries),
                    "quiz": quiz,
                    "retake_granted": (quiz.pk, enrolment.pk) in granted,
                    "needs_grading": any(a.needs_grading for a in tries),
                }
            )
        for practical in practicals:
            result = results.get((practical.pk, enrolment.pk))
            row.cells.append(
                {
                    "score": result.score if result else None,
                    "passed": passes(practical, course=course, score=result.score) if result else None,
                    "attempts": 1 if result else 0,
                    "in_progress": False,
                    "needs_grading": False,
                }
            )
        rows.append(row)
    assignment_columns = gradebook_assignment_cells(course=course, enrolments=enrolments)
    for row in rows:
        row.cells.extend(assignment_columns["cells"][row.enrolment.pk])
    return {
        "quizzes": quizzes,
        "practicals": practicals,
        "assignments": assignment_columns["assignments"],
        "rows": rows,
    }


@dataclass(frozen=True)
class ChoiceCount:
    """How many closed attempts chose one option of a question (``correct``: it earns points)."""

    label: str
    count: int
    correct: bool


@dataclass
class ItemStatistics:
    number: int
    question: Question
    responses: int
    facility: float | None
    discrimination: float | None
    flag: str = ""
    #: Single, multiple choice and true/false: each option with how often it was chosen (distractor analysis).
    choices: list[ChoiceCount] = field(default_factory=list)


def item_analysis(*, quiz: QuizPage, run=None) -> list[ItemStatistics]:
    """Facility (share of the points earned) and discrimination (correlation of the item's score
    with the rest of the attempt: point-biserial, corrected) for each question of a quiz, and how
    often each option of a choice question was chosen.

    Uses every closed attempt (those of ``run``'s trainees when given). Items answered by fewer than
    5 attempts get no discrimination. Flags: facility under 0.2 (too hard or wrong key), over 0.95
    (too easy), discrimination under 0.1 (does not separate strong from weak trainees; check the key).
    Four queries whatever the number of attempts.
    """
    closed = Attempt.objects.closed().filter(quiz=quiz)
    if run is not None:
        closed = closed.filter(enrolment__run=run)
    attempts = {a.pk: a for a in closed.only("pk", "points_earned", "points_possible")}
    by_question: dict[int, list[tuple[float, float]]] = {}
    chosen: dict[int, Counter] = {}
    for answer in (
        AttemptAnswer.objects.filter(attempt_id__in=list(attempts))
        .select_related("question")
        .only("attempt_id", "question_id", "fraction", "points", "response", "question__points")
    ):
        if isinstance(answer.response, list):  # single and multiple choice: the chosen choices' ids
            chosen.setdefault(answer.question_id, Counter()).update(answer.response)
        elif isinstance(answer.response, bool):  # true or false
            chosen.setdefault(answer.question_id, Counter())[answer.response] += 1
        if answer.fraction is None:  # an essay not graded yet says nothing about the item
            continue
        attempt = attempts[answer.attempt_id]
        item = float(answer.fraction)
        rest = float((attempt.points_earned or 0) - (answer.points or 0))
        by_question.setdefault(answer.question_id, []).append((item, rest))
    questions = {q.pk: q for q in Question.objects.filter(pk__in=list(by_question))}
    options: dict[int, list] = {}
    for choice in Choice.objects.filter(
        question_id__in=[pk for pk, q in questions.items() if q.type in (QuestionType.SINGLE, QuestionType.MULTIPLE)]
    ).order_by("sort_order", "pk"):
        options.setdefault(choice.question_id, []).append(choice)
    stats = []
    for number, (question_id, pairs) in enumerate(sorted(by_question.items()), start=1):
        question = questions[question_id]
        counts = chosen.get(question_id, Counter())
        if question.type == QuestionType.TRUE_FALSE:
            choice_counts = [
                ChoiceCount(str(label), counts[value], question.correct_answer is value)
                for value, label in ((True, _("True")), (False, _("False")))
            ]
        else:
            choice_counts = [
                ChoiceCount(choice.text, counts[choice.pk], choice.weight > 0)
                for choice in options.get(question_id, [])
            ]
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
                question=question,
                responses=len(pairs),
                facility=round(facility, 2),
                discrimination=round(discrimination, 2) if discrimination is not None else None,
                flag=flag,
                choices=choice_counts,
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


def practicals_to_grade(user, *, today=None):
    """(practical assessment, run) pairs of the user's institutes with trainees still to grade.

    Counts studying and completed trainees of runs that have started and have no result yet. Rows
    are dicts: ``assessment_id``, ``run_id``, ``waiting``; oldest run first.
    """
    from django.db.models import Exists, F, OuterRef

    from .models import PracticalResult

    today = today or timezone.localdate()
    graded = PracticalResult.objects.filter(assessment_id=OuterRef("assessment_id"), enrolment_id=OuterRef("pk"))
    return (
        Enrolment.objects.filter(
            status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED],
            run__starts_on__lte=today,
            run__course__practical_assessments__in=practicals_for_user(user),
        )
        .annotate(assessment_id=F("run__course__practical_assessments"))
        .exclude(Exists(graded))
        .values("assessment_id", "run_id")
        .annotate(waiting=Count("pk"))
        .order_by("run__starts_on", "run_id", "assessment_id")
    )


# --------------------------------------------------------------------------------------------
# Essay grading (서술형 채점)
# --------------------------------------------------------------------------------------------


def essay_answers(*, run, waiting_only: bool = True):
    """Essay answers written in closed attempts of ``run``'s trainees, oldest submission first;
    only those still to grade unless ``waiting_only`` is false. Empty answers are graded 0 on
    closing and never listed."""
    answers = (
        AttemptAnswer.objects.filter(
            attempt__enrolment__run=run,
            question__type=QuestionType.ESSAY,
            attempt__state__in=[Attempt.State.SUBMITTED, Attempt.State.TIMED_OUT],
        )
        .filter(response__isnull=False)
        .select_related("attempt__quiz", "attempt__user", "question", "graded_by")
        .order_by("attempt__closed_at", "attempt_id", "pk")
    )
    if waiting_only:
        answers = answers.filter(graded_at__isnull=True)
    return answers


def essays_waiting(user):
    """(run id, count) of the runs of the user's institutes with essay answers still to grade."""
    from courses.selectors import staff_runs

    return (
        AttemptAnswer.objects.filter(
            attempt__enrolment__run__in=staff_runs(user),
            question__type=QuestionType.ESSAY,
            attempt__needs_grading=True,
            graded_at__isnull=True,
        )
        .filter(response__isnull=False)
        .values("attempt__enrolment__run_id")
        .annotate(waiting=Count("pk"))
        .order_by("attempt__enrolment__run_id")
    )
