"""The study-day ledger of funded runs (1일 8차시, DOMAIN-KR §1.2) and the 공단 reporting outbox (EMON, §2)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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


class EmonRecordQuerySet(models.QuerySet):
    def for_run(self, run) -> EmonRecordQuerySet:
        return self.filter(run=run)

    def unsent(self) -> EmonRecordQuerySet:
        return self.filter(state__in=[EmonRecord.State.PENDING, EmonRecord.State.ERROR])


class EmonRecord(models.Model):
    """One row of the 공단 reporting outbox (EMON v2, DOMAIN-KR §2): what one endpoint is told about
    one change, written in the transaction of the change (``compliance.emon.writers``) and sent by
    the hourly ``emon_send`` task in batches (``compliance.emon.sending``).

    ``seq`` is the primary key and the payload's ``seq`` (the LMS history row id the 공단 keys on).
    A sent row is never changed again: a later change of the same thing is a new row (``changeState``
    U or D); only pending and error rows are updated, by the sender and by the staff's resend.
    ``run`` is empty for the rows of a person rather than a class (``user_login_hist``).
    """

    class Endpoint(models.TextChoices):
        USER = "user_hist", "user_hist"
        LOGIN = "user_login_hist", "user_login_hist"
        CLASS = "class_hist", "class_hist"
        ATTEND = "attend_hist", "attend_hist"
        SCORE = "score_hist", "score_hist"
        PHONE_AUTH = "phone_auth_hist", "phone_auth_hist"

    class State(models.TextChoices):
        PENDING = "pending", pgettext_lazy("EMON row state", "Waiting to be sent")
        SENT = "sent", pgettext_lazy("EMON row state", "Sent")
        ERROR = "error", pgettext_lazy("EMON row state", "Error")

    seq = models.BigAutoField(primary_key=True)
    endpoint = models.CharField(_("Endpoint"), max_length=32, choices=Endpoint.choices)
    payload = models.JSONField(_("Payload"))
    run = models.ForeignKey(
        "courses.CourseRun", null=True, blank=True, on_delete=models.SET_NULL, related_name="emon_records"
    )
    enrolment = models.ForeignKey(
        "courses.Enrolment", null=True, blank=True, on_delete=models.SET_NULL, related_name="emon_records"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="emon_records"
    )
    created_at = models.DateTimeField(_("Written at"), default=timezone.now)
    state = models.CharField(_("State"), max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("Attempts"), default=0)
    last_code = models.CharField(_("Last answer code"), max_length=32, blank=True)
    last_msg = models.TextField(_("Last answer message"), blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)  # an error row waits until then (backoff)
    sent_at = models.DateTimeField(_("Sent at"), null=True, blank=True)
    first_error_at = models.DateTimeField(_("First error at"), null=True, blank=True)
    alerted_at = models.DateTimeField(null=True, blank=True)

    objects = EmonRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("EMON record")
        verbose_name_plural = _("EMON records")
        ordering = ["seq"]
        indexes = [
            models.Index(fields=["endpoint", "state", "seq"]),
            models.Index(fields=["run", "state"]),
            models.Index(fields=["enrolment", "endpoint"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state="sent") | models.Q(sent_at__isnull=False),
                name="compliance_emon_sent_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.endpoint} #{self.seq} ({self.state})"
