"""모사답안 (copied answers, DOMAIN-KR §1.6): the cases the similarity check puts in the instructors'
review queue, and the EMON ``is_copied_answer`` flag of a score."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CopiedAnswer(models.TextChoices):
    """EMON ``score_hist.is_copied_answer``: Y 판정 모사, N 판정 아님, X not applicable / not judged."""

    YES = "Y", _("Judged copied")
    NO = "N", _("Judged not copied")
    NOT_JUDGED = "X", _("Not judged")


class SimilarityItemKind(models.TextChoices):
    """What the two trainees' answers were compared on; ``object_a``/``object_b`` name the rows of each."""

    ESSAY = "essay", _("Essay answer")  # AttemptAnswer rows
    ESSAY_TOTAL = "essay_total", _("Essay answers of a quiz, in total")  # Attempt rows
    CHOICES = "choices", _("Shared rare wrong choices in a quiz")  # Attempt rows
    ASSIGNMENT = "assignment", _("Assignment")  # AssignmentSubmission rows


class SimilarityCaseQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(decision=SimilarityCase.Decision.PENDING)

    def copied(self):
        return self.filter(decision=SimilarityCase.Decision.COPIED)

    def for_enrolments(self, enrolment_ids):
        return self.filter(models.Q(enrolment_a_id__in=enrolment_ids) | models.Q(enrolment_b_id__in=enrolment_ids))


class SimilarityCase(models.Model):
    """모사답안 의심: two trainees' answers to one item found at least ``ACADEMY_SIMILARITY_THRESHOLD``
    alike, waiting for an instructor of the institute to decide 모사 (copied) or 아님 (not copied),
    with a reason. A decision of 모사 sets the item's score of *both* trainees to 0.

    The same pair of trainees is never queued twice for the same item (``item_key``); ``enrolment_a``
    is always the lower id. The two enrolments belong to runs of the same course (the check also
    compares across runs); ``run`` is that of ``enrolment_a`` (the queue lists it there and in the
    other run).
    """

    class Decision(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        COPIED = "copied", _("Copied (모사)")
        NOT_COPIED = "not_copied", _("Not copied (아님)")

    run = models.ForeignKey(
        "courses.CourseRun", verbose_name=_("Run"), on_delete=models.CASCADE, related_name="similarity_cases"
    )
    enrolment_a = models.ForeignKey(
        "courses.Enrolment", verbose_name=_("Trainee A"), on_delete=models.CASCADE, related_name="+"
    )
    enrolment_b = models.ForeignKey(
        "courses.Enrolment", verbose_name=_("Trainee B"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("Compared"), max_length=20, choices=SimilarityItemKind.choices)
    item_key = models.CharField(max_length=80, help_text="e.g. question:12, quiz:7, assignment:5")
    item_label = models.CharField(_("Item"), max_length=300)
    object_a = models.PositiveBigIntegerField(help_text="The compared row of trainee A (see kind).")
    object_b = models.PositiveBigIntegerField(help_text="The compared row of trainee B (see kind).")
    score = models.DecimalField(_("Similarity"), max_digits=5, decimal_places=4)
    evidence = models.JSONField(_("Evidence"), default=dict, blank=True)
    created_at = models.DateTimeField(_("Found at"), default=timezone.now)
    decision = models.CharField(
        _("Decision"), max_length=20, choices=Decision.choices, default=Decision.PENDING, db_index=True
    )
    reason = models.TextField(_("Reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("Decided at"), null=True, blank=True)

    objects = SimilarityCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("similarity case")
        verbose_name_plural = _("similarity cases")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item_key", "enrolment_a", "enrolment_b"], name="assessments_similarity_case_once_per_pair"
            ),
            models.CheckConstraint(
                condition=models.Q(enrolment_a__lt=models.F("enrolment_b")),
                name="assessments_similarity_case_ordered_pair",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item_label}: {self.enrolment_a_id}/{self.enrolment_b_id} ({self.score})"

    @property
    def percent(self) -> str:
        return f"{self.score * 100:.1f}"

    @property
    def quoted_percent(self) -> str:
        """Share of the two answers left out as quoted from the course content ("" when none)."""
        quoted = (self.evidence or {}).get("quoted")
        return f"{quoted * 100:.0f}" if quoted else ""

    @property
    def is_pending(self) -> bool:
        return self.decision == self.Decision.PENDING
