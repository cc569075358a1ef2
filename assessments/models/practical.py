"""Practical assessments (실기평가), such as a flight test, graded by the run's instructors on a rubric."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from common.i18n import bilingual


class PracticalAssessment(ClusterableModel):
    """실기평가 of a course, with its rubric (평가기준표)."""

    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("Course"), on_delete=models.CASCADE, related_name="practical_assessments"
    )
    title = models.CharField(_("Title"), max_length=200)
    title_en = models.CharField(_("Title (English)"), max_length=200, blank=True)
    pass_mark = models.PositiveSmallIntegerField(_("Pass mark"), default=60, validators=[MaxValueValidator(100)])
    required = models.BooleanField(_("Required for completion"), default=True)

    panels = [
        FieldPanel("course"),
        FieldPanel("title"),
        FieldPanel("title_en"),
        FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("required")]),
        InlinePanel("criteria", heading=_("Rubric"), label=_("Criterion"), min_num=1),
    ]

    class Meta:
        verbose_name = _("practical assessment")
        verbose_name_plural = _("practical assessments")

    def __str__(self) -> str:
        return self.title

    @property
    def display_title(self) -> str:
        return bilingual(self.title, self.title_en)


class RubricCriterion(Orderable):
    assessment = ParentalKey(PracticalAssessment, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(_("Criterion"), max_length=200)
    title_en = models.CharField(_("Criterion (English)"), max_length=200, blank=True)
    description = models.TextField(_("What the examiner checks"), blank=True)
    points = models.PositiveSmallIntegerField(_("Points"), validators=[MinValueValidator(1), MaxValueValidator(1000)])

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("title_en"), FieldPanel("points")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")

    def __str__(self) -> str:
        return self.title


class PracticalResult(models.Model):
    """An instructor's grading of one trainee: points per criterion, comments, the total as a score."""

    assessment = models.ForeignKey(PracticalAssessment, on_delete=models.CASCADE, related_name="results")
    enrolment = models.ForeignKey("courses.Enrolment", on_delete=models.CASCADE, related_name="practical_results")
    scores = models.JSONField(default=dict, help_text="criterion id → points")
    comments = models.JSONField(default=dict, help_text="criterion id → comment")
    overall_comment = models.TextField(blank=True)
    score = models.DecimalField(max_digits=5, decimal_places=2)
    passed = models.BooleanField()
    graded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    graded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "enrolment"], name="assessments_practical_one_result"),
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id}/{self.enrolment_id}: {self.score}"
