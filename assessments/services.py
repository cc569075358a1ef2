"""Writes of the assessment domain: imports, attempts, grading, practical results."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from courses import events
from courses.models import CourseRun, Enrolment
from courses.permissions import policy_for
from courses.selectors import studying_enrolment
from courses.services import enrolment_evaluate_completion
from ops.audit import audit_record
from ops.privacy import Action, personal_data_access_record

from . import funded, grading
from .models import (
    Attempt,
    AttemptAnswer,
    Choice,
    MatchPair,
    PracticalAssessment,
    PracticalResult,
    Question,
    QuestionBank,
    QuestionType,
    QuizPage,
    RetakeGrant,
)

#: Answers and submissions are still accepted this long after the deadline (network, slow clicks).
GRACE_SECONDS = 20


class AssessmentError(Exception):
    """A request the rules refuse; the message is translated and meant for the user."""


class GateRefusal(AssessmentError):
    """A start a funded run's rules refuse (a gate, the one attempt, the end of the training period):
    the start view answers 403 with the message."""


class DetourRequired(AssessmentError):
    """A start that must wait for a detour (``courses.gates.entry_detour``: the identity check before
    every attempt of a funded run, DOMAIN-KR §1.7); the start view redirects to ``url``."""

    def __init__(self, message: str, url: str):
        super().__init__(message)
        self.url = url


# --------------------------------------------------------------------------------------------
# Import
# --------------------------------------------------------------------------------------------


@transaction.atomic
def bank_import(*, bank: QuestionBank, questions) -> list[Question]:
    """Write parsed questions (``assessments.importers.ImportedQuestion``) into a bank, all or nothing.

    The caller has checked that the parse found no errors; every question is validated again here
    before the first row is written.
    """
    from .models.bank import accepted_answer_line, numeric_answer_line
    from .validation import question_problems

    def accepted(question) -> list[str]:
        fractions = question.answer_fractions or [1.0] * len(question.answers)
        feedback = question.answer_feedback or [""] * len(question.answers)
        return [accepted_answer_line(a, f, b) for a, f, b in zip(question.answers, fractions, feedback, strict=True)]

    def other_numbers(question) -> list[str]:
        return [numeric_answer_line(*number) for number in question.other_numbers]

    for question in questions:
        problems = question_problems(
            type=question.type,
            text=question.text,
            choices=[(c.text, Decimal(str(c.fraction))) for c in question.choices],
            partial_credit=question.type == QuestionType.MULTIPLE,
            correct_answer=question.correct,
            accepted_answers=accepted(question),
            numeric_answer=Decimal(str(question.value)) if question.value is not None else None,
            tolerance=Decimal(str(question.tolerance)),
            pairs=question.pairs,
            other_numeric_answers=other_numbers(question),
        )
        if problems:
            raise AssessmentError(f"{question.location}: {' '.join(problems)}")
    created = []
    for question in questions:
        row = Question.objects.create(
            bank=bank,
            category=question.category[:200],
            type=question.type,
            text=question.text,
            points=Decimal(str(question.points)).quantize(Decimal("0.01")),
            feedback=question.feedback,
            partial_credit=question.type == QuestionType.MULTIPLE
            and any(0 < c.fraction < 1 or c.fraction < 0 for c in question.choices),
            correct_answer=question.correct,
            accepted_answers="\n".join(accepted(question)),
            case_sensitive=question.case_sensitive,
            other_numeric_answers="\n".join(other_numbers(question)),
            numeric_answer=Decimal(str(question.value)) if question.value is not None else None,
            tolerance=Decimal(str(question.tolerance)),
            wrong_answer_feedback=question.wrong_feedback,
            response_template=question.response_template,
            grader_info=question.grader_info,
        )
        MatchPair.objects.bulk_create(
            [
                MatchPair(question=row, premise=premise[:500], answer=answer[:500], sort_order=index)
                for index, (premise, answer) in enumerate(question.pairs)
            ]
        )
        Choice.objects.bulk_create(
            [
                Choice(
                    question=row,
                    text=c.text[:500],
                    weight=Decimal(str(c.fraction)).quantize(Decimal("0.0001")),
                    feedback=c.feedback[:500],
                    sort_order=index,
                )
                for index, c in enumerate(question.choices)
            ]
        )
        created.append(row)
    return created


# --------------------------------------------------------------------------------------------
# Attempts
# --------------------------------------------------------------------------------------------


def quiz_questions_for_draw(quiz: QuizPage) -> list[int]:
    fixed = list(quiz.quiz_questions.order_by("sort_order").values_list("question_id", flat=True))
    if fixed or quiz.draw_bank_id is None:
        return fixed
    pool = Question.objects.filter(bank_id=quiz.draw_bank_id)
    if quiz.draw_category:
        pool = pool.filter(category=quiz.draw_category)
    return list(pool.order_by("pk").values_list("pk", flat=True))


def draw_questions(*, pool: list[int], count: int, earlier: list[Attempt], rng: random.Random) -> list[int]:
    """The questions of a new attempt drawn from ``pool``: first those the trainee has not seen in
    ``earlier`` attempts (at random), then, when the pool runs short, those seen least recently
    (a question seen only in attempt 1 before one seen in attempt 2; at random within the same
    attempt). A retake granted after the answer key was shown so asks new questions wherever the
    pool allows, and repeats the oldest ones only when it must."""
    last_seen: dict[int, int] = {}
    for attempt in sorted(earlier, key=lambda a: a.number):
        for question_id in attempt.question_ids or []:
            last_seen[question_id] = attempt.number
    ranked = sorted(pool, key=lambda question_id: (last_seen.get(question_id, 0), rng.random()))
    return ranked[: min(count, len(pool))]


def attempt_start(*, quiz: QuizPage, user, now=None) -> Attempt:
    """응시 시작: fix the attempt's questions and deadline. Resumes an attempt still in progress.

    Attempts are counted and numbered per trainee and quiz across every run (enrolment) of the
    course, so enrolling again does not give new attempts. The trainee's user row is locked while
    they are counted, which serialises every start of that trainee whichever run it is for; the
    unique (quiz, user, number) constraint stands behind the lock. A trainee has at most one
    attempt in progress per quiz. A refusal is raised after the commit, so an attempt found past
    its deadline on the way stays closed with its saved answers.
    """
    with transaction.atomic():
        attempt, refusal = _attempt_start(quiz=quiz, user=user, now=now or timezone.now())
    if refusal is not None:
        raise refusal
    return attempt


def _attempt_start(*, quiz: QuizPage, user, now) -> tuple[Attempt | None, AssessmentError | None]:
    from django.contrib.auth import get_user_model

    from .selectors import start_refusal

    get_user_model().objects.select_for_update().only("pk").get(pk=user.pk)
    enrolment = studying_enrolment(user=user, course=quiz.course)  # the run a new attempt counts for
    if enrolment is None:
        raise AssessmentError(_("Enrol in this course to take its assessments."))
    attempts = list(Attempt.objects.filter(quiz=quiz, user=user).order_by("number"))
    for attempt in attempts:
        if attempt.is_open:
            if past_deadline(attempt, now):
                closed = attempt_close(attempt=attempt, now=now, timed_out=True)
                attempt.state = closed.state
            else:
                return attempt, None
    refusal = start_refusal(quiz=quiz, attempts=attempts, now=now, enrolment=enrolment)
    grant = None
    if refusal:
        # An unused retake grant allows one attempt beyond the limit; this start uses it up.
        grant = (
            RetakeGrant.objects.select_for_update()
            .unused()
            .filter(enrolment=enrolment, quiz=quiz)
            .order_by("created_at", "pk")
            .first()
        )
        if grant is not None:
            refusal = start_refusal(quiz=quiz, attempts=attempts, now=now, enrolment=enrolment, retake_granted=True)
    if refusal:
        return None, (GateRefusal if funded.is_funded(enrolment.run) else AssessmentError)(refusal)
    detour = _start_detour(quiz=quiz, user=user, enrolment=enrolment, attempts=attempts, now=now)
    if detour is not None:
        return None, DetourRequired(detour.message, detour.url)
    question_ids = quiz_questions_for_draw(quiz)
    if not question_ids:
        raise AssessmentError(_("This quiz has no questions yet."))
    rng = random.SystemRandom()
    if quiz.draw_bank_id and not quiz.quiz_questions.exists() and quiz.draw_count:
        question_ids = draw_questions(pool=question_ids, count=quiz.draw_count, earlier=attempts, rng=rng)
    if quiz.shuffle_questions:
        rng.shuffle(question_ids)
    choice_order = {}
    for question_id, choice_id in (
        Choice.objects.filter(question_id__in=question_ids)
        .order_by("sort_order", "pk")
        .values_list("question_id", "pk")
    ):
        choice_order.setdefault(str(question_id), []).append(choice_id)
    if quiz.shuffle_choices:
        for ids in choice_order.values():
            rng.shuffle(ids)
    deadline = None
    if quiz.time_limit_minutes:
        deadline = now + timedelta(minutes=quiz.time_limit_minutes)
    if quiz.closes_at and (deadline is None or quiz.closes_at < deadline):
        deadline = quiz.closes_at
    freeze_at = funded.inputs_end(enrolment.run)  # funded runs: the training period's end, 24:00 KST
    if freeze_at is not None and (deadline is None or freeze_at < deadline):
        deadline = freeze_at
    attempt = Attempt.objects.create(
        quiz=quiz,
        enrolment=enrolment,
        user=user,
        number=max((a.number for a in attempts), default=0) + 1,
        started_at=now,
        deadline=deadline,
        freeze_at=freeze_at,
        question_ids=question_ids,
        choice_order=choice_order,
    )
    if grant is not None:
        grant.used_at, grant.attempt = now, attempt
        grant.save(update_fields=["used_at", "attempt"])
    if deadline is not None:
        from .tasks import attempt_close_task

        eta = deadline + timedelta(seconds=GRACE_SECONDS + 1)
        if freeze_at is not None and freeze_at <= deadline:
            eta = freeze_at  # no grace past the end of the training period
        transaction.on_commit(lambda: attempt_close_task.apply_async(args=[attempt.pk], eta=eta))
    return attempt, None


def _start_detour(*, quiz: QuizPage, user, enrolment, attempts: list[Attempt], now):
    """Where the trainee must go before this attempt starts (the identity check of each attempt
    start, DOMAIN-KR §1.7); a check made before the previous attempt started does not count."""
    from courses.gates import Entry, entry_detour
    from courses.permissions import user_is_institute_staff

    since = max((a.started_at for a in attempts if a.started_at), default=None)
    entry = Entry(kind="quiz", object_id=quiz.pk, return_url=quiz.url, subkind=quiz.kind, since=since)
    detour = entry_detour(enrolment=enrolment, entry=entry, now=now)
    if detour is None or user_is_institute_staff(user=user, institute=quiz.course.institute):
        return None
    return detour


def past_deadline(attempt: Attempt, now) -> bool:
    """No more answers: the deadline and its grace have passed, or the inputs froze (funded runs)."""
    if attempt.freeze_at is not None and now >= attempt.freeze_at:
        return True
    return attempt.deadline is not None and now > attempt.deadline + timedelta(seconds=GRACE_SECONDS)


def attempt_save_answers(*, attempt: Attempt, raw_answers: dict[int, list[str]], now=None) -> Attempt:
    """Save answers as the trainee goes (one or many). Everything is checked before anything is
    written; answers after the deadline are refused and the attempt is closed with what was saved.

    ``raw_answers`` maps question ids to the values the attempt form sent: for choice questions the
    attempt's opaque choice identifiers (``Attempt.choice_token``), never choice ids."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if not attempt.is_open:
            raise AssessmentError(_("This attempt is closed; answers can no longer change."))
        timed_out = past_deadline(attempt, now)
        if timed_out:
            attempt_close(attempt=attempt, now=now, timed_out=True)
        else:
            _save_answers(attempt, raw_answers, now)
    if timed_out:  # raised after the commit, so the closing stands
        raise AssessmentError(_("Time is up: the attempt was closed with the answers saved before the deadline."))
    return attempt


def _parse_answers(attempt: Attempt, raw_answers: dict[int, list[str]], questions: dict[int, Question]) -> dict:
    """Every answer checked before anything is written; a malformed one refuses the whole request."""
    allowed = set(attempt.question_ids)
    if any(qid not in allowed or qid not in questions for qid in raw_answers):
        raise AssessmentError(_("This question is not part of your attempt."))
    matching = match_options_for(attempt, [questions[qid] for qid in raw_answers])
    parsed = {}
    for question_id, raw in raw_answers.items():
        try:
            parsed[question_id] = grading.parse_response(
                questions[question_id], matching.get(question_id) or attempt.choices_by_token(question_id), raw
            )
        except grading.ResponseError as error:
            raise AssessmentError(
                _("Question %(n)s: %(error)s") % {"n": attempt.question_ids.index(question_id) + 1, "error": error}
            ) from None
    return parsed


def _save_answers(attempt: Attempt, raw_answers: dict[int, list[str]], now) -> None:
    questions = {q.pk: q for q in Question.objects.filter(pk__in=list(raw_answers))}
    parsed = _parse_answers(attempt, raw_answers, questions)
    existing = {a.question_id: a for a in AttemptAnswer.objects.filter(attempt=attempt, question_id__in=list(parsed))}
    new, changed = [], []
    for question_id, response in parsed.items():
        answer = existing.get(question_id)
        if answer is None:
            new.append(AttemptAnswer(attempt=attempt, question_id=question_id, response=response, saved_at=now))
        else:
            answer.response, answer.saved_at = response, now
            changed.append(answer)
    AttemptAnswer.objects.bulk_create(new)
    AttemptAnswer.objects.bulk_update(changed, ["response", "saved_at"])


def match_options_for(attempt: Attempt, questions) -> dict[int, grading.MatchOptions]:
    """The ``MatchOptions`` of the matching questions among ``questions`` in ``attempt`` (one query)."""
    ids = [q.pk for q in questions if q.type == QuestionType.MATCHING]
    if not ids:
        return {}
    pairs: dict[int, list[MatchPair]] = {qid: [] for qid in ids}
    for pair in MatchPair.objects.filter(question_id__in=ids).order_by("sort_order", "pk"):
        pairs[pair.question_id].append(pair)
    shuffle = attempt.quiz.shuffle_choices
    return {
        qid: grading.match_options(attempt.public_id, rows, shuffle_premises=shuffle) for qid, rows in pairs.items()
    }


def _load(attempt: Attempt):
    """The attempt's questions, their choices (or pairs) and the saved answers: four queries, whatever the size."""
    questions = {q.pk: q for q in Question.objects.filter(pk__in=attempt.question_ids)}
    choices: dict[int, list] = {}
    for choice in Choice.objects.filter(question_id__in=attempt.question_ids):
        choices.setdefault(choice.question_id, []).append(choice)
    for pair in MatchPair.objects.filter(question_id__in=attempt.question_ids).order_by("sort_order", "pk"):
        choices.setdefault(pair.question_id, []).append(pair)
    answers = {a.question_id: a for a in AttemptAnswer.objects.filter(attempt=attempt)}
    return questions, choices, answers


def _lock(attempt: Attempt) -> Attempt:
    return Attempt.objects.select_for_update(of=("self",)).select_related("quiz").get(pk=attempt.pk)


@transaction.atomic
def attempt_submit(*, attempt: Attempt, raw_answers: dict[int, list[str]] | None = None, now=None) -> Attempt:
    """제출: save the last answers (if still in time) and close the attempt. A second submit changes nothing.

    One transaction, a fixed number of queries whatever the number of questions.
    """
    now = now or timezone.now()
    attempt = _lock(attempt)
    if not attempt.is_open:
        return attempt
    questions, choices, answers = _load(attempt)
    if past_deadline(attempt, now):
        attempt = _close(attempt, questions, choices, answers, now=now, timed_out=True)
        _submitted(attempt, now)
        return attempt
    for question_id, response in _parse_answers(attempt, raw_answers or {}, questions).items():
        answer = answers.get(question_id) or AttemptAnswer(attempt=attempt, question_id=question_id)
        answer.response, answer.saved_at = response, now
        answers[question_id] = answer
    attempt = _close(attempt, questions, choices, answers, now=now, timed_out=False)
    _submitted(attempt, now)
    return attempt


def _submitted(attempt: Attempt, now) -> None:
    """The trainee handed the attempt in (``courses.events``: the proxy-learning signals listen)."""
    if attempt.enrolment_id is None:
        return
    enrolment = Enrolment.objects.select_related("run").get(pk=attempt.enrolment_id)
    events.emit("assessment_submitted", enrolment=enrolment, kind="quiz", obj=attempt, now=now)


@transaction.atomic
def attempt_close(*, attempt: Attempt, now=None, timed_out: bool = False) -> Attempt:
    """Grade every saved answer and close the attempt (the deadline task and the sweeper)."""
    now = now or timezone.now()
    attempt = _lock(attempt)
    if not attempt.is_open:
        return attempt
    return _close(attempt, *_load(attempt), now=now, timed_out=timed_out)


def _close(attempt: Attempt, questions, choices, answers, *, now, timed_out: bool) -> Attempt:
    """Grade and close a locked attempt; the result feeds the completion rule at once.

    An essay answer waits for an instructor (``essay_grade``): until each is graded the attempt
    ``needs_grading`` and its score is provisional (the essay counting 0). An essay left empty is
    graded 0 at once: there is nothing to read.
    """
    for question_id in attempt.question_ids:
        question = questions.get(question_id)
        if question is None:  # deleted from the bank since: it counts for nobody
            continue
        answer = answers.get(question_id)
        if answer is None:
            answer = answers[question_id] = AttemptAnswer(
                attempt=attempt, question_id=question_id, response=None, saved_at=now
            )
        if question.type == QuestionType.ESSAY:
            if answer.response in (None, ""):
                answer.fraction, answer.points, answer.graded_at = Decimal("0"), Decimal("0.00"), now
            continue
        fraction = grading.grade(question, choices.get(question_id, []), answer.response)
        answer.fraction = fraction.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
        answer.points = (question.points * fraction).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    AttemptAnswer.objects.bulk_create([a for a in answers.values() if a.pk is None])
    AttemptAnswer.objects.bulk_update(
        [a for a in answers.values() if a.pk is not None and a.question_id in questions],
        ["response", "saved_at", "fraction", "points", "graded_at"],
    )
    attempt.state = Attempt.State.TIMED_OUT if timed_out else Attempt.State.SUBMITTED
    attempt.closed_at = now
    if any(
        questions[qid].type == QuestionType.ESSAY and answers[qid].response not in (None, "")
        for qid in attempt.question_ids
        if qid in questions
    ):  # 모사답안: compare the essays with the course's other trainees once this is committed
        from .tasks import similarity_check_attempt_task

        transaction.on_commit(lambda: similarity_check_attempt_task.delay(attempt.pk))
    attempt = _settle(attempt, questions, answers, fields=["state", "closed_at"], now=now)
    events.emit("assessment_submitted", enrolment=Enrolment(pk=attempt.enrolment_id), kind="quiz", obj=attempt, now=now)
    return attempt


def _settle(attempt: Attempt, questions, answers, *, fields=(), now=None) -> Attempt:
    """Total a closed attempt from its graded answers, store it and re-evaluate completion.

    While an essay answer waits for grading the score is provisional and the attempt neither passes
    nor fails (``passed`` is empty); ``selectors.kept_attempt`` does not count it yet.
    """
    earned = possible = Decimal("0")
    pending = False
    for question_id in attempt.question_ids:
        question = questions.get(question_id)
        if question is None:
            continue
        possible += question.points
        answer = answers.get(question_id)
        if question.type == QuestionType.ESSAY and (answer is None or answer.graded_at is None):
            pending = True
            continue
        if answer is not None and answer.points is not None:
            earned += answer.points
    attempt.points_earned, attempt.points_possible = earned, possible
    attempt.score = (
        (earned * 100 / possible).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) if possible else Decimal("0")
    )
    attempt.needs_grading = pending
    attempt.passed = None if pending else grading.passes(attempt.quiz, course=attempt.quiz.course, score=attempt.score)
    attempt.save(update_fields=["points_earned", "points_possible", "score", "passed", "needs_grading", *fields])
    # grading, regrading and 모사 decisions all total the attempt here: the 공단 reports follow
    events.emit(
        "assessment_scored",
        enrolment=Enrolment(pk=attempt.enrolment_id),
        kind="quiz",
        obj=attempt,
        now=now or timezone.now(),
    )
    enrolment_evaluate_completion(enrolment=Enrolment(pk=attempt.enrolment_id), now=now)
    return attempt


@transaction.atomic
def essay_grade(*, answer: AttemptAnswer, points: Decimal, comment: str = "", actor, now=None) -> Attempt:
    """채점: an instructor gives an essay answer points (0 to the question's points) and a comment
    (첨삭) the trainee reads in the review. The attempt is totalled again and completion re-evaluated;
    grading again replaces the earlier grade."""
    now = now or timezone.now()
    attempt = _lock(Attempt(pk=answer.attempt_id))
    if not policy_for(CourseRun).user_has_permission_for_instance(
        actor, "change", CourseRun.objects.select_related("course").get(enrolments=attempt.enrolment_id)
    ):
        raise AssessmentError(_("Only the staff of the course's institute grade its answers."))
    if attempt.is_open:
        raise AssessmentError(_("The attempt is still in progress; grade it once it is submitted."))
    answer = AttemptAnswer.objects.select_related("question").get(pk=answer.pk, attempt=attempt)
    question = answer.question
    if question.type != QuestionType.ESSAY:
        raise AssessmentError(_("Only essay answers are graded by hand."))
    from .similarity import copied_answer_ids

    if copied_answer_ids([answer.pk]):
        raise AssessmentError(_("This answer was judged a copied answer (모사답안): its score stays 0."))
    try:
        points = Decimal(str(points)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except (ArithmeticError, ValueError):
        raise AssessmentError(_("Enter the points as a number.")) from None
    if not points.is_finite() or not Decimal("0") <= points <= question.points:
        raise AssessmentError(_("Points lie between 0 and %(max)s.") % {"max": f"{question.points.normalize():f}"})
    previous = answer.points
    answer.points = points
    answer.fraction = (points / question.points).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    answer.comment = comment.strip()[:4000]
    answer.graded_by, answer.graded_at = actor, now
    answer.save(update_fields=["points", "fraction", "comment", "graded_by", "graded_at"])
    audit_record(
        action="assessments.essay_graded",
        actor=actor,
        subject_user=Enrolment.objects.values_list("user_id", flat=True).get(pk=attempt.enrolment_id),
        obj=answer,
        data={"enrolment": attempt.enrolment_id, "attempt": attempt.pk, "points": points, "previous_points": previous},
    )
    questions, _choices, answers = _load(attempt)
    return _settle(attempt, questions, answers, now=now)


@transaction.atomic
def essay_answers_mark_copied(*, answers: list[AttemptAnswer], flag: str, actor, reason: str, now=None) -> None:
    """모사답안 decision on essay answers: ``flag`` Y sets each answer to 0 points (the reason as its
    comment) and totals its attempt again, completion following; every attempt concerned records
    ``is_copied_answer`` (Y wins over N: a trainee judged 모사 on one item stays Y)."""
    from .models import CopiedAnswer

    now = now or timezone.now()
    by_attempt: dict[int, list[AttemptAnswer]] = {}
    for answer in answers:
        by_attempt.setdefault(answer.attempt_id, []).append(answer)
    for attempt_id, rows in sorted(by_attempt.items()):
        attempt = _lock(Attempt(pk=attempt_id))
        if flag == CopiedAnswer.YES:
            for answer in rows:
                answer.points, answer.fraction = Decimal("0.00"), Decimal("0")
                answer.comment = _("Judged a copied answer (모사답안): %(reason)s") % {"reason": reason}
                answer.graded_by, answer.graded_at = actor, now
            AttemptAnswer.objects.bulk_update(rows, ["points", "fraction", "comment", "graded_by", "graded_at"])
            attempt.is_copied_answer = CopiedAnswer.YES
            if not attempt.is_open:
                questions, _choices, loaded = _load(attempt)
                _settle(attempt, questions, loaded, fields=["is_copied_answer"], now=now)
                continue
        elif attempt.is_copied_answer == CopiedAnswer.NOT_JUDGED:
            attempt.is_copied_answer = CopiedAnswer.NO
        attempt.save(update_fields=["is_copied_answer"])


@transaction.atomic
def proxy_learning_void_scores(*, enrolment: Enrolment, reason: str, actor, now=None) -> None:
    """대리수강 확정 (``courses.events`` "proxy_learning_confirmed", DOMAIN-KR §1.8): every closed
    attempt and every submitted assignment of the enrolment is scored 0, the way a 모사 decision
    zeroes an item (the reason as the comment, the decider as the grader), and completion is
    re-evaluated. ``is_copied_answer`` is left alone: this is not a 모사 finding. Attempts still open
    are left to close; the completion requirement keeps the trainee from completing anyway."""
    from .models import AssignmentSubmission

    now = now or timezone.now()
    comment = _("Proxy learning (대리수강) confirmed: %(reason)s") % {"reason": reason}
    for attempt_id in Attempt.objects.filter(enrolment=enrolment).order_by("pk").values_list("pk", flat=True):
        attempt = _lock(Attempt(pk=attempt_id))
        if attempt.is_open:
            continue
        rows = list(AttemptAnswer.objects.filter(attempt=attempt))
        for answer in rows:
            answer.points, answer.fraction, answer.comment = Decimal("0.00"), Decimal("0"), comment
            answer.graded_by, answer.graded_at = actor, now
        AttemptAnswer.objects.bulk_update(rows, ["points", "fraction", "comment", "graded_by", "graded_at"])
        questions, _choices, loaded = _load(attempt)
        _settle(attempt, questions, loaded, now=now)
    for submission in AssignmentSubmission.objects.select_for_update().filter(
        enrolment=enrolment,
        state__in=[AssignmentSubmission.State.SUBMITTED, AssignmentSubmission.State.GRADED],
    ):
        submission.state = AssignmentSubmission.State.GRADED
        submission.score = Decimal("0.00")
        submission.criterion_scores = {key: "0.00" for key in submission.criterion_scores}
        submission.feedback = comment
        submission.graded_by, submission.graded_at = actor, now
        submission.save(update_fields=["state", "score", "criterion_scores", "feedback", "graded_by", "graded_at"])
        events.emit("assessment_scored", enrolment=enrolment, kind="assignment", obj=submission, now=now)
    enrolment_evaluate_completion(enrolment=enrolment, now=now)


def on_proxy_learning_confirmed(*, enrolment: Enrolment, reason: str, actor, now, **_data) -> None:
    proxy_learning_void_scores(enrolment=enrolment, reason=reason, actor=actor, now=now)


def attempts_close_overdue(*, now=None) -> int:
    """Close every attempt past its deadline, even if its trainee never came back."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=GRACE_SECONDS)
    closed = 0
    for attempt in Attempt.objects.overdue(cutoff, frozen_at=now).only("pk")[:500]:
        attempt_close(attempt=attempt, now=now, timed_out=True)
        closed += 1
    return closed


# --------------------------------------------------------------------------------------------
# Retake grants
# --------------------------------------------------------------------------------------------

RETAKE_REASON_MAX = 2000


@transaction.atomic
def retake_grant(*, enrolment: Enrolment, quiz: QuizPage, actor, reason: str) -> RetakeGrant:
    """재응시 허용: a staff member of the course's institute lets the trainee start one more attempt,
    with a reason (required). The grant is the record (who, when, why) and is logged; the trainee's
    next start beyond the limit uses it up. A trainee holds at most one unused grant per quiz."""
    reason = (reason or "").strip()
    if not reason:
        raise AssessmentError(_("Give the reason for the retake."))
    if len(reason) > RETAKE_REASON_MAX:
        raise AssessmentError(_("The reason is too long (at most %(n)s characters).") % {"n": RETAKE_REASON_MAX})
    enrolment = Enrolment.objects.select_for_update().select_related("run__course").get(pk=enrolment.pk)
    grant = RetakeGrant(enrolment=enrolment, quiz=quiz, granted_by=actor, reason=reason)
    if not policy_for(RetakeGrant).user_has_permission_for_instance(actor, "add", grant):
        raise AssessmentError(_("Only the staff of the course's institute grant retakes."))
    if not quiz.path.startswith(enrolment.run.course.path):
        raise AssessmentError(_("This quiz is not part of the trainee's course."))
    if enrolment.status not in (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED):
        raise AssessmentError(_("Only a studying trainee can be granted a retake."))
    if RetakeGrant.objects.unused().filter(enrolment=enrolment, quiz=quiz).exists():
        raise AssessmentError(_("The trainee already holds a retake of this quiz that is not used yet."))
    grant.save()
    log(instance=grant, action="wagtail.create", user=actor, data={"reason": reason})
    audit_record(
        action="assessments.retake_granted",
        actor=actor,
        subject_user=enrolment.user_id,
        obj=grant,
        reason=reason,
        data={"enrolment": enrolment.pk, "quiz": quiz.pk},
    )
    return grant


# --------------------------------------------------------------------------------------------
# Practical assessments
# --------------------------------------------------------------------------------------------


@transaction.atomic
def practical_grade(
    *,
    assessment: PracticalAssessment,
    enrolment: Enrolment,
    scores: dict[int, int],
    comments: dict[int, str],
    overall_comment: str = "",
    actor,
) -> PracticalResult:
    """An instructor records points per criterion (each between 0 and its maximum) and comments."""
    criteria = {c.pk: c for c in assessment.criteria.all()}
    if set(scores) != set(criteria):
        raise AssessmentError(_("Give points for every criterion."))
    for criterion_id, points in scores.items():
        if not 0 <= points <= criteria[criterion_id].points:
            raise AssessmentError(
                _("%(criterion)s: points lie between 0 and %(max)s.")
                % {"criterion": criteria[criterion_id].title, "max": criteria[criterion_id].points}
            )
    if enrolment.run.course_id != assessment.course_id:
        raise AssessmentError(_("The trainee is not enrolled in this assessment's course."))
    total = sum(scores.values())
    possible = sum(c.points for c in criteria.values())
    score = (Decimal(total) * 100 / possible).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    result, _created = PracticalResult.objects.update_or_create(
        assessment=assessment,
        enrolment=enrolment,
        defaults={
            "scores": {str(k): v for k, v in scores.items()},
            "comments": {str(k): v.strip()[:2000] for k, v in comments.items() if v.strip()},
            "overall_comment": overall_comment.strip()[:4000],
            "score": score,
            "passed": grading.passes(assessment, course=assessment.course, score=score),
            "graded_by": actor,
            "graded_at": timezone.now(),
        },
    )
    audit_record(
        action="assessments.practical_graded",
        actor=actor,
        subject_user=enrolment.user_id,
        obj=result,
        data={"enrolment": enrolment.pk, "score": score, "created": _created},
    )
    enrolment_evaluate_completion(enrolment=enrolment)
    return result


# --------------------------------------------------------------------------------------------
# Permissions of an institute's staff
# --------------------------------------------------------------------------------------------

AUTHORING_MODELS = ("questionbank", "question", "practicalassessment")


def grant_authoring_permissions(institute) -> None:
    """Instructors and managers of an institute author question banks, questions and rubrics.

    The model permissions open the admin screens; which rows they see and change is checked per
    object (only their own institute's).
    """
    from django.contrib.auth.models import Permission

    permissions = Permission.objects.filter(
        content_type__app_label="assessments",
        codename__in=[
            f"{action}_{model}" for model in AUTHORING_MODELS for action in ("add", "change", "delete", "view")
        ],
    )
    for group in (institute.instructors_group, institute.managers_group):
        if group is not None:
            group.permissions.add(*permissions)


# --------------------------------------------------------------------------------------------
# 만족도 설문
# --------------------------------------------------------------------------------------------


def survey_respond(*, survey, enrolment: Enrolment, answers: dict[str, int], comment: str = "", now=None):
    """Save (or change) the trainee's answers to the course's survey for ``enrolment``: every item
    1–5, the comment optional. One response per enrolment (the enrolment's row is locked, the unique
    constraint stands behind it); refused once the training period has ended."""
    from .models import SurveyResponse
    from .survey import ITEM_KEYS, LIKERT, answer_refusal

    now = now or timezone.now()
    if survey.course.pk != enrolment.run.course_id:
        raise AssessmentError(_("This survey belongs to another course."))
    missing = [key for key in ITEM_KEYS if answers.get(key) not in LIKERT]
    if missing or set(answers) - set(ITEM_KEYS):
        raise AssessmentError(_("Answer every statement with a value from 1 to 5."))
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().select_related("run").get(pk=enrolment.pk)
        refusal = answer_refusal(enrolment=enrolment, now=now)
        if refusal:
            raise AssessmentError(refusal)
        response, _created = SurveyResponse.objects.update_or_create(
            enrolment=enrolment,
            defaults={"survey": survey, "answers": dict(answers), "comment": comment.strip(), "updated_at": now},
            create_defaults={
                "survey": survey,
                "answers": dict(answers),
                "comment": comment.strip(),
                "submitted_at": now,
                "updated_at": now,
            },
        )
    return response


# --------------------------------------------------------------------------------------------
# Personal-data downloads
# --------------------------------------------------------------------------------------------

#: The history action of a 수료자 명단 download (names, birth dates, employers: personal data).
COMPLETION_LIST_EXPORT = "assessments.completion_list_export"


@transaction.atomic
def completion_list_export_log(
    *, run, actor, file_format: str, row_count: int, reason: str, subjects: list[int]
) -> None:
    """Write a download of a run's 수료자 명단 to the run's history (who and when are the entry's own;
    the file format and the number of trainees in ``data``). The history of a run is the institute's
    (``courses.models.audit``), so the institute's staff and the administrators read it. The people
    in the file and the reason given go to the personal data access log (DOMAIN-KR §5.3)."""
    log(
        instance=run,
        action=COMPLETION_LIST_EXPORT,
        user=actor,
        data={"format": file_format, "rows": row_count},
    )
    personal_data_access_record(actor=actor, action=Action.EXPORT, subjects=subjects, obj=run, reason=reason)
    audit_record(
        action=COMPLETION_LIST_EXPORT,
        actor=actor,
        obj=run,
        reason=reason,
        data={"format": file_format, "rows": row_count},
    )
