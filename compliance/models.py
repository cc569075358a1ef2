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


class StudySignal(models.Model):
    """Where a funded trainee studied from (DOMAIN-KR §1.8): one row per enrolment, KST day, kind,
    address, device and user agent, counting the events and keeping the first and last moment.

    Aggregated so that a heartbeat every 15 seconds updates a row instead of adding one (a day of
    study is a handful of rows). Written only by ``compliance.proxy.study_signal_record``, for
    funded runs only: the full address is kept because the 공단 reports need it (EMON
    ``access_ip``/``login_ip``); unfunded runs keep nothing (personal-data minimisation, §5).
    """

    class Kind(models.TextChoices):
        HEARTBEAT = "heartbeat", _("Study (heartbeat)")
        LOGIN = "login", _("Login")
        SUBMISSION = "submission", _("Assessment submitted")

    enrolment = models.ForeignKey("courses.Enrolment", on_delete=models.CASCADE, related_name="study_signals")
    run = models.ForeignKey("courses.CourseRun", on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("Day (KST)"))
    kind = models.CharField(_("Kind"), max_length=12, choices=Kind.choices)
    address = models.CharField(_("Address"), max_length=45, blank=True)
    device_hash = models.CharField(_("Device (keyed hash)"), max_length=32, blank=True)
    user_agent_hash = models.CharField(_("Browser (keyed hash)"), max_length=32, blank=True)
    count = models.PositiveIntegerField(default=1)
    first_at = models.DateTimeField()
    last_at = models.DateTimeField()

    class Meta:
        verbose_name = _("study signal")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "day", "kind", "address", "device_hash", "user_agent_hash"],
                name="compliance_signal_one_per_source",
            ),
        ]
        indexes = [models.Index(fields=["run", "day"])]

    def __str__(self) -> str:
        return f"{self.enrolment_id} {self.day} {self.kind} {self.address} ×{self.count}"


class ProxyFlagQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=ProxyFlag.State.PENDING)


class ProxyFlag(models.Model):
    """A cluster of distinct trainees of one funded run that may be proxy learning (대리수강, DOMAIN-KR
    §1.8): the same address on one KST day, or the same browser (device) within 20 minutes.

    Built by the nightly job (``compliance.proxy.proxy_flags_build``), one per (run, kind, key,
    day), and decided by the run's institute in the review queue: 정상 (normal), 의심
    (suspicious) or 대리수강 확정 (confirmed, for the members chosen) with a reason.
    """

    class Kind(models.TextChoices):
        ADDRESS = "address", _("Same address")
        DEVICE = "device", _("Same device")

    class State(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        NORMAL = "normal", _("Normal (정상)")
        SUSPICIOUS = "suspicious", _("Suspicious (의심)")
        CONFIRMED = "confirmed", _("Proxy learning confirmed (대리수강 확정)")

    run = models.ForeignKey("courses.CourseRun", on_delete=models.CASCADE, related_name="proxy_flags")
    kind = models.CharField(_("Kind"), max_length=10, choices=Kind.choices)
    key = models.CharField(_("Address or device"), max_length=64)
    day = models.DateField(_("Day (KST)"))
    members = models.ManyToManyField("courses.Enrolment", through="ProxyFlagMember", related_name="proxy_flags")
    evidence = models.JSONField(_("Evidence"), default=list, blank=True)
    state = models.CharField(_("State"), max_length=12, choices=State.choices, default=State.PENDING)
    reason = models.TextField(_("Reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ProxyFlagQuerySet.as_manager()

    class Meta:
        verbose_name = _("proxy-learning flag")
        verbose_name_plural = _("proxy-learning flags")
        constraints = [
            models.UniqueConstraint(fields=["run", "kind", "key", "day"], name="compliance_proxy_flag_one_per_cluster"),
        ]
        indexes = [models.Index(fields=["run", "state"])]

    def __str__(self) -> str:
        return f"{self.run_id} {self.kind} {self.key} {self.day} ({self.state})"


class ProxyFlagMember(models.Model):
    """One trainee of a flagged cluster; ``confirmed`` once the institute confirmed 대리수강 for them
    (their completion cannot come back while it stays so)."""

    flag = models.ForeignKey(ProxyFlag, on_delete=models.CASCADE, related_name="memberships")
    enrolment = models.ForeignKey("courses.Enrolment", on_delete=models.CASCADE, related_name="+")
    confirmed = models.BooleanField(_("Proxy learning confirmed"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["flag", "enrolment"], name="compliance_proxy_member_once"),
        ]
        indexes = [models.Index(fields=["enrolment", "confirmed"])]

    def __str__(self) -> str:
        return f"{self.flag_id}/{self.enrolment_id}{' (confirmed)' if self.confirmed else ''}"


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


class IdentityMoment(models.TextChoices):
    """When an identity check is due (DOMAIN-KR §1.7), with the 공단's EVAL_CD in ``compliance.identity``."""

    ENTRY = "entry", _("Course entry (입과)")
    LESSON = "lesson", _("Lesson (진도)")
    QUIZ = "quiz", _("Test")
    ASSIGNMENT = "assignment", _("Assignment")
    STEP_UP = "step_up", _("Step-up check (restricted material, pledge)")


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
