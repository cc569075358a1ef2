"""The trainee's side of a quiz: start, answer (saved as they go), submit, review.

An attempt is reachable only by its own trainee (anyone else gets 404), through an unguessable id.
Nothing sent to the browser contains the answer key until ``selectors.answers_visible`` allows it
(never while the trainee can still start another attempt), and the attempt form names choices by
the attempt's opaque identifiers, never by their ids.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.protection import refusal_json_response, restricted_check, restricted_gate

from . import selectors, services
from .grading import passes
from .models import Attempt, QuizPage


def _own_attempt(request, attempt_id) -> Attempt:
    return get_object_or_404(Attempt.objects.select_related("quiz"), public_id=attempt_id, user=request.user)


def _answers_from(post, attempt: Attempt) -> dict[int, list[str]]:
    """Answers in a submitted form: fields ``q-<question id>``; only the attempt's questions.
    Choice questions carry the attempt's choice identifiers; the service maps them back."""
    answers = {}
    for question_id in attempt.question_ids:
        key = f"q-{question_id}"
        if key in post:
            answers[question_id] = post.getlist(key)
    return answers


@login_required
@require_POST
def start(request, quiz_id):
    quiz = get_object_or_404(QuizPage.objects.live(), pk=quiz_id)
    refused, _event = restricted_gate(request, course=quiz.course, obj=quiz)  # restricted course: F3.2
    if refused is not None:
        return refused
    try:
        attempt = services.attempt_start(quiz=quiz, user=request.user)
    except services.DetourRequired as error:  # the identity check of this attempt start
        return redirect(error.url)
    except services.GateRefusal as error:  # funded runs: a gate, the one attempt, the training period
        return render(request, "assessments/start_refused.html", {"quiz": quiz, "reason": str(error)}, status=403)
    except services.AssessmentError as error:
        messages.error(request, str(error))
        return redirect(quiz.url)
    return redirect("assessments:attempt", attempt.public_id)


@login_required
def attempt_page(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    refused, _event = restricted_gate(request, course=attempt.quiz.course, obj=attempt.quiz)
    if refused is not None:  # a restricted course: its questions are restricted material too
        return refused
    now = timezone.now()
    if attempt.is_open and services.past_deadline(attempt, now):
        services.attempt_close(attempt=attempt, now=now, timed_out=True)
        attempt.refresh_from_db()
    if not attempt.is_open:
        return redirect("assessments:review", attempt.public_id)
    if request.method == "POST":
        answers = _answers_from(request.POST, attempt)
        try:
            if request.POST.get("action") == "submit":
                services.attempt_submit(attempt=attempt, raw_answers=answers)
                messages.success(request, _("Your answers were submitted."))
                return redirect("assessments:review", attempt.public_id)
            services.attempt_save_answers(attempt=attempt, raw_answers=answers)
            messages.success(request, _("Your answers were saved."))
        except services.AssessmentError as error:
            messages.error(request, str(error))
        attempt.refresh_from_db()
        if not attempt.is_open:
            return redirect("assessments:review", attempt.public_id)
        return redirect("assessments:attempt", attempt.public_id)
    items = selectors.attempt_form_items(attempt)
    return render(
        request,
        "assessments/attempt.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "items": items,
            "answered_count": sum(1 for item in items if item.is_answered),
            "deadline": attempt.deadline,
            "seconds_left": max(0, int((attempt.deadline - now).total_seconds())) if attempt.deadline else None,
        },
    )


@login_required
@require_POST
def save_answer(request, attempt_id):
    """Autosave of one question while the trainee works (JSON).

    In a restricted course every autosave asks the conditions and is logged like the attempt page
    (an expiry stops the answers at the next save); a refusal is a 403 JSON answer naming the
    condition, like the lesson heartbeat's."""
    attempt = _own_attempt(request, attempt_id)
    refusal, _event = restricted_check(request, course=attempt.quiz.course, obj=attempt.quiz)
    if refusal is not None:
        return refusal_json_response(refusal, saved=False)
    try:
        question_id = int(request.POST.get("question", ""))
    except ValueError:
        return JsonResponse({"saved": False, "error": _("This question is not part of your attempt.")}, status=400)
    try:
        services.attempt_save_answers(attempt=attempt, raw_answers={question_id: request.POST.getlist("answer")})
    except services.AssessmentError as error:
        attempt.refresh_from_db()
        status = 409 if not attempt.is_open else 400
        return JsonResponse({"saved": False, "error": str(error), "closed": not attempt.is_open}, status=status)
    return JsonResponse({"saved": True})


@login_required
def review(request, attempt_id):
    """A closed attempt's questions and answers (the answer key when the review policy allows): in a
    restricted course, restricted material like the quiz itself, so its conditions are asked and the
    view is logged on every request (F3.2, F3.5)."""
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_open:
        raise Http404
    quiz = attempt.quiz
    refused, _event = restricted_gate(request, course=quiz.course, obj=quiz)
    if refused is not None:
        return refused
    return render(
        request,
        "assessments/review.html",
        {
            "attempt": attempt,
            "quiz": quiz,
            **selectors.attempt_review_context(attempt=attempt),
            "passes": passes(quiz, course=quiz.course, score=attempt.score),
        },
    )
