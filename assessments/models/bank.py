"""Question banks and their questions (문제은행)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

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


@dataclass(frozen=True)
class AcceptedAnswer:
    """One line of a short-answer question's accepted answers: a pattern (``*`` is a wildcard) and
    the share of the points it earns."""

    pattern: str
    fraction: Decimal


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
            "Short answer only: one accepted answer per line, the first that matches counts. Case, spacing and "
            "punctuation are ignored; * stands for any text (\\* for a star). Start a line with %50% to give "
            "part of the points, e.g. %50%Kinematic."
        ),
    )
    numeric_answer = models.DecimalField(_("Answer"), max_digits=18, decimal_places=6, null=True, blank=True)
    tolerance = models.DecimalField(
        _("Tolerance (±)"), max_digits=18, decimal_places=6, default=Decimal("0"), validators=[MinValueValidator(0)]
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
                FieldRowPanel(
                    [FieldPanel("numeric_answer"), FieldPanel("tolerance")],
                    attrs={"data-question-types": "numeric"},
                ),
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
                shown.append(f"{entry.pattern} ({(entry.fraction * 100).normalize():f}%)")
        return shown


def parse_accepted_answer(line: str) -> AcceptedAnswer | None:
    """One line of ``Question.accepted_answers``: ``None`` for a blank line. A prefix that is not a
    number is kept as part of the answer (``%abc%`` is matched literally)."""
    line = line.strip()
    if not line:
        return None
    match = _ANSWER_FRACTION.match(line)
    fraction = Decimal("1")
    if match:
        try:
            fraction = (Decimal(match.group(1)) / 100).quantize(Decimal("0.0000001"))
        except InvalidOperation:  # pragma: no cover - the pattern admits numbers only
            return AcceptedAnswer(line, fraction)
        line = line[match.end() :].strip()
    return AcceptedAnswer(line, fraction)


def accepted_answer_line(pattern: str, fraction) -> str:
    """The line ``parse_accepted_answer`` reads back as ``pattern`` worth ``fraction``."""
    fraction = Decimal(str(fraction))
    if fraction == 1:
        return pattern
    return f"%{(fraction * 100).quantize(Decimal('0.00001')).normalize():f}%{pattern}"


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
