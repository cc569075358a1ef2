"""Grading: one function for every question type, on the server only, and the pass rule.

``grade(question, choices, response)`` returns the share of the question's points earned, a
``Decimal`` between 0 and 1. Responses are what ``parse_response`` accepted: a list of choice
ids, a bool, a string, a ``Decimal``, or for a matching question a dict of premise pair id →
answer pair id. The browser never sees choice or pair ids: it sends the attempt's opaque
identifiers, which ``parse_response`` maps back. Essays (서술형) are not graded here: an instructor
grades them (``services.essay_grade``).

``passes(item, course=..., score=...)`` is the pass rule (합격) of a quiz or practical assessment:
grading stores its answer, and the gradebook, the trainee's pages and completion ask it.
``weighted_total(parts)`` is the total of a funded run's assessments (진행단계평가, 최종평가, 과제).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from .models import Choice, MatchPair, Question, QuestionType
from .models.bank import MAX_ANSWER_NUMBER

ZERO, ONE = Decimal("0"), Decimal("1")
MAX_TEXT = 500
#: The longest essay answer accepted (characters).
MAX_ESSAY = 20000
#: Numeric answers larger than this are refused, not graded.
MAX_NUMBER = MAX_ANSWER_NUMBER

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
    untaken: bool = False  # a test of this part that exists was never taken (or the 과제 never submitted)


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


def normalise_text(value: str, *, case_sensitive: bool = False) -> str:
    """Case (unless ``case_sensitive``), width, spacing and punctuation do not matter: ``' P X 4 ! '``
    equals ``'px4'``."""
    value = unicodedata.normalize("NFKC", value)
    if not case_sensitive:
        value = value.casefold()
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


# --------------------------------------------------------------------------------------------
# Matching questions: the attempt's opaque identifiers of premises and answers
# --------------------------------------------------------------------------------------------

MATCH_TOKEN_LENGTH = 16


def match_token(public_id, kind: str, pair_id: int) -> str:
    """The identifier of a premise (``kind="p"``) or an answer (``"a"``) of a matching question in
    one attempt: a keyed hash like ``Attempt.choice_token``, with its own salt, so a premise and the
    answer of the same pair never share an identifier."""
    digest = salted_hmac("assessments.match_token", f"{public_id}:{kind}:{pair_id}", algorithm="sha256")
    return digest.hexdigest()[:MATCH_TOKEN_LENGTH]


@dataclass(frozen=True)
class MatchOptions:
    """A matching question in one attempt: form identifiers of its premises and of its answers.

    Answers with the same text are one answer (Moodle's rule), named by their first pair. Sorting by
    identifier gives the order shown: random for each attempt, stable when the page is reloaded.
    """

    premises: dict[str, int]  # token → pair id, in the order shown
    answers: dict[str, int]  # token → pair id of the answer's first pair, in the order shown
    texts: dict[int, str]  # pair id → answer text
    premise_texts: dict[int, str]  # pair id → premise text


def match_options(public_id, pairs: Sequence[MatchPair], *, shuffle_premises: bool = True) -> MatchOptions:
    """The options of a matching question whose pairs are ``pairs`` (authoring order) in an attempt."""
    first: dict[str, int] = {}
    for pair in pairs:
        first.setdefault(pair.answer, pair.pk)
    premises = [(match_token(public_id, "p", pair.pk), pair.pk) for pair in pairs if pair.premise]
    if shuffle_premises:
        premises.sort()
    answers = sorted((match_token(public_id, "a", pair_id), pair_id) for pair_id in first.values())
    return MatchOptions(
        premises=dict(premises),
        answers=dict(answers),
        texts={pair.pk: pair.answer for pair in pairs},
        premise_texts={pair.pk: pair.premise for pair in pairs},
    )


def parse_response(question: Question, choices: Mapping[str, int] | MatchOptions, raw):
    """Check an answer sent by the browser; raise ``ResponseError`` with a clear message if it is malformed.

    ``raw`` is a list of strings (form values). An empty answer is ``None`` (unanswered).
    ``choices`` maps the form identifiers of the question's choices in this attempt
    (``Attempt.choices_by_token``) to the choices' ids; any other value is refused. For a matching
    question it is the question's ``MatchOptions`` and each value is ``<premise>:<answer>``.
    """
    values = [str(v) for v in (raw if isinstance(raw, (list, tuple)) else [raw]) if v not in (None, "")]
    kind = question.type
    limit = MAX_ESSAY if kind == QuestionType.ESSAY else MAX_TEXT
    if any(len(v) > limit for v in values):
        raise ResponseError(_("The answer is too long (at most %(n)s characters).") % {"n": limit})
    if kind == QuestionType.ESSAY:
        if len(values) > 1:
            raise ResponseError(_("Give one answer."))
        # An answer left as the template it started from is no answer (as in Moodle).
        if not values or not values[0].strip() or values[0].strip() == question.response_template.strip():
            return None
        return values[0]
    if not values:
        return None
    if kind == QuestionType.MATCHING:
        return _parse_matching(choices, values)
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


def _parse_matching(options, values: list[str]) -> dict[str, int] | None:
    if not isinstance(options, MatchOptions):
        raise ResponseError(_("Choose one of the listed answers."))
    chosen: dict[str, int] = {}
    for value in values:
        premise, _colon, answer = value.partition(":")
        if premise not in options.premises or answer not in options.answers:
            raise ResponseError(_("Choose one of the listed answers."))
        premise_id = str(options.premises[premise])
        if premise_id in chosen:
            raise ResponseError(_("Choose one answer for each item."))
        chosen[premise_id] = options.answers[answer]
    return chosen or None


def short_answer_matches(given: str, pattern: str, *, case_sensitive: bool = False) -> bool:
    """Does the answer ``given`` match the accepted answer ``pattern``? As Moodle's short answer:
    ``*`` stands for any text (a run of stars is one), ``\\*`` is a star, and case matters only when
    the question says so (Moodle's ``usecase``); and as the Academy always has: width, spacing and
    punctuation do not matter (``normalise_text`` on both sides)."""
    given = normalise_text(given, case_sensitive=case_sensitive)
    bits = [
        normalise_text(bit.replace("\\*", "*"), case_sensitive=case_sensitive)
        for bit in re.split(r"(?<!\\)\*+", pattern)
    ]
    if len(bits) == 1:
        return bool(given) and given == bits[0]
    return re.fullmatch(".*".join(re.escape(bit) for bit in bits), given, flags=re.DOTALL) is not None


def grade(question: Question, choices: Sequence[Choice | MatchPair], response) -> Decimal:
    """The share of the question's points (0 to 1) that ``response`` earns.

    ``choices`` are the question's choices, or for a matching question its pairs. Short answers
    follow Moodle: the first accepted answer that matches gives its share (``%50%`` lines), later
    ones are not tried. Matching follows Moodle's default: the share of premises matched rightly.
    Essays earn nothing here; an instructor grades them.
    """
    if response is None:
        return ZERO
    kind = question.type
    if kind == QuestionType.MATCHING:
        texts = {pair.pk: pair.answer for pair in choices}
        premises = [pair for pair in choices if pair.premise]
        if not premises or not isinstance(response, dict):
            return ZERO
        right = sum(1 for pair in premises if texts.get(response.get(str(pair.pk))) == pair.answer)
        return Decimal(right) / Decimal(len(premises))
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
    if kind in (QuestionType.SHORT, QuestionType.NUMERIC):
        fraction, _feedback = matched_answer(question, response)
        return min(ONE, max(ZERO, fraction)) if fraction is not None else ZERO
    return ZERO


def matched_answer(question: Question, response) -> tuple[Decimal | None, str]:
    """Short answer and numeric: the share of the points of the accepted answer ``response`` matches
    and that answer's feedback, or ``(None, "")`` when it matches none.

    As Moodle, the first accepted answer that matches counts (a short answer's lines in order). A
    numeric question's own answer is tried first, then its other accepted numbers in order, so the
    full-marks number wins where a wider partial-credit range overlaps it.
    """
    if response is None:
        return None, ""
    if question.type == QuestionType.SHORT:
        given = str(response)
        for entry in question.accepted_answer_entries:
            if short_answer_matches(given, entry.pattern, case_sensitive=question.case_sensitive):
                return entry.fraction, entry.feedback
        return None, ""
    if question.type == QuestionType.NUMERIC:
        try:
            number = Decimal(str(response))
        except InvalidOperation:  # only parse_number's answers are stored; anything else matches nothing
            return None, ""
        if question.numeric_answer is not None and abs(number - question.numeric_answer) <= question.tolerance:
            return ONE, ""
        for entry in question.numeric_answer_entries:
            if entry.value is not None and abs(number - entry.value) <= entry.tolerance:
                return entry.fraction, entry.feedback
    return None, ""
