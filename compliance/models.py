"""The study-day ledger of funded runs (1일 8차시, DOMAIN-KR §1.2)."""

from __future__ import annotations

from django.conf import settings
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


class IdentityMoment(models.TextChoices):
    """When an identity check is due (DOMAIN-KR §1.7), with the 공단's EVAL_CD in ``compliance.identity``."""

    ENTRY = "entry", _("Course entry (입과)")
    LESSON = "lesson", _("Lesson (진도)")
    QUIZ = "quiz", _("Test")
    ASSIGNMENT = "assignment", _("Assignment")


class IdentityResult(models.TextChoices):
    OK = "ok", _("Passed")
    FAILED = "failed", _("Failed")
    REFUSED = "refused", _("Refused (someone else)")
    LOCKED = "locked", _("Locked")
    ERROR = "error", _("Provider error")


class IdentityCheckQuerySet(models.QuerySet):
    def passed(self):
        return self.filter(result=IdentityResult.OK)


class IdentityCheck(models.Model):
    """One attempt at an identity check (본인인증), passed or not: who, for which enrolment and
    moment (with the 공단's EVAL_CD and CLASS_TME), by which route and backend, what the provider
    answered, from where, when. Written only by ``compliance.services.identity_check_record``,
    which also appends it to the audit trail and emits ``identity_checked``. Never updated.

    ``target_id`` is the lesson, quiz or assignment page the check let the trainee into (none for
    입과). The CI a provider returns is kept only as a keyed hash (``ci_hmac``)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="identity_checks")
    enrolment = models.ForeignKey(
        "courses.Enrolment", on_delete=models.PROTECT, null=True, blank=True, related_name="identity_checks"
    )
    moment = models.CharField(_("Moment"), max_length=20, choices=IdentityMoment.choices)
    eval_cd = models.CharField("EVAL_CD", max_length=2, blank=True)
    eval_type = models.CharField("EVAL_TYPE", max_length=20, blank=True)
    class_tme = models.CharField("CLASS_TME", max_length=4, blank=True)
    target_id = models.PositiveIntegerField(null=True, blank=True)
    route = models.CharField(_("Route"), max_length=20)
    backend = models.CharField(_("Backend"), max_length=30)
    result = models.CharField(_("Result"), max_length=10, choices=IdentityResult.choices)
    raw_code = models.CharField(_("Provider code"), max_length=40, blank=True)
    provider_tx_id = models.CharField(_("Provider transaction id"), max_length=100, blank=True)
    ci_hmac = models.CharField(max_length=64, blank=True)
    message = models.CharField(max_length=300, blank=True)
    address = models.GenericIPAddressField(null=True, blank=True)
    user_agent_hash = models.CharField(max_length=64, blank=True)
    device_hash = models.CharField(max_length=64, blank=True)
    at = models.DateTimeField(default=timezone.now)

    objects = IdentityCheckQuerySet.as_manager()

    class Meta:
        verbose_name = _("identity check")
        verbose_name_plural = _("identity checks")
        indexes = [
            models.Index(fields=["enrolment", "moment", "target_id", "result"]),
            models.Index(fields=["user", "-at"]),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.moment} {self.class_tme} {self.route}/{self.backend}: {self.result}"
