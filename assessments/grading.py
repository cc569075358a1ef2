"""Grading: one function for every question type, on the server only, and the pass rule.

``grade(question, choices, response)`` returns the share of the question's points earned, a
``Decimal`` between 0 and 1. Responses are what ``parse_response`` accepted: a list of choice
ids, a bool, a string, or a ``Decimal``. The browser never sees choice ids: it sends the attempt's
opaque identifiers, which ``parse_response`` maps back.

``passes(item, course=..., score=...)`` is the pass rule (합격) of a quiz or practical assessment:
grading stores its answer, and the gradebook, the trainee's pages and completion ask it.
``weighted_total(parts)`` is the total of a funded run's assessments (진행단계평가, 최종평가, 과제).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .models import Choice, Question, QuestionType

ZERO, ONE = Decimal("0"), Decimal("1")
MAX_TEXT = 500
#: Numeric answers larger than this are refused, not graded.
MAX_NUMBER = Decimal("1e15")

# Punctuation ignored in short answers, Korean and English alike (plus spacing and case).
_PUNCTUATION = re.compile(r"[\s\.,!?;:'\"`´‘’“”()\[\]{}<>·•…~\-_/\\|、。「」『』《》〈〉【】〔〕・ㆍ]+")


# --------------------------------------------------------------------------------------------
# The pass rule
# --------------------------------------------------------------------------------------------


def required_score(item, course) -> int:
    """The score a quiz or practical assessment needs: its pass mark or the course's minimum
    (``CoursePage.min_assessment_score``), whichever is higher."""
    return max(item.pass_mark, course.min_assessment_score)


def passes(item, *, course, score: Decimal | None) -> bool:
    """Does ``score`` pass ``item`` (a quiz or a practical assessment) in ``course``? The one answer
    for grading, the gradebook, the review and quiz pages and completion; no score passes nothing."""
    return score is not None and score >= required_score(item, course)


# --------------------------------------------------------------------------------------------
# The weighted total of funded runs (수료기준 of 사업주훈련, DOMAIN-KR §1.1)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeightedPart:
    """One part of a course's weighted total: a kind of assessment, its weight (percent of the total)
    and the trainee's score out of ``max_score``; ``score=None`` means not taken or not submitted."""

    key: str
    weight: int
    score: Decimal | None
    max_score: Decimal = Decimal("100")
    missing: bool = False  # something of this part was not taken or submitted (named on the panel)


def weighted_total(parts: Iterable[WeightedPart]) -> Decimal:
    """Σ score_i / max_i × weight_i, rounded half up to 2 decimals; a missing score counts 0.

    Weights 10/40/50 and scores 50, 70, 60 → 63.00; the same without the assignment → 33.00.
    """
    total = ZERO
    for part in parts:
        if part.weight and part.score is not None and part.max_score:
            total += Decimal(part.score) / Decimal(part.max_score) * part.weight
    return total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# --------------------------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------------------------


class ResponseError(ValueError):
    """A malformed answer: the message is translated and meant for the trainee."""


def normalise_text(value: str) -> str:
    """Case, width, spacing and punctuation do not matter: ``' P X 4 ! '`` equals ``'px4'``."""
    value = unicodedata.normalize("NFKC", value).casefold()
    return _PUNCTUATION.sub("", value)


def parse_number(value) -> Decimal:
    text = unicodedata.normalize("NFKC", str(value)).strip().replace(" ", "")
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    elif re.fullmatch(r"[-+]?\d+,\d+", text):
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ResponseError(_("Enter a number, such as 3.7.")) from None
    # copy_abs(), unlike abs(), applies no context: 9e999999999 is a valid Decimal whose abs()
    # overflows (decimal.Overflow, a server error) instead of being refused here.
    if not number.is_finite() or number.copy_abs() > MAX_NUMBER:
        raise ResponseError(_("Enter a number, such as 3.7."))
    return number


def parse_response(question: Question, choices: Mapping[str, int], raw):
    """Check an answer sent by the browser; raise ``ResponseError`` with a clear message if it is malformed.

    ``raw`` is a list of strings (form values). An empty answer is ``None`` (unanswered).
    ``choices`` maps the form identifiers of the question's choices in this attempt
    (``Attempt.choices_by_token``) to the choices' ids; any other value is refused.
    """
    values = [str(v) for v in (raw if isinstance(raw, (list, tuple)) else [raw]) if v not in (None, "")]
    if any(len(v) > MAX_TEXT for v in values):
        raise ResponseError(_("The answer is too long (at most %(n)s characters).") % {"n": MAX_TEXT})
    if not values:
        return None
    kind = question.type
    if kind in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        if any(v not in choices for v in values) or len(set(values)) != len(values):
            raise ResponseError(_("Choose one of the listed answers."))
        ids = [choices[v] for v in values]
        if kind == QuestionType.SINGLE and len(ids) != 1:
            raise ResponseError(_("Choose exactly one answer."))
        return sorted(ids)
    if kind == QuestionType.TRUE_FALSE:
        if len(values) != 1 or values[0] not in ("true", "false"):
            raise ResponseError(_("Answer true or false."))
        return values[0] == "true"
    if len(values) != 1:
        raise ResponseError(_("Give one answer."))
    if kind == QuestionType.NUMERIC:
        return str(parse_number(values[0]))
    return values[0].strip()


def grade(question: Question, choices: list[Choice], response) -> Decimal:
    """The share of the question's points (0 to 1) that ``response`` earns."""
    if response is None:
        return ZERO
    kind = question.type
    if kind == QuestionType.SINGLE:
        # One choice is fully right; others may earn part of the points (Moodle's single choice).
        chosen = [c for c in choices if c.pk in set(response)]
        return min(ONE, max(ZERO, chosen[0].weight)) if len(chosen) == 1 else ZERO
    if kind == QuestionType.MULTIPLE:
        selected = set(response)
        if question.partial_credit:
            earned = sum((c.weight for c in choices if c.pk in selected), ZERO)
            return min(ONE, max(ZERO, earned))
        correct = {c.pk for c in choices if c.weight > 0}
        return ONE if selected == correct else ZERO
    if kind == QuestionType.TRUE_FALSE:
        return ONE if question.correct_answer is not None and bool(response) == question.correct_answer else ZERO
    if kind == QuestionType.SHORT:
        given = normalise_text(str(response))
        return ONE if given and any(given == normalise_text(a) for a in question.accepted_answer_list) else ZERO
    if kind == QuestionType.NUMERIC:
        if question.numeric_answer is None:
            return ZERO
        return ONE if abs(Decimal(str(response)) - question.numeric_answer) <= question.tolerance else ZERO
    return ZERO
