"""GIFT, as described at https://docs.moodle.org/en/GIFT_format (where it leaves room: as Moodle exports)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .common import (
    GAP,
    MAX_BYTES,
    MAX_QUESTIONS,
    ImportedChoice,
    ImportedQuestion,
    ImportResult,
    _at_line,
    _category_path,
    _check_choices,
    _check_fractions,
    _check_pairs,
    _empty,
    _empty_answer,
    _is_full,
    _name_from,
    _negative_tolerance,
    _no_full_short,
    _no_text,
    _not_a_number,
    _number,
    _numeric_no_full,
    _numeric_partial,
    _short,
    _too_large,
    _too_many,
)

# Escaped characters become private-use placeholders while the text is taken apart, so that none of
# them is mistaken for syntax; they are turned back into the characters themselves at the end.
_GIFT_ESCAPES = {
    "\\": "\ue000",
    "~": "\ue001",
    "=": "\ue002",
    "#": "\ue003",
    "{": "\ue004",
    "}": "\ue005",
    ":": "\ue006",
    "n": "\ue007",
}
_GIFT_UNESCAPE = str.maketrans(
    {placeholder: ("\n" if char == "n" else char) for char, placeholder in _GIFT_ESCAPES.items()}
)
_GIFT_ESCAPE = re.compile(r"\\(.)")
_GIFT_FORMAT = re.compile(r"\A\s*\[(?:html|moodle|markdown|plain)\]", re.IGNORECASE)
_GIFT_WEIGHT = re.compile(r"\A%([^%]*)%")
_GIFT_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_GIFT_CATEGORY = "$CATEGORY:"
_GIFT_TRUE = {"T", "TRUE"}
_GIFT_FALSE = {"F", "FALSE"}


def _protect(text: str) -> str:
    return _GIFT_ESCAPE.sub(lambda match: _GIFT_ESCAPES.get(match.group(1), match.group(0)), text)


def _restore(text: str) -> str:
    return text.translate(_GIFT_UNESCAPE)


def _gift_text(text: str) -> str:
    """Finished text: the [format] marker dropped, escapes resolved, outer spaces trimmed."""
    return _restore(_GIFT_FORMAT.sub("", text.strip(), count=1)).strip()


@dataclass
class _GiftAnswer:
    marker: str  # "=" or "~"
    weight: float | None  # the %n% weight as a fraction, None when there is none
    text: str
    feedback: str


def _gift_chunks(text: str) -> list[tuple[int, list[tuple[int, str]]]]:
    """Blank lines separate the questions; comment lines are dropped. Each chunk keeps its line numbers."""
    chunks: list[tuple[int, list[tuple[int, str]]]] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(_GIFT_LINE_BREAK.split(text), start=1):
        stripped = line.strip()
        if not stripped:
            if current:
                chunks.append((current[0][0], current))
                current = []
        elif not stripped.startswith("//"):
            current.append((number, stripped))
    if current:
        chunks.append((current[0][0], current))
    return chunks


def parse_gift(text: str) -> ImportResult:
    """Read a GIFT question bank (https://docs.moodle.org/en/GIFT_format)."""
    if len(text.encode("utf-8", errors="surrogatepass")) > MAX_BYTES:
        return _too_large()
    text = text.removeprefix("\ufeff")

    # Split off the $CATEGORY: lines first, so that the questions can be counted before any is read.
    # Each item is (line, question text), or (None, category path).
    items: list[tuple[int | None, str]] = []
    for _start, lines in _gift_chunks(text):
        if lines[0][1].startswith(_GIFT_CATEGORY):
            items.append((None, _category_path(lines[0][1][len(_GIFT_CATEGORY) :])))
            lines = lines[1:]
            if not lines:
                continue
        items.append((lines[0][0], "\n".join(line for _number, line in lines)))
    count = sum(1 for line, _body in items if line is not None)
    if count > MAX_QUESTIONS:
        return _too_many(count)
    if count == 0:
        return _empty()

    result = ImportResult(questions=[], errors=[], unsupported=[])
    category = ""
    for line, body in items:
        if line is None:
            category = body
            continue
        _GiftQuestion(body, line, category, result).parse()
    return result


class _GiftQuestion:
    """One question of a GIFT file, read into ``result``."""

    def __init__(self, body: str, line: int, category: str, result: ImportResult):
        self.body = _protect(body).strip()
        self.line = line
        self.category = category
        self.result = result
        self.failed = False

    def error(self, problem: str) -> None:
        self.failed = True
        self.result.errors.append(_at_line(self.line, problem))

    def unsupported(self, problem: str) -> None:
        self.result.unsupported.append(_at_line(self.line, problem))

    def parse(self) -> None:
        body = self.body
        title = ""
        if body.startswith("::"):
            end = body.find("::", 2)
            if end < 0:
                self.error(
                    _(
                        "the title starts with :: but is never closed. Write the title as ::Title:: before the "
                        "question, or write \\: for a colon in the text."
                    )
                )
                return
            title = _gift_text(body[2:end])
            body = body[end + 2 :]

        opening = body.find("{")
        closing = body.find("}")
        if opening < 0:
            if closing >= 0:
                self.error(_stray_closing())
            elif not _gift_text(body):
                self.error(_no_text())
            else:
                self.unsupported(
                    _(
                        "the question has no answer block {…}, so it is a description (text only), which is not "
                        "supported. Add an answer block if it is meant to be a question, or remove it."
                    )
                )
            return
        if 0 <= closing < opening:
            self.error(_stray_closing())
            return
        closing = body.find("}", opening + 1)
        if closing < 0:
            self.error(
                _(
                    "the answer block opened with { is never closed. Add the closing }, or write \\{ if you meant "
                    "a brace in the text."
                )
            )
            return
        if body.find("{", opening + 1, closing) >= 0:
            self.error(
                _(
                    "a { appears inside the answer block. Close the block with } first, separate questions with a "
                    "blank line, or write \\{ for a brace in the text."
                )
            )
            return
        head, block, tail = body[:opening], body[opening + 1 : closing], body[closing + 1 :]
        if "{" in tail:
            self.error(
                _(
                    "the question has more than one answer block {…}; GIFT allows one per question. Write \\{ and "
                    "\\} for braces in the text."
                )
            )
            return
        if "}" in tail:
            self.error(_stray_closing())
            return

        text = _gift_text(head + GAP + tail if tail.strip() else head)
        block = block.strip()
        feedback = ""
        # "####" starts the general feedback; a numerical block starts with its own "#" ({#####…} has no number).
        numerical = block.startswith("#") and (not block.startswith("####") or block.startswith("#####"))
        general = block.find("####", 1 if numerical else 0)
        if general >= 0:
            feedback = _gift_text(block[general + 4 :])
            block = block[:general].strip()

        question = ImportedQuestion(
            type="",
            name=title or _name_from(text),
            text=text,
            feedback=feedback,
            category=self.category,
            location=f"line {self.line}",
        )
        if not block:
            # {} (or only general feedback): an essay, as Moodle reads it.
            question.type = "essay"
        elif block.startswith("#"):
            question.type = "numeric"
            self.numeric(question, block[1:].strip())
        elif "~" in block:
            self.choice(question, block)
        elif "->" in block:
            question.type = "matching"
            self.matching(question, block)
        elif block.split("#", 1)[0].strip().upper() in _GIFT_TRUE | _GIFT_FALSE:
            question.type = "true_false"
            question.correct = block.split("#", 1)[0].strip().upper() in _GIFT_TRUE
        elif block.startswith("="):
            question.type = "short"
            self.short(question, block)
        else:
            self.error(
                _(
                    "the answer block {%(block)s} is not valid GIFT. Start each answer with = (right) or ~ (wrong), "
                    "write T or F for true/false, or start with # for a number."
                )
                % {"block": _short(_restore(block))}
            )
            return
        if not text:
            self.error(_no_text())
        _check_fractions(question, self.error)
        if not self.failed:
            self.result.questions.append(question)

    def answers(self, block: str) -> list[_GiftAnswer]:
        """``=right#feedback ~%50%half ~wrong`` taken apart; ``block`` starts with = or ~."""
        answers = []
        parts = re.split(r"([=~])", block)
        for marker, raw in zip(parts[1::2], parts[2::2], strict=True):
            raw = raw.strip()
            weight = None
            match = _GIFT_WEIGHT.match(raw)
            if match:
                percent = _number(match.group(1))
                if percent is None:
                    self.error(
                        _(
                            "“%(weight)s” is not a valid weight. Write the weight as a percentage between two "
                            "percent signs, e.g. ~%%50%% or ~%%-25%%."
                        )
                        % {"weight": _restore(match.group(0))}
                    )
                else:
                    weight = round(percent / 100, 7)
                raw = raw[match.end() :]
            text, _hash, feedback = raw.partition("#")
            answers.append(_GiftAnswer(marker, weight, _gift_text(text), _gift_text(feedback)))
        return answers

    def choice(self, question: ImportedQuestion, block: str) -> None:
        if block[0] not in "=~":
            self.error(
                _(
                    "the answer block starts with “%(text)s” instead of an answer. Start every answer with = "
                    "(right) or ~ (wrong)."
                )
                % {"text": _short(_restore(re.split(r"[=~]", block, maxsplit=1)[0]))}
            )
            return
        answers = self.answers(block)
        weighted = any(answer.weight is not None for answer in answers)
        # Moodle's own rule: an answer marked = makes it single choice (other answers may still carry
        # partial credit); weights without any = make it multiple choice.
        single = any(answer.marker == "=" for answer in answers) or not weighted
        question.type = "single" if single else "multiple"
        for answer in answers:
            if answer.weight is not None:
                fraction = answer.weight
            else:
                fraction = 1.0 if answer.marker == "=" else 0.0
            question.choices.append(ImportedChoice(answer.text, fraction, answer.feedback))
        _check_choices(question.choices, single=single, gift=True, report=self.error)

    def matching(self, question: ImportedQuestion, block: str) -> None:
        """``{=premise -> answer =premise -> answer = -> extra answer}``, as Moodle reads it."""
        if not block.startswith("="):
            self.error(
                _("the answer block starts with “%(text)s” instead of a pair. Write each pair as =premise -> answer.")
                % {"text": _short(_restore(block.split("=", 1)[0]))}
            )
            return
        for raw in block.split("=")[1:]:
            premise, arrow, answer = raw.partition("->")
            if not arrow:
                self.error(
                    _("“%(pair)s” is not a pair. Write each pair of a matching question as =premise -> answer.")
                    % {"pair": _short(_restore(raw.strip()))}
                )
                return
            question.pairs.append((_gift_text(premise), _gift_text(answer)))
        _check_pairs(question.pairs, self.error)

    def short(self, question: ImportedQuestion, block: str) -> None:
        answers = self.answers(block)
        if not any(answer.text for answer in answers):
            self.error(
                _("a short-answer question needs at least one accepted answer, written as =answer; this one has none.")
            )
            return
        for number, answer in enumerate(answers, start=1):
            if not answer.text:
                self.error(_empty_answer(number))
            else:
                # =%50%Cat#close earns half the points with its feedback; * in an answer stands for any
                # text (Moodle's wildcard). GIFT has no case setting: Moodle imports it case-insensitive.
                question.answers.append(answer.text)
                question.answer_fractions.append(1.0 if answer.weight is None else answer.weight)
                question.answer_feedback.append(answer.feedback)
        if question.answers and not any(_is_full(f) for f in question.answer_fractions):
            self.error(_no_full_short())

    def numeric(self, question: ImportedQuestion, block: str) -> None:
        # {#3:2 ~#feedback}: everything from the first ~ is the feedback for any other answer (Moodle
        # stores it as a "*" answer worth 0).
        block, tilde, wrong = block.partition("~")
        if tilde:
            question.wrong_feedback = _gift_text(wrong.partition("#")[2])
            block = block.strip()
        if block[:1] != "=":
            spec = self.spec(_restore(block.partition("#")[0]).strip())
            if spec is not None:
                question.value, question.tolerance = spec
            return
        # {#=3.7:0.05#Exactly =%50%3.7:0.5#Close}: several answers, each with its grade and feedback,
        # as Moodle accepts them; the first worth full marks is the question's answer, the others
        # earn their part of the points.
        answers = [answer for answer in self.answers(block) if answer.marker == "="]
        if not answers:
            self.error(_missing_number())
            return
        full = None
        for answer in answers:
            fraction = 1.0 if answer.weight is None else answer.weight
            spec = self.spec(answer.text)
            if spec is None:
                continue
            if full is None and _is_full(fraction):
                full = spec
            else:
                question.other_numbers.append((*spec, fraction, answer.feedback))
        if self.failed:
            return
        if full is None:
            if len(answers) == 1:
                self.error(_numeric_partial(question.other_numbers[0][2]))
            else:
                self.error(_numeric_no_full())
            return
        question.value, question.tolerance = full

    def spec(self, spec: str) -> tuple[float, float] | None:
        """``3.7:0.05`` or ``1..5`` as (value, tolerance); problems are reported, and give None."""
        if not spec:
            self.error(_missing_number())
            return None
        if ".." in spec:
            low_text, _dots, high_text = spec.partition("..")
            low, high = _number(low_text), _number(high_text)
            for raw, number in ((low_text, low), (high_text, high)):
                if number is None:
                    self.error(_not_a_number(raw.strip()))
            if low is None or high is None:
                return None
            if low > high:
                self.error(
                    _(
                        "the range %(low)s..%(high)s starts above where it ends. Write the smaller number first, "
                        "e.g. {#1..5}."
                    )
                    % {"low": low_text.strip(), "high": high_text.strip()}
                )
                return None
            return (low + high) / 2, (high - low) / 2
        value_text, colon, tolerance_text = spec.partition(":")
        value = _number(value_text)
        if value is None:
            self.error(_not_a_number(value_text.strip()))
        tolerance = 0.0
        if colon:
            parsed = _number(tolerance_text)
            if parsed is None:
                self.error(_not_a_number(tolerance_text.strip()))
                return None
            if parsed < 0:
                self.error(_negative_tolerance(parsed))
                return None
            tolerance = parsed
        if value is None:
            return None
        return value, tolerance


def _stray_closing() -> str:
    return _("there is a } without an opening {. Write \\} if you meant a brace in the text.")


def _missing_number() -> str:
    return _("the numerical answer is missing. Write the number after the #, e.g. {#3.7:0.05}.")
