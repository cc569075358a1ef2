"""Question banks and their questions (문제은행)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


class QuestionBank(models.Model):
    """문제은행: questions of one institute, for one course or shared by all its courses."""

    institute = models.ForeignKey(
        "courses.InstitutePage", verbose_name=_("Institute"), on_delete=models.CASCADE, related_name="question_banks"
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("Course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="question_banks",
        help_text=_("Leave empty to share the bank with every course of the institute."),
    )
    title = models.CharField(_("Title"), max_length=200)
    description = models.TextField(_("Description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("institute"), FieldPanel("course"), FieldPanel("title"), FieldPanel("description")]

    class Meta:
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.course_id and self.institute_id and not self.course.path.startswith(self.institute.path):
            raise ValidationError({"course": _("Choose a course of the same institute.")})


class QuestionType(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")
    SHORT = "short", _("Short answer")
    NUMERIC = "numeric", _("Numeric")
    MATCHING = "matching", _("Matching")
    ESSAY = "essay", _("Essay")


#: Question types graded by the server the moment an attempt closes; essays wait for an instructor.
AUTO_GRADED = frozenset(
    {
        QuestionType.SINGLE,
        QuestionType.MULTIPLE,
        QuestionType.TRUE_FALSE,
        QuestionType.SHORT,
        QuestionType.NUMERIC,
        QuestionType.MATCHING,
    }
)

# ``%50%Kinematic``: an accepted short answer worth part of the points (GIFT's notation).
_ANSWER_FRACTION = re.compile(r"\A%(-?\d+(?:\.\d+)?)%")
# ``Cat#close``: the feedback for this answer follows an unescaped ``#`` (GIFT's notation; ``\#`` is a hash).
_ANSWER_FEEDBACK = re.compile(r"(?<!\\)#")
# ``3.7:0.5`` or ``3.5..3.9``: a number with its tolerance, or a range.
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_NUMERIC_SPEC = re.compile(rf"\A(?P<value>{_NUMBER})(?::(?P<tolerance>{_NUMBER}))?\Z")
_NUMERIC_RANGE = re.compile(rf"\A(?P<low>{_NUMBER})\.\.(?P<high>{_NUMBER})\Z")
#: Numbers larger than this are not read (as trainees' numeric answers are refused above it,
#: ``grading.MAX_NUMBER``): grading would overflow Decimal arithmetic on them.
MAX_ANSWER_NUMBER = Decimal("1e15")


def _bounded(*numbers: Decimal) -> bool:
    return all(number.is_finite() and number.copy_abs() <= MAX_ANSWER_NUMBER for number in numbers)


@dataclass(frozen=True)
class AcceptedAnswer:
    """One line of a short-answer question's accepted answers: a pattern (``*`` is a wildcard) and
    the share of the points it earns."""

    pattern: str
    fraction: Decimal
    feedback: str = ""


@dataclass(frozen=True)
class NumericAnswer:
    """One line of a numeric question's other accepted numbers: a value and tolerance (``None``
    when the line is not a number) worth part of the points, with its feedback."""

    value: Decimal | None
    tolerance: Decimal | None
    fraction: Decimal
    feedback: str = ""
    text: str = ""  # the line's number as written, for messages


class Question(ClusterableModel):
    """One question. Choices belong to single- and multiple-choice questions, pairs to matching
    questions; the other types keep their answer in the fields below. Grading is
    ``assessments.grading.grade``; essays (서술형) are graded by an instructor."""

    bank = models.ForeignKey(
        QuestionBank, verbose_name=_("Question bank"), on_delete=models.CASCADE, related_name="questions"
    )
    category = models.CharField(
        _("Category"), max_length=200, blank=True, help_text=_("Groups questions for random draws, e.g. 비행안전/법규.")
    )
    type = models.CharField(_("Type"), max_length=20, choices=QuestionType.choices)
    text = models.TextField(_("Question"))
    points = models.DecimalField(
        _("Points"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    feedback = models.TextField(
        _("Feedback"), blank=True, help_text=_("Shown with the correct answer after review opens.")
    )
    partial_credit = models.BooleanField(
        _("Partial credit"),
        default=False,
        help_text=_("Multiple choice: credit each correct choice ticked, minus wrong ones."),
    )
    correct_answer = models.BooleanField(
        _("The statement is true"), null=True, blank=True, help_text=_("True or false only.")
    )
    accepted_answers = models.TextField(
        _("Accepted answers"),
        blank=True,
        help_text=_(
            "Short answer only: one accepted answer per line, the first that matches counts. Spacing and "
            "punctuation are ignored, and case unless the box below is ticked; * stands for any text (\\* for a "
            "star). Start a line with %50% to give part of the points, e.g. %50%Kinematic; write feedback for "
            "that answer after #, e.g. %50%Kinematic#Almost (\\# for a hash sign)."
        ),
    )
    case_sensitive = models.BooleanField(
        _("Case matters"),
        default=False,
        help_text=_("Short answer only: “Cat” and “cat” are different answers (Moodle's “case sensitive”)."),
    )
    numeric_answer = models.DecimalField(_("Answer"), max_digits=18, decimal_places=6, null=True, blank=True)
    tolerance = models.DecimalField(
        _("Tolerance (±)"), max_digits=18, decimal_places=6, default=Decimal("0"), validators=[MinValueValidator(0)]
    )
    other_numeric_answers = models.TextField(
        _("Other accepted numbers"),
        blank=True,
        help_text=_(
            "Numeric only: numbers worth part of the points, tried in order when the answer above does not "
            "match; one per line as %50%3.7:0.5 (value:tolerance) or %50%3.2..4.2 (a range), with feedback "
            "after #, e.g. %50%3.7:0.5#Close."
        ),
    )
    wrong_answer_feedback = models.TextField(
        _("Feedback for any other answer"),
        blank=True,
        help_text=_(
            "Short answer and numeric: shown with the key to a trainee whose answer matched none of the above."
        ),
    )
    response_template = models.TextField(
        _("Answer template"), blank=True, help_text=_("Essay only: text the answer box starts with.")
    )
    grader_info = models.TextField(
        _("Information for graders"),
        blank=True,
        help_text=_("Essay only: a model answer or marking notes, shown to instructors on the grading screen only."),
    )
    similarity_exempt = models.BooleanField(
        _("Exempt from the copied-answer check"),
        default=False,
        help_text=_(
            "Essays and choice questions: answers that must coincide (basic facts, a calculation, a practice "
            "item) are never compared for 모사답안 (copied answers)."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    # Each panel names the types it belongs to (``data-question-types``): the admin script
    # ``js/question_admin.js`` shows only those of the chosen type; without JavaScript every panel
    # shows, and ``validation.question_problems`` refuses fields of another type.
    panels = [
        FieldRowPanel([FieldPanel("bank"), FieldPanel("category")]),
        FieldRowPanel([FieldPanel("type"), FieldPanel("points")]),
        FieldPanel("text"),
        InlinePanel(
            "choices",
            heading=_("Choices (single and multiple choice)"),
            label=_("Choice"),
            attrs={"data-question-types": "single multiple"},
        ),
        FieldPanel("partial_credit", attrs={"data-question-types": "multiple"}),
        MultiFieldPanel(
            [
                FieldPanel("correct_answer", attrs={"data-question-types": "true_false"}),
                FieldPanel("accepted_answers", attrs={"data-question-types": "short"}),
                FieldPanel("case_sensitive", attrs={"data-question-types": "short"}),
                FieldRowPanel(
                    [FieldPanel("numeric_answer"), FieldPanel("tolerance")],
                    attrs={"data-question-types": "numeric"},
                ),
                FieldPanel("other_numeric_answers", attrs={"data-question-types": "numeric"}),
                FieldPanel("wrong_answer_feedback", attrs={"data-question-types": "short numeric"}),
            ],
            heading=_("Answer (true/false, short answer, numeric)"),
            attrs={"data-question-types": "true_false short numeric"},
        ),
        InlinePanel(
            "match_pairs",
            heading=_("Pairs (matching)"),
            label=_("Pair"),
            help_text=_(
                "Each premise is matched with its answer; a pair without a premise adds a wrong answer to choose from."
            ),
            attrs={"data-question-types": "matching"},
        ),
        MultiFieldPanel(
            [FieldPanel("response_template"), FieldPanel("grader_info")],
            heading=_("Essay"),
            attrs={"data-question-types": "essay"},
        ),
        FieldPanel("feedback"),
        FieldPanel("similarity_exempt", attrs={"data-question-types": "essay single multiple"}),
    ]

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["bank", "category", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_auto_graded(self) -> bool:
        return self.type in AUTO_GRADED

    @property
    def accepted_answer_entries(self) -> list[AcceptedAnswer]:
        """The accepted answers in order, each with its share of the points (``%50%`` prefix; default 100 %)."""
        entries = []
        for line in self.accepted_answers.splitlines():
            entry = parse_accepted_answer(line)
            if entry is not None:
                entries.append(entry)
        return entries

    @property
    def accepted_answer_list(self) -> list[str]:
        """How the key shows the accepted answers: ``Kinematic (50%)`` for one worth part of the points."""
        shown = []
        for entry in self.accepted_answer_entries:
            if entry.fraction == 1:
                shown.append(entry.pattern)
            else:
                shown.append(f"{entry.pattern} ({_percent(entry.fraction)}%)")
        return shown

    @property
    def numeric_answer_entries(self) -> list[NumericAnswer]:
        """The other accepted numbers in order (``other_numeric_answers``), each with its share of the points."""
        entries = []
        for line in self.other_numeric_answers.splitlines():
            entry = parse_numeric_answer(line)
            if entry is not None:
                entries.append(entry)
        return entries

    @property
    def numeric_answer_list(self) -> list[str]:
        """How the key shows the other accepted numbers: ``3.7 ± 0.5 (50%)``."""
        shown = []
        for entry in self.numeric_answer_entries:
            if entry.value is None:
                continue
            text = f"{entry.value.normalize():f}"
            if entry.tolerance:
                text += f" ± {entry.tolerance.normalize():f}"
            shown.append(f"{text} ({_percent(entry.fraction)}%)")
        return shown


def _percent(fraction: Decimal) -> str:
    return f"{(fraction * 100).normalize():f}"


def _partition_feedback(line: str) -> tuple[str, str, str]:
    parts = _ANSWER_FEEDBACK.split(line, maxsplit=1)
    if len(parts) == 1:
        return parts[0].replace("\\#", "#"), "", ""
    return parts[0].replace("\\#", "#"), "#", parts[1].replace("\\#", "#").strip()


def _fraction_prefix(line: str) -> tuple[Decimal, str]:
    """The ``%50%`` prefix of a line as a fraction (default 1) and the rest of the line."""
    match = _ANSWER_FRACTION.match(line)
    if not match:
        return Decimal("1"), line
    percent = Decimal(match.group(1))
    # A weight beyond any Moodle grade is kept unrounded (quantizing it could overflow): the question
    # form refuses it as a grade Moodle does not allow.
    fraction = percent / 100 if percent.copy_abs() > 1000 else (percent / 100).quantize(Decimal("0.0000001"))
    return fraction, line[match.end() :].strip()


def parse_numeric_answer(line: str) -> NumericAnswer | None:
    """One line of ``Question.other_numeric_answers``: ``None`` for a blank line; a line whose number
    cannot be read has ``value=None`` (the question form refuses it)."""
    line = line.strip()
    if not line:
        return None
    fraction, rest = _fraction_prefix(line)
    spec, _hash, feedback = _partition_feedback(rest)
    spec = spec.strip()
    match = _NUMERIC_SPEC.match(spec)
    if match:
        value, tolerance = Decimal(match["value"]), Decimal(match["tolerance"] or "0")
        if _bounded(value, tolerance):
            return NumericAnswer(value, tolerance, fraction, feedback.strip(), spec)
    match = _NUMERIC_RANGE.match(spec)
    if match:
        low, high = Decimal(match["low"]), Decimal(match["high"])
        if _bounded(low, high) and low <= high:
            return NumericAnswer((low + high) / 2, (high - low) / 2, fraction, feedback.strip(), spec)
    return NumericAnswer(None, None, fraction, feedback.strip(), spec)


def numeric_answer_line(value, tolerance, fraction, feedback: str = "") -> str:
    """The line ``parse_numeric_answer`` reads back."""
    line = f"{_prefix(fraction)}{Decimal(str(value)).normalize():f}"
    if tolerance:
        line += f":{Decimal(str(tolerance)).normalize():f}"
    return line + _feedback_suffix(feedback)


def _prefix(fraction) -> str:
    fraction = Decimal(str(fraction))
    if fraction == 1:
        return ""
    return f"%{(fraction * 100).quantize(Decimal('0.00001')).normalize():f}%"


def _feedback_suffix(feedback: str) -> str:
    feedback = " ".join(feedback.split())
    return "#" + _escape_hash(feedback) if feedback else ""


def _escape_hash(text: str) -> str:
    return text.replace("#", "\\#")


def parse_accepted_answer(line: str) -> AcceptedAnswer | None:
    """One line of ``Question.accepted_answers``: ``None`` for a blank line. A prefix that is not a
    number is kept as part of the answer (``%abc%`` is matched literally); what follows an unescaped
    ``#`` is the feedback for that answer."""
    line = line.strip()
    if not line:
        return None
    fraction, rest = _fraction_prefix(line)
    pattern, _hash, feedback = _partition_feedback(rest)
    return AcceptedAnswer(pattern.strip(), fraction, feedback)


def accepted_answer_line(pattern: str, fraction, feedback: str = "") -> str:
    """The line ``parse_accepted_answer`` reads back as ``pattern`` worth ``fraction`` with ``feedback``."""
    return f"{_prefix(fraction)}{_escape_hash(pattern)}{_feedback_suffix(feedback)}"


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("Choice"), max_length=500)
    weight = models.DecimalField(
        _("Weight"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("0"),
        help_text=_(
            "1 for a correct choice, 0 for a wrong one; partial credit: a share, e.g. 0.5, or a penalty, e.g. -0.5."
        ),
    )
    feedback = models.CharField(_("Feedback"), max_length=500, blank=True)

    panels = [FieldRowPanel([FieldPanel("text"), FieldPanel("weight")]), FieldPanel("feedback")]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")

    def __str__(self) -> str:
        return self.text

    @property
    def is_correct(self) -> bool:
        return self.weight > 0


class MatchPair(Orderable):
    """One pair of a matching question: a premise and the answer that goes with it. A pair without a
    premise only adds its answer to the list to choose from (a distractor). Answers with the same
    text are one answer in the list (as in Moodle)."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="match_pairs")
    premise = models.CharField(_("Premise"), max_length=500, blank=True)
    answer = models.CharField(_("Answer"), max_length=500)

    panels = [FieldRowPanel([FieldPanel("premise"), FieldPanel("answer")])]

    class Meta(Orderable.Meta):
        verbose_name = _("pair")

    def __str__(self) -> str:
        return f"{self.premise} → {self.answer}"
