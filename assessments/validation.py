"""Rules a question must satisfy, shared by the admin form and the importer."""

from __future__ import annotations

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from .fractions import allowed_fraction
from .models import QuestionType
from .models.bank import parse_accepted_answer, parse_numeric_answer

TOLERANCE = Decimal("0.01")
# An accepted answer ending in an unescaped "#": most likely a hash sign meant literally (C#).
_EMPTY_FEEDBACK = re.compile(r"(?<!\\)#\s*\Z")


def question_problems(
    *,
    type: str,
    text: str,
    choices: list[tuple[str, Decimal]],
    partial_credit: bool = False,
    correct_answer: bool | None = None,
    accepted_answers: list[str] | None = None,
    numeric_answer: Decimal | None = None,
    tolerance: Decimal | None = None,
    pairs: list[tuple[str, str]] | None = None,
    other_numeric_answers: list[str] | None = None,
) -> list[str]:
    """Everything wrong with a question, as messages an instructor understands (empty: valid)."""
    problems = []
    if not (text or "").strip():
        problems.append(_("The question has no text."))
    if type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        if len(choices) < 2:
            problems.append(_("A choice question needs at least two choices."))
        weights = [Decimal(w) for _text, w in choices]
        if type == QuestionType.SINGLE:
            full = [w for w in weights if w >= 1]
            if len(full) != 1:
                problems.append(
                    _("A single-choice question needs exactly one correct choice (weight 1); this one has %(n)s.")
                    % {"n": len(full)}
                )
        else:
            positive = [w for w in weights if w > 0]
            if not positive:
                problems.append(_("A multiple-choice question needs at least one correct choice."))
            elif partial_credit and abs(sum(positive) - 1) > TOLERANCE:
                problems.append(
                    _("With partial credit, the weights of the correct choices must add up to 1 (now %(sum)s).")
                    % {"sum": sum(positive)}
                )
        if any(abs(w) > 1 for w in weights):
            problems.append(_("Choice weights lie between -1 and 1."))
    elif choices:
        problems.append(_("Only single- and multiple-choice questions have choices."))
    if type == QuestionType.TRUE_FALSE and correct_answer is None:
        problems.append(_("Say whether the statement is true or false."))
    if type == QuestionType.SHORT:
        entries = [e for e in (parse_accepted_answer(line) for line in accepted_answers or []) if e is not None]
        if not entries:
            problems.append(_("A short-answer question needs at least one accepted answer."))
        elif not any(e.fraction == 1 for e in entries):
            problems.append(_("One accepted answer must be worth full marks (a line without a %…% prefix)."))
        for line in accepted_answers or []:
            if _EMPTY_FEEDBACK.search(line):
                problems.append(
                    _(
                        "“%(line)s”: what follows # is the feedback for that answer, and there is none. Write \\# "
                        "for a hash sign (e.g. C\\#), or write the feedback after the #."
                    )
                    % {"line": line.strip()}
                )
        for entry in entries:
            if not entry.pattern:
                problems.append(_("An accepted answer is empty: write its text after the %…% prefix."))
            if allowed_fraction(entry.fraction) is None:
                problems.append(
                    _("“%(answer)s”: %(weight)s%% is not a grade Moodle allows (such as 50, 33.33333 or 25).")
                    % {"answer": entry.pattern, "weight": f"{(entry.fraction * 100).normalize():f}"}
                )
    if type == QuestionType.MATCHING:
        pairs = [(p.strip(), a.strip()) for p, a in pairs or [] if p.strip() or a.strip()]
        if len(pairs) < 2:
            problems.append(_("A matching question needs at least two pairs."))
        if any(not answer for _premise, answer in pairs):
            problems.append(_("Every pair needs an answer."))
        if pairs and not any(premise for premise, _answer in pairs):
            problems.append(_("A matching question needs at least one premise."))
    elif pairs and any(p.strip() or a.strip() for p, a in pairs):
        problems.append(_("Only matching questions have pairs."))
    if type == QuestionType.NUMERIC:
        if numeric_answer is None:
            problems.append(_("A numeric question needs its answer."))
        if tolerance is not None and tolerance < 0:
            problems.append(_("The tolerance cannot be negative."))
    others = [e for e in (parse_numeric_answer(line) for line in other_numeric_answers or []) if e is not None]
    if others and type != QuestionType.NUMERIC:
        problems.append(_("Only numeric questions have other accepted numbers."))
    for entry in others if type == QuestionType.NUMERIC else []:
        if entry.value is None:
            problems.append(
                _(
                    "“%(line)s” is not an accepted number. Write value:tolerance or low..high, e.g. %%50%%3.7:0.5 "
                    "or %%50%%3.2..4.2."
                )
                % {"line": entry.text}
            )
        elif entry.tolerance < 0:
            problems.append(_("The tolerance cannot be negative."))
        if allowed_fraction(entry.fraction) is None:
            problems.append(
                _("“%(answer)s”: %(weight)s%% is not a grade Moodle allows (such as 50, 33.33333 or 25).")
                % {"answer": entry.text, "weight": f"{(entry.fraction * 100).normalize():f}"}
            )
    return problems
