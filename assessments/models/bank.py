"""Question banks and their questions (문제은행)."""

from __future__ import annotations

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


class Question(ClusterableModel):
    """One question. Choices belong to single- and multiple-choice questions; the other types keep
    their answer in the fields below. Grading is ``assessments.grading.grade``."""

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
        help_text=_("Short answer only: one accepted answer per line. Case, spacing and punctuation are ignored."),
    )
    numeric_answer = models.DecimalField(_("Answer"), max_digits=18, decimal_places=6, null=True, blank=True)
    tolerance = models.DecimalField(
        _("Tolerance (±)"), max_digits=18, decimal_places=6, default=Decimal("0"), validators=[MinValueValidator(0)]
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("bank"), FieldPanel("category")]),
        FieldRowPanel([FieldPanel("type"), FieldPanel("points")]),
        FieldPanel("text"),
        InlinePanel("choices", heading=_("Choices (single and multiple choice)"), label=_("Choice")),
        FieldPanel("partial_credit"),
        MultiFieldPanel(
            [
                FieldPanel("correct_answer"),
                FieldPanel("accepted_answers"),
                FieldRowPanel([FieldPanel("numeric_answer"), FieldPanel("tolerance")]),
            ],
            heading=_("Answer (true/false, short answer, numeric)"),
        ),
        FieldPanel("feedback"),
    ]

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["bank", "category", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def accepted_answer_list(self) -> list[str]:
        return [line.strip() for line in self.accepted_answers.splitlines() if line.strip()]


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
