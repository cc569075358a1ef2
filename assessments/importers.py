"""Read question banks in GIFT and Moodle XML format into plain dataclasses.

Nothing here touches the database: the parsers turn a file into an :class:`ImportResult` holding the
questions that could be read, the *errors* (malformed questions; the caller should import nothing
while there are any) and the *unsupported* questions (well-formed, but of a type the Academy does not
offer, such as essays or matching). Every problem names where it is — ``"line 12"`` in a GIFT file,
``"question 3"`` in a Moodle XML file, ``"file"`` for the file as a whole — and its message says what
is wrong and how to fix it, in the active language.

GIFT is described at https://docs.moodle.org/en/GIFT_format and Moodle XML at
https://docs.moodle.org/en/Moodle_XML_format; where the two leave room, the parsers follow what
Moodle itself exports.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException
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


def _partial_short(answer: str, fraction: float) -> str:
    return _(
        "the answer “%(answer)s” gives partial credit (%(weight)s%%), which short-answer questions do not "
        "support: every accepted answer gives full marks. Remove the weight, or delete the answer."
    ) % {"answer": _short(answer), "weight": _percent(fraction)}


def _numeric_count(count: int) -> str:
    return _(
        "a numerical question can have only one right answer, but this one has %(count)s. "
        "Keep the fully correct answer and remove the others."
    ) % {"count": count}


def _numeric_partial(fraction: float) -> str:
    return _(
        "a numerical question needs one answer worth full marks (100%%); this one's answer is worth %(weight)s%%."
    ) % {"weight": _percent(fraction)}


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


# --------------------------------------------------------------------------------------------------
# GIFT
# --------------------------------------------------------------------------------------------------

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
            self.unsupported(_unsupported_message(_("essay questions")))
            return
        if block.startswith("#"):
            question.type = "numeric"
            self.numeric(question, block[1:].strip())
        elif "~" in block:
            self.choice(question, block)
        elif "->" in block:
            self.unsupported(_unsupported_message(_("matching questions")))
            return
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
            elif answer.weight is None or _is_full(answer.weight):
                question.answers.append(answer.text)
            else:
                self.error(_partial_short(answer.text, answer.weight))

    def numeric(self, question: ImportedQuestion, block: str) -> None:
        if block[:1] in ("=", "~"):
            # {#=3.7:0.05#feedback =%50%3.7:0.5} — several answers; ~ parts only carry feedback.
            answers = [answer for answer in self.answers(block) if answer.marker == "="]
            if len(answers) > 1:
                self.error(_numeric_count(len(answers)))
                return
            if not answers:
                self.error(_missing_number())
                return
            answer = answers[0]
            if answer.weight is not None and not _is_full(answer.weight):
                self.error(_numeric_partial(answer.weight))
                return
            spec = answer.text
        else:
            spec = _restore(block.partition("#")[0]).strip()
        if not spec:
            self.error(_missing_number())
            return
        if ".." in spec:
            low_text, _dots, high_text = spec.partition("..")
            low, high = _number(low_text), _number(high_text)
            for raw, number in ((low_text, low), (high_text, high)):
                if number is None:
                    self.error(_not_a_number(raw.strip()))
            if low is None or high is None:
                return
            if low > high:
                self.error(
                    _(
                        "the range %(low)s..%(high)s starts above where it ends. Write the smaller number first, "
                        "e.g. {#1..5}."
                    )
                    % {"low": low_text.strip(), "high": high_text.strip()}
                )
                return
            question.value = (low + high) / 2
            question.tolerance = (high - low) / 2
            return
        value_text, colon, tolerance_text = spec.partition(":")
        value = _number(value_text)
        if value is None:
            self.error(_not_a_number(value_text.strip()))
        tolerance = 0.0
        if colon:
            parsed = _number(tolerance_text)
            if parsed is None:
                self.error(_not_a_number(tolerance_text.strip()))
            elif parsed < 0:
                self.error(_negative_tolerance(parsed))
            else:
                tolerance = parsed
        question.value = value
        question.tolerance = tolerance


def _stray_closing() -> str:
    return _("there is a } without an opening {. Write \\} if you meant a brace in the text.")


def _missing_number() -> str:
    return _("the numerical answer is missing. Write the number after the #, e.g. {#3.7:0.05}.")


# --------------------------------------------------------------------------------------------------
# Moodle XML
# --------------------------------------------------------------------------------------------------

_MOODLE_SUPPORTED = {"multichoice", "truefalse", "shortanswer", "numerical"}


def _moodle_kind(qtype: str) -> str:
    kinds = {
        "essay": _("essay questions"),
        "match": _("matching questions"),
        "randomsamatch": _("random short-answer matching questions"),
        "multianswer": _("embedded-answer (cloze) questions"),
        "calculated": _("calculated questions"),
        "calculatedsimple": _("calculated questions"),
        "calculatedmulti": _("calculated questions"),
        "ddwtos": _("drag-and-drop questions"),
        "ddimageortext": _("drag-and-drop questions"),
        "ddmarker": _("drag-and-drop questions"),
        "gapselect": _("select-missing-words questions"),
        "description": _("description items (text without answers)"),
        "ordering": _("ordering questions"),
        "random": _("random questions"),
    }
    if qtype in kinds:
        return kinds[qtype]
    return _("“%(type)s” questions") % {"type": _short(qtype)}


def _child_text(element: Element, path: str) -> str:
    found = element.find(path)
    return (found.text or "").strip() if found is not None else ""


def parse_moodle_xml(data: bytes) -> ImportResult:
    """Read a Moodle XML question bank (https://docs.moodle.org/en/Moodle_XML_format).

    The XML is read with defusedxml and no document type declaration is accepted, so entity
    expansion ("billion laughs") and external entities (XXE) end in a clean error.
    """
    if len(data) > MAX_BYTES:
        return _too_large()
    try:
        root = SafeElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        return _file_problem(
            _(
                "The file contains a document type declaration (DTD) or entities, which are not allowed for "
                "security reasons. Export the questions from Moodle again as Moodle XML."
            )
        )
    except ParseError as exc:
        line, column = exc.position
        return _file_problem(
            _(
                "The file is not well-formed XML (the problem is near line %(line)s, column %(column)s). Check that "
                "every tag is closed and that & and < in the text are written as &amp; and &lt;."
            )
            % {"line": line, "column": column + 1}
        )
    if root.tag != "quiz":
        return _file_problem(
            _("The file is not a Moodle XML question bank: its top element is <%(tag)s>, but it should be <quiz>.")
            % {"tag": _short(str(root.tag))}
        )
    elements = root.findall("question")
    count = sum(1 for element in elements if element.get("type") != "category")
    if count > MAX_QUESTIONS:
        return _too_many(count)
    if count == 0:
        return _empty()

    result = ImportResult(questions=[], errors=[], unsupported=[])
    category = ""
    number = 0
    for element in elements:
        qtype = (element.get("type") or "").strip()
        if qtype == "category":
            category = _category_path(_child_text(element, "category/text"))
            continue
        number += 1
        _MoodleQuestion(element, qtype, number, category, result).parse()
    return result


@dataclass
class _MoodleAnswer:
    text: str
    fraction: float
    feedback: str
    tolerance: str


class _MoodleQuestion:
    """One <question> of a Moodle XML file, read into ``result``."""

    def __init__(self, element: Element, qtype: str, number: int, category: str, result: ImportResult):
        self.element = element
        self.qtype = qtype
        self.number = number
        self.category = category
        self.result = result
        self.failed = False

    def error(self, problem: str) -> None:
        self.failed = True
        self.result.errors.append(_at_question(self.number, problem))

    def parse(self) -> None:
        if not self.qtype:
            self.error(_("the <question> element has no type attribute. Export the file from Moodle again."))
            return
        if self.qtype not in _MOODLE_SUPPORTED:
            self.result.unsupported.append(_at_question(self.number, _unsupported_message(_moodle_kind(self.qtype))))
            return
        element = self.element
        text = _child_text(element, "questiontext/text")
        question = ImportedQuestion(
            type="",
            name=_child_text(element, "name/text") or _name_from(text),
            text=text,
            feedback=_child_text(element, "generalfeedback/text"),
            category=self.category,
            location=f"question {self.number}",
        )
        if not text:
            self.error(_no_text())
        grade = _child_text(element, "defaultgrade")
        if grade:
            points = _number(grade)
            if points is None or points < 0:
                self.error(
                    _(
                        "the mark <defaultgrade>%(value)s</defaultgrade> is not a valid number of points. Write a "
                        "number of 0 or more, e.g. 1 or 2.5."
                    )
                    % {"value": _short(grade)}
                )
            else:
                question.points = points

        answers = self.answers()
        if answers is not None:
            getattr(self, self.qtype)(question, answers)
        if not self.failed:
            self.result.questions.append(question)

    def answers(self) -> list[_MoodleAnswer] | None:
        """The <answer> elements, or None when a fraction is unreadable."""
        answers = []
        for answer in self.element.findall("answer"):
            raw = (answer.get("fraction") or "0").strip()
            percent = _number(raw)
            if percent is None:
                self.error(
                    _(
                        "the answer fraction “%(value)s” is not a number. Fractions are percentages such as 100, "
                        "50 or -25."
                    )
                    % {"value": _short(raw)}
                )
                return None
            answers.append(
                _MoodleAnswer(
                    text=_child_text(answer, "text"),
                    fraction=round(percent / 100, 7),
                    feedback=_child_text(answer, "feedback/text"),
                    tolerance=_child_text(answer, "tolerance"),
                )
            )
        return answers

    def multichoice(self, question: ImportedQuestion, answers: list[_MoodleAnswer]) -> None:
        single = _child_text(self.element, "single").lower() not in ("false", "0")
        question.type = "single" if single else "multiple"
        question.choices = [ImportedChoice(answer.text, answer.fraction, answer.feedback) for answer in answers]
        _check_choices(question.choices, single=single, gift=False, report=self.error)

    def truefalse(self, question: ImportedQuestion, answers: list[_MoodleAnswer]) -> None:
        question.type = "true_false"
        full = [answer.text for answer in answers if _is_full(answer.fraction)]
        if len(full) != 1:
            self.error(
                _(
                    'a true/false question needs exactly one answer with fraction="100" (its text, “true” or '
                    "“false”, is the right answer); this one has %(count)s."
                )
                % {"count": len(full)}
            )
            return
        answer = _plain(full[0]).lower()
        if answer not in ("true", "false"):
            self.error(
                _("the right answer of a true/false question must be “true” or “false”, not “%(answer)s”.")
                % {"answer": _short(full[0])}
            )
            return
        question.correct = answer == "true"

    def shortanswer(self, question: ImportedQuestion, answers: list[_MoodleAnswer]) -> None:
        question.type = "short"
        # Answers worth nothing only carry feedback for a wrong reply; they are left out.
        counted = [answer for answer in answers if answer.fraction > _EPSILON]
        for number, answer in enumerate(counted, start=1):
            if not answer.text:
                self.error(_empty_answer(number))
            elif _is_full(answer.fraction):
                question.answers.append(answer.text)
            else:
                self.error(_partial_short(answer.text, answer.fraction))
        if not counted:
            self.error(
                _('a short-answer question needs at least one accepted answer with fraction="100"; this one has none.')
            )

    def numerical(self, question: ImportedQuestion, answers: list[_MoodleAnswer]) -> None:
        question.type = "numeric"
        # Answers worth nothing (often "*", anything else) only carry feedback; they are left out.
        counted = [answer for answer in answers if answer.fraction > _EPSILON]
        if not counted:
            self.error(_('a numerical question needs one answer worth full marks (fraction="100"); this one has none.'))
            return
        if len(counted) > 1:
            self.error(_numeric_count(len(counted)))
            return
        answer = counted[0]
        if not _is_full(answer.fraction):
            self.error(_numeric_partial(answer.fraction))
            return
        question.value = _number(answer.text)
        if question.value is None:
            self.error(_not_a_number(answer.text))
        tolerance = _number(answer.tolerance or "0")
        if tolerance is None:
            self.error(_not_a_number(answer.tolerance))
        elif tolerance < 0:
            self.error(_negative_tolerance(tolerance))
        else:
            question.tolerance = tolerance


# --------------------------------------------------------------------------------------------------
# Either format
# --------------------------------------------------------------------------------------------------


def parse_question_bank(filename: str, data: bytes) -> ImportResult:
    """Pick the parser by extension (.gift/.txt → GIFT, .xml → Moodle XML).

    An unknown extension, a file over the size limit or bytes that are not UTF-8 text (with or
    without a byte-order mark) give one error at "file".
    """
    extension = PurePath(filename).suffix.lower()
    if extension not in GIFT_EXTENSIONS | XML_EXTENSIONS:
        return _file_problem(
            _(
                "“%(name)s” is not a file type that can be imported. Upload a GIFT file (.gift or .txt) or a "
                "Moodle XML file (.xml)."
            )
            % {"name": _short(PurePath(filename).name, 80)}
        )
    if len(data) > MAX_BYTES:
        return _too_large()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _file_problem(
            _(
                "The file is not UTF-8 text. Save it with the UTF-8 encoding (in Notepad: Save as → Encoding: "
                "UTF-8) and upload it again."
            )
        )
    if extension in XML_EXTENSIONS:
        return parse_moodle_xml(data)
    return parse_gift(text)
