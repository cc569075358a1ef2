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


def evidence_storage():
    """The private storage of evidence packs (``STORAGES["evidence"]``): no public URL."""
    from django.core.files.storage import storages

    return storages["evidence"]


class StoredEvidencePack(models.Model):
    """The inspection evidence pack of one enrolment of a funded run (DOMAIN-KR §1.9), as generated
    the day after its 훈련기간 (``compliance.evidence.evidence_pack_store``): the CSV and the PDF,
    with their SHA-256, in private storage. Written once (one per enrolment); destroyed by the
    retention sweep 3 years after the 훈련기간. On-demand packs are made fresh and not stored."""

    enrolment = models.OneToOneField("courses.Enrolment", on_delete=models.CASCADE, related_name="stored_evidence_pack")
    training_end = models.DateField(_("Training period ended"))
    csv_file = models.FileField(_("CSV"), storage=evidence_storage, upload_to="packs/", max_length=255)
    pdf_file = models.FileField(_("PDF"), storage=evidence_storage, upload_to="packs/", max_length=255)
    csv_sha256 = models.CharField(max_length=64)
    pdf_sha256 = models.CharField(max_length=64)
    generated_at = models.DateTimeField(_("Generated at"), default=timezone.now)

    class Meta:
        verbose_name = _("stored evidence pack")
        verbose_name_plural = _("stored evidence packs")
        indexes = [models.Index(fields=["training_end"])]

    def __str__(self) -> str:
        return f"evidence pack of enrolment {self.enrolment_id}"


class RetentionSweep(models.Model):
    """One destruction by the nightly retention sweep (DOMAIN-KR §5.2, §5.4): which category, how
    many records, when, by which job, and the cut-off used. Never the destroyed values."""

    category = models.CharField(_("Category"), max_length=60, db_index=True)
    count = models.PositiveIntegerField(_("Records destroyed"))
    cutoff = models.DateField(_("Kept from"), help_text=_("Records whose retention started before this day went."))
    ran_at = models.DateTimeField(_("Ran at"), default=timezone.now, db_index=True)
    job = models.CharField(_("Job"), max_length=100, default="compliance.retention_sweep")

    class Meta:
        ordering = ["-ran_at", "-pk"]
        verbose_name = _("retention sweep")
        verbose_name_plural = _("retention sweeps")

    def __str__(self) -> str:
        return f"{self.category}: {self.count} ({self.ran_at:%Y-%m-%d})"
