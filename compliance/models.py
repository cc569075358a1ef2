"""The study-day ledger of funded runs (1일 8차시, DOMAIN-KR §1.2)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StudyDayLesson(models.Model):
    """One 차시 that received progress credit on one Korean calendar day, for one enrolment.

    The rows of an enrolment and day are that day's ledger: how many distinct 차시 were studied
    (at most ``ACADEMY_FUNDED_DAILY_LESSONS``) and the seconds credited (at most
    ``ACADEMY_FUNDED_DAILY_SECONDS``). Written only by ``compliance.services.study_day_credit``,
    under the enrolment's row lock.
    """

    enrolment = models.ForeignKey("courses.Enrolment", on_delete=models.CASCADE, related_name="study_days")
    day = models.DateField(_("Day (KST)"))
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    seconds = models.PositiveIntegerField(_("Seconds credited"), default=0)
    first_credited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("study day lesson")
        verbose_name_plural = _("study day ledger")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "day", "lesson"], name="compliance_study_day_one_per_lesson"),
        ]
        indexes = [models.Index(fields=["enrolment", "day"])]

    def __str__(self) -> str:
        return f"{self.enrolment_id} {self.day}: {self.lesson_id} ({self.seconds}s)"
