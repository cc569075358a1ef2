"""Moodle XML, as described at https://docs.moodle.org/en/Moodle_XML_format (where it leaves room: as Moodle exports)."""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException
from django.utils.translation import gettext as _

from .common import (
    _EPSILON,
    MAX_BYTES,
    MAX_QUESTIONS,
    ImportedChoice,
    ImportedQuestion,
    ImportResult,
    _at_question,
    _category_path,
    _check_choices,
    _check_fractions,
    _check_pairs,
    _empty,
    _empty_answer,
    _file_problem,
    _is_full,
    _name_from,
    _negative_tolerance,
    _no_full_short,
    _no_text,
    _not_a_number,
    _number,
    _numeric_no_full,
    _numeric_partial,
    _plain,
    _short,
    _too_large,
    _too_many,
    _unsupported_message,
)

_MOODLE_SUPPORTED = {"multichoice", "truefalse", "shortanswer", "numerical", "essay", "matching", "match"}


def _moodle_kind(qtype: str) -> str:
    kinds = {
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
            # Moodle exports matching questions as "matching" and reads "match" too.
            getattr(self, "matching" if self.qtype == "match" else self.qtype)(question, answers)
            _check_fractions(question, self.error)
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

    def essay(self, question: ImportedQuestion, answers: list[_MoodleAnswer]) -> None:
        question.type = "essay"
        question.response_template = _child_text(self.element, "responsetemplate/text")
        question.grader_info = _child_text(self.element, "graderinfo/text")

    def matching(self, question: ImportedQuestion, answers: list[_MoodleAnswer]) -> None:
        """<subquestion><text>premise</text><answer><text>answer</text></answer></subquestion>, as
        Moodle exports them; a subquestion without text offers a wrong answer."""
        question.type = "matching"
        for sub in self.element.findall("subquestion"):
            premise, answer = _child_text(sub, "text"), _child_text(sub, "answer/text")
            if premise or answer:  # Moodle skips a subquestion with neither
                question.pairs.append((premise, answer))
        _check_pairs(question.pairs, self.error)

    def shortanswer(self, question: ImportedQuestion, answers: list[_MoodleAnswer]) -> None:
        question.type = "short"
        # <usecase>1</usecase>: "Cat" and "cat" differ; without the element case does not matter, as in
        # Moodle's own import.
        question.case_sensitive = _child_text(self.element, "usecase").lower() not in ("", "0", "false")
        # A last "*" worth nothing only carries the feedback for any other reply. Other answers keep
        # their order and grade: Moodle takes the first that matches (``*`` is a wildcard).
        if answers and answers[-1].text == "*" and abs(answers[-1].fraction) <= _EPSILON:
            question.wrong_feedback = answers.pop().feedback
        for number, answer in enumerate(answers, start=1):
            if not answer.text:
                self.error(_empty_answer(number))
            else:
                question.answers.append(answer.text)
                question.answer_fractions.append(answer.fraction)
                question.answer_feedback.append(_plain(answer.feedback))
        if not answers:
            self.error(
                _('a short-answer question needs at least one accepted answer with fraction="100"; this one has none.')
            )
        elif question.answers and not any(_is_full(f) for f in question.answer_fractions):
            self.error(_no_full_short())

    def numerical(self, question: ImportedQuestion, answers: list[_MoodleAnswer]) -> None:
        question.type = "numeric"
        # Answers worth nothing (often "*", anything else) only carry feedback; the feedback of "*" is
        # kept for any other answer, the rest are left out. Of the others, the first worth full marks
        # is the question's answer and the rest earn their part of the points, each with its feedback.
        counted = [answer for answer in answers if answer.fraction > _EPSILON]
        for answer in answers:
            if answer.text == "*" and answer.fraction <= _EPSILON:
                question.wrong_feedback = answer.feedback
        if not counted:
            self.error(_('a numerical question needs one answer worth full marks (fraction="100"); this one has none.'))
            return
        full = None
        for answer in counted:
            spec = self.spec(answer)
            if spec is None:
                continue
            if full is None and _is_full(answer.fraction):
                full = spec
            else:
                question.other_numbers.append((*spec, answer.fraction, _plain(answer.feedback)))
        if self.failed:
            return
        if full is None:
            if len(counted) == 1:
                self.error(_numeric_partial(counted[0].fraction))
            else:
                self.error(_numeric_no_full())
            return
        question.value, question.tolerance = full

    def spec(self, answer: _MoodleAnswer) -> tuple[float, float] | None:
        value = _number(answer.text)
        if value is None:
            self.error(_not_a_number(answer.text))
        tolerance = _number(answer.tolerance or "0")
        if tolerance is None:
            self.error(_not_a_number(answer.tolerance))
            return None
        if tolerance < 0:
            self.error(_negative_tolerance(tolerance))
            return None
        return None if value is None else (value, tolerance)
