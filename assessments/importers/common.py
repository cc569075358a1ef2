"""What the importers share: the dataclasses a parse returns, the limits, and the problem messages
and checks both formats use (the underscored helpers are for this package's modules only)."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024
MAX_QUESTIONS = 2000
NAME_LENGTH = 60
GAP = "_____"

GIFT_EXTENSIONS = {".gift", ".txt"}
XML_EXTENSIONS = {".xml"}

_SUM_TOLERANCE = 0.01
_EPSILON = 1e-6


@dataclass
class ImportedChoice:
    text: str
    fraction: float
    feedback: str = ""


@dataclass
class ImportedQuestion:
    type: str
    name: str
    text: str
    points: float = 1.0
    feedback: str = ""
    choices: list[ImportedChoice] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    #: The share of the points each of ``answers`` earns (short answer); empty: every one is worth 100 %.
    answer_fractions: list[float] = field(default_factory=list)
    #: Short answer: the feedback of each of ``answers`` (empty: none has feedback).
    answer_feedback: list[str] = field(default_factory=list)
    #: Short answer: "Cat" and "cat" are different answers (Moodle's ``usecase``).
    case_sensitive: bool = False
    #: Numeric: other accepted numbers after ``value``, each (value, tolerance, fraction, feedback).
    other_numbers: list[tuple[float, float, float, str]] = field(default_factory=list)
    #: Matching: (premise, answer) pairs in order; an empty premise adds a wrong answer to choose from.
    pairs: list[tuple[str, str]] = field(default_factory=list)
    #: Short answer and numeric: feedback for any answer that matches none of the accepted ones.
    wrong_feedback: str = ""
    #: Essay: the text the answer box starts with, and notes for the graders.
    response_template: str = ""
    grader_info: str = ""
    correct: bool | None = None
    value: float | None = None
    tolerance: float = 0.0
    category: str = ""
    location: str = ""


@dataclass
class ImportProblem:
    location: str
    message: str


@dataclass
class ImportResult:
    questions: list[ImportedQuestion]
    errors: list[ImportProblem]
    unsupported: list[ImportProblem]


# --------------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------------

Report = Callable[[str], None]

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def _file_problem(message: str) -> ImportResult:
    return ImportResult(questions=[], errors=[ImportProblem("file", message)], unsupported=[])


def _too_large() -> ImportResult:
    return _file_problem(
        _(
            "The file is larger than %(limit)s MB. Split the question bank into smaller files "
            "and import them one at a time."
        )
        % {"limit": MAX_BYTES // (1024 * 1024)}
    )


def _too_many(count: int) -> ImportResult:
    return _file_problem(
        _(
            "The file has %(count)s questions, but at most %(limit)s can be imported at once. "
            "Split it into smaller files."
        )
        % {"count": count, "limit": MAX_QUESTIONS}
    )


def _empty() -> ImportResult:
    return _file_problem(_("The file contains no questions."))


def _at_line(line: int, problem: str) -> ImportProblem:
    return ImportProblem(f"line {line}", _("Line %(line)s: %(problem)s") % {"line": line, "problem": problem})


def _at_question(number: int, problem: str) -> ImportProblem:
    return ImportProblem(
        f"question {number}", _("Question %(number)s: %(problem)s") % {"number": number, "problem": problem}
    )


def _plain(text: str) -> str:
    """The text without HTML tags or entities, on one line."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", text))).strip()


def _name_from(text: str) -> str:
    return _plain(text)[:NAME_LENGTH].strip()


def _number(text: str) -> float | None:
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def _percent(fraction: float) -> str:
    """A fraction as a percentage for messages: 0.9 → "90", 1/3 → "33.33"."""
    return f"{fraction * 100:.2f}".rstrip("0").rstrip(".")


def _is_full(fraction: float) -> bool:
    return math.isclose(fraction, 1.0, abs_tol=_EPSILON)


def _short(text: str, limit: int = 40) -> str:
    text = _SPACE.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _category_path(raw: str) -> str:
    """``$course$/top/드론/기초`` → ``드론/기초``: Moodle's context and "top" say nothing to us.

    Moodle writes a slash inside a category name as ``//``; it comes back as a single slash.
    """
    segments = [part.replace("\0", "/").strip() for part in raw.strip().replace("//", "\0").split("/")]
    segments = [part for part in segments if part]
    if segments and re.fullmatch(r"\$\w+\$", segments[0]):
        segments = segments[1:]
    if segments and segments[0].lower() == "top":
        segments = segments[1:]
    return "/".join(segments)


def _unsupported_message(kind: str) -> str:
    return _(
        "%(kind)s are not supported, so this question was not imported. "
        "Create it by hand after the import, or remove it from the file."
    ) % {"kind": kind}


def _no_text() -> str:
    return _("the question has no text. Write the question before its answers.")


def _empty_answer(number: int) -> str:
    return _("answer %(number)s is empty; write its text.") % {"number": number}


def _out_of_range(answer: str, fraction: float) -> str:
    return _(
        "the answer “%(answer)s” is worth %(weight)s%%, which is out of range; "
        "an answer is worth between -100%% and 100%%."
    ) % {"answer": _short(answer), "weight": _percent(fraction)}


def _not_a_number(value: str) -> str:
    return _("“%(value)s” is not a number. Write numbers with digits and a dot as the decimal separator, e.g. 3.7.") % {
        "value": _short(value)
    }


def _negative_tolerance(tolerance: float) -> str:
    return _(
        "the tolerance %(tolerance)s is negative. The tolerance is how far an answer may be from the right "
        "value, so it must be 0 or more."
    ) % {"tolerance": f"{tolerance:g}"}


def _no_full_short() -> str:
    return _(
        "a short-answer question needs an accepted answer worth full marks (100%), so that a trainee can earn "
        "every point; this one has none. Remove the weight from the best answer."
    )


def _fraction_not_allowed(name: str, answer: str, fraction: float) -> str:
    """Moodle's grade list (``assessments.fractions``), in the words of an instructor."""
    return _(
        "in the question “%(name)s”, the answer “%(answer)s” is worth %(weight)s%%, which is not one of the grades "
        "Moodle allows (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, "
        "14.28571, 12.5, 11.11111, 10, 5 or 0 %%, or the negative of one of them). Moodle refuses such a file; "
        "choose one of these grades."
    ) % {"name": _short(name), "answer": _short(answer), "weight": _percent(fraction)}


def _check_fractions(question: ImportedQuestion, report: Report) -> None:
    """Every answer grade of ``question`` must be one Moodle allows; grades outside -100..100 % are
    reported by ``_check_choices`` already."""
    from assessments.fractions import allowed_fraction

    graded = [(c.text, c.fraction) for c in question.choices]
    graded += list(zip(question.answers, question.answer_fractions, strict=False))
    graded += [(f"{value:g}", fraction) for value, _tolerance, fraction, _feedback in question.other_numbers]
    for text, fraction in graded:
        if -1 - _EPSILON <= fraction <= 1 + _EPSILON and allowed_fraction(fraction) is None:
            report(_fraction_not_allowed(question.name, text, fraction))


def _check_pairs(pairs: list[tuple[str, str]], report: Report) -> None:
    """Moodle's rules for a matching question: at least two pairs, each premise with an answer, and
    at least one premise (a pair without a premise only offers a wrong answer)."""
    if len(pairs) < 2:
        report(_("a matching question needs at least 2 pairs; this one has %(count)s.") % {"count": len(pairs)})
    for number, (_premise, answer) in enumerate(pairs, start=1):
        if not answer:
            report(_("pair %(number)s has no answer; write the answer after the premise.") % {"number": number})
    if pairs and not any(premise for premise, _answer in pairs):
        report(_("a matching question needs at least one premise to match; this one has only answers."))


def _numeric_partial(fraction: float) -> str:
    return _(
        "a numerical question needs one answer worth full marks (100%%); this one's answer is worth %(weight)s%%."
    ) % {"weight": _percent(fraction)}


def _numeric_no_full() -> str:
    return _(
        "a numerical question needs an answer worth full marks (100%), so that a trainee can earn every point; "
        "this one has only answers worth part of the points. Remove the weight from the best answer."
    )


def _too_few_choices(count: int) -> str:
    return _("a multiple-choice question needs at least 2 answers; this one has %(count)s.") % {"count": count}


def _check_choices(choices: list[ImportedChoice], single: bool, gift: bool, report: Report) -> None:
    """The checks a single- or multiple-choice question must pass, in the words of its format."""
    for number, choice in enumerate(choices, start=1):
        if not choice.text:
            report(_empty_answer(number))
        elif not -1 - _EPSILON <= choice.fraction <= 1 + _EPSILON:
            report(_out_of_range(choice.text, choice.fraction))
    if len(choices) < 2:
        report(_too_few_choices(len(choices)))
    if single:
        full = sum(1 for choice in choices if _is_full(choice.fraction))
        if full != 1:
            if gift:
                report(
                    _(
                        "a single-choice question needs exactly one answer marked with =; this one has %(count)s. "
                        "Mark the right answer with = and the others with ~; to accept several answers, give each "
                        "right one a weight instead, e.g. ~%%50%%."
                    )
                    % {"count": full}
                )
            else:
                report(
                    _(
                        'a single-choice question needs exactly one answer with fraction="100"; this one has '
                        '%(count)s. Give the right answer fraction="100", or set <single>false</single> to let '
                        "trainees choose several answers."
                    )
                    % {"count": full}
                )
    elif choices:
        total = sum(choice.fraction for choice in choices if choice.fraction > 0)
        if abs(total - 1) > _SUM_TOLERANCE + _EPSILON:
            if gift:
                report(
                    _(
                        "the weights of the right answers add up to %(total)s%%, but they must add up to 100%%. "
                        "Adjust the ~%%…%% weights."
                    )
                    % {"total": _percent(total)}
                )
            else:
                report(
                    _(
                        "the positive fractions of the answers add up to %(total)s%%, but they must add up to "
                        '100%%. Adjust the fraction="…" values.'
                    )
                    % {"total": _percent(total)}
                )
