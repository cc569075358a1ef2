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


# --------------------------------------------------------------------------------------------
# Security training (보안교육, DOMAIN-KR §3.3 F3.6): policies, external completions, reminders
# --------------------------------------------------------------------------------------------


def security_training_storage():
    """The private storage of external training certificates (``STORAGES["security_training"]``)."""
    from django.core.files.storage import storages

    return storages["security_training"]


class SecurityTrainingPolicy(models.Model):
    """How often an organisation's members of one role must complete security training (보안교육 주기).

    Set by the organisation's HR staff (or an administrator) on ``/hr/security-training/policy/``;
    one per organisation and role. A role without a row uses ``ACADEMY_SECURITY_TRAINING_MONTHS``.
    """

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="security_training_policies",
        verbose_name=_("Organisation"),
    )
    role = models.CharField(_("Role"), max_length=20)  # accounts.Membership.Role
    every_months = models.PositiveSmallIntegerField(_("Every (months)"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("security training policy")
        verbose_name_plural = _("security training policies")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "role"], name="compliance_sectrain_policy_one_per_role"),
            models.CheckConstraint(
                condition=models.Q(every_months__gte=1, every_months__lte=60), name="compliance_sectrain_policy_months"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.role}: {self.every_months}"


class ExternalTrainingProvider(models.TextChoices):
    DAPA = "dapa", _("DAPA (방위사업청)")
    KAITS = "kaits", _("Korea Association for ICT Promotion of Industrial Technology Security (한국산업기술보호협회)")
    OTHER = "other", _("Other provider")


class ExternalTrainingStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for HR")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ExternalSecurityTrainingQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=ExternalTrainingStatus.APPROVED)

    def pending(self):
        return self.filter(status=ExternalTrainingStatus.PENDING)


class ExternalSecurityTraining(models.Model):
    """Security training a member completed outside the Academy (a DAPA or 한국산업기술보호협회 session),
    submitted by the member with its certificate and approved or rejected by the HR staff of the
    organisation it was submitted to. Only an approved one counts, and only for that organisation
    (its HR holds the evidence). Written only by ``compliance.security_training``."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="external_security_trainings"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="external_security_trainings",
        verbose_name=_("Organisation"),
    )
    title = models.CharField(_("Training title"), max_length=200)
    provider = models.CharField(_("Provider"), max_length=10, choices=ExternalTrainingProvider.choices)
    provider_name = models.CharField(_("Provider name"), max_length=120, blank=True)
    completed_on = models.DateField(_("Completed on"))
    certificate = models.FileField(
        _("Certificate"), storage=security_training_storage, upload_to="external/%Y/%m/", max_length=255
    )
    certificate_name = models.CharField(max_length=255, blank=True)
    certificate_type = models.CharField(max_length=10, blank=True)  # pdf, png, jpg
    status = models.CharField(
        _("Status"), max_length=10, choices=ExternalTrainingStatus.choices, default=ExternalTrainingStatus.PENDING
    )
    submitted_at = models.DateTimeField(_("Submitted"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("Decided"), null=True, blank=True)
    note = models.TextField(_("Note"), blank=True, max_length=1000)

    objects = ExternalSecurityTrainingQuerySet.as_manager()

    class Meta:
        verbose_name = _("external security training")
        verbose_name_plural = _("external security trainings")
        indexes = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["user", "organisation", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.title} ({self.status})"


class SecurityTrainingReminder(models.Model):
    """A reminder sent before a member's security training is due: one per member, organisation,
    due date and threshold (30/7 days), so a second daily run (or two at once) sends nothing more."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    due_on = models.DateField()
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.JSONField(default=list)

    class Meta:
        verbose_name = _("security training reminder")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "due_on", "days_before"], name="compliance_sectrain_reminder_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.organisation_id} {self.due_on}: {self.days_before}"


class ExportApprovalKind(models.TextChoices):
    LICENCE = "licence", _("Export licence (수출허가)")
    NON_APPLICABLE = "non_applicable", _("Non-applicability ruling (비해당 판정)")


class ExportApprovalQuerySet(models.QuerySet):
    def valid_on(self, day) -> ExportApprovalQuerySet:
        return self.filter(valid_until__gte=day)


class ExportApproval(models.Model):
    """A foreign national's recorded approval to study one restricted course (DOMAIN-KR §3.3 F3.2,
    F3.4): an export licence (수출허가) or a non-applicability ruling (비해당 판정) — decided outside
    the Academy (산업부·DAPA·전략물자관리원); the Academy keeps its number, scope, expiry and the
    document, which lives in private storage. Recorded by administrators only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="export_approvals", verbose_name=_("Person")
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="export_approvals", verbose_name=_("Course")
    )
    kind = models.CharField(_("Kind"), max_length=20, choices=ExportApprovalKind.choices)
    number = models.CharField(_("Number"), max_length=60)
    scope = models.TextField(_("Scope"), help_text=_("What the approval covers, as written on it."))
    valid_until = models.DateField(_("Valid until"), help_text=_("The last day the approval counts."))
    evidence = models.FileField(_("Document"), storage=evidence_storage, upload_to="export-approvals/%Y/", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    recorded_at = models.DateTimeField(_("Recorded"), default=timezone.now, editable=False)

    objects = ExportApprovalQuerySet.as_manager()

    class Meta:
        verbose_name = _("export approval")
        verbose_name_plural = _("export approvals")
        ordering = ["-recorded_at", "-pk"]
        indexes = [models.Index(fields=["user", "course", "valid_until"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_kind_display()} {self.number}"


# --------------------------------------------------------------------------------------------
# 기술보호 서약서 (DOMAIN-KR §3.3 F3.3): versioned texts, signatures, exit pledges
# --------------------------------------------------------------------------------------------


class PledgeKind(models.TextChoices):
    JOIN = "join", _("Technology protection pledge")
    EXIT = "exit", _("Exit pledge (leaving or transfer)")


class PledgeText(models.Model):
    """One published version of an institute's 기술보호 서약서 (or its exit pledge, 퇴직·전보 서약).

    A published text is never edited: a change is a new version (a new row), and everyone signs
    the new version before their next restricted request. An institute without a text of its own
    uses the Academy's built-in text (``institute`` empty), whose items follow the 방위산업기술
    보호지침: confidentiality, no taking out, return and deletion on leaving or transfer, liability.
    """

    institute = models.ForeignKey(
        "courses.InstitutePage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pledge_texts",
        verbose_name=_("Institute"),
        help_text=_("Empty: the Academy's built-in text, used by institutes without a text of their own."),
    )
    kind = models.CharField(_("Kind"), max_length=10, choices=PledgeKind.choices, default=PledgeKind.JOIN)
    version = models.PositiveIntegerField(_("Version"), editable=False)
    title = models.CharField(_("Title"), max_length=200)
    body = models.TextField(_("Text (Korean)"), help_text=_("One paragraph per line; numbered items read best."))
    body_en = models.TextField(_("Text (English)"), blank=True)
    text_hash = models.CharField(_("Text hash (SHA-256)"), max_length=64, editable=False)
    published_at = models.DateTimeField(_("Published"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        verbose_name = _("Pledge text")
        verbose_name_plural = _("Pledge texts")
        ordering = ["institute_id", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["institute", "kind", "version"], name="compliance_pledgetext_version"),
            models.UniqueConstraint(
                fields=["kind", "version"],
                condition=models.Q(institute__isnull=True),
                name="compliance_pledgetext_builtin_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"


class PledgeSignature(models.Model):
    """A signed pledge: who signed which version (with its hash), the typed name, when, from where,
    and the step-up identity check that proved it was them. Written only by
    ``compliance.pledges.pledge_sign``; never updated."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pledge_signatures", verbose_name=_("Signer")
    )
    text = models.ForeignKey(PledgeText, on_delete=models.PROTECT, related_name="signatures")
    kind = models.CharField(_("Kind"), max_length=10, choices=PledgeKind.choices)
    version = models.PositiveIntegerField(_("Version"))
    text_hash = models.CharField(_("Text hash (SHA-256)"), max_length=64)
    typed_name = models.CharField(_("Typed name"), max_length=120)
    signed_at = models.DateTimeField(_("Signed"), default=timezone.now)
    address = models.CharField(_("Address"), max_length=45, blank=True)
    user_agent_hash = models.CharField(_("Browser (keyed hash)"), max_length=32, blank=True)
    identity_check = models.ForeignKey(
        IdentityCheck, on_delete=models.PROTECT, related_name="+", verbose_name=_("Identity check")
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    receipt_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Signed pledge")
        verbose_name_plural = _("Signed pledges")
        indexes = [models.Index(fields=["user", "text", "signed_at"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.text}"


class ExitPledge(models.Model):
    """A membership ended: the exit pledge the person is asked to sign (F3.3, the 지침's trigger).

    Recorded in the transaction that ends the membership, as *pending*; the person sees the exit
    pledge on their next visit to 나의 강의실 and signs it (*signed*) or declines (*not signed*).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the person")
        SIGNED = "signed", _("Signed")
        NOT_SIGNED = "not_signed", _("Not signed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exit_pledges")
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation_name = models.CharField(_("Organisation"), max_length=120)
    role = models.CharField(max_length=20, blank=True)
    ended_at = models.DateTimeField(_("Membership ended"))
    status = models.CharField(_("Status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    decided_at = models.DateTimeField(null=True, blank=True)
    signature = models.OneToOneField(
        PledgeSignature, null=True, blank=True, on_delete=models.PROTECT, related_name="exit_pledge"
    )

    class Meta:
        verbose_name = _("Exit pledge")
        verbose_name_plural = _("Exit pledges")
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation_name} ({self.get_status_display()})"
