from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FailedTask(models.Model):
    """A Celery task that failed for good: after its last retry, or at once if it does not retry.

    Written by the worker (``ops.services.on_task_failure``) so nothing fails silently; read by
    administrators in the admin (Settings → Failed tasks). The arguments are kept as a short
    ``repr`` with secret-looking keyword arguments masked; tasks take ids, never personal data.
    """

    task_name = models.CharField(_("task"), max_length=200, db_index=True)
    task_id = models.CharField(_("task id"), max_length=64, db_index=True)
    args = models.TextField(_("arguments"), blank=True)
    exception = models.TextField(_("exception"))
    traceback = models.TextField(_("traceback"), blank=True)
    retries = models.PositiveIntegerField(_("retries"), default=0)
    request_id = models.CharField(_("request id"), max_length=128, blank=True)
    worker = models.CharField(_("worker"), max_length=200, blank=True)
    failed_at = models.DateTimeField(_("failed at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-failed_at", "-pk"]
        verbose_name = _("failed task")
        verbose_name_plural = _("failed tasks")

    def __str__(self) -> str:
        return f"{self.task_name}[{self.task_id}]"


class AuditEvent(models.Model):
    """One entry of the tamper-evident audit trail (DOMAIN-KR §1.10): append-only, hash-chained.

    ``hash`` = SHA-256(``prev_hash`` ‖ the canonical JSON of the entry's fields), so changing or
    removing any row breaks every link after it; the database refuses UPDATE and DELETE on the
    table (a trigger, ``ops/migrations/0002``), and ``ops.audit.audit_chain_verify`` (daily) names
    the first broken link. Written only by ``ops.audit.audit_record``. The rows are kept for the
    longest retention of what they witness (``compliance`` retention never sweeps them).
    """

    at = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_constraint=False,
    )
    actor_address = models.CharField(_("address"), max_length=64, blank=True)
    subject_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_constraint=False,
    )
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    reason = models.TextField(_("reason"), blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit trail")
        indexes = [models.Index(fields=["object_type", "object_id"]), models.Index(fields=["subject_user", "at"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.action}"


class AuditChainCheck(models.Model):
    """One verification of the audit trail's chain (``ops.audit.audit_chain_check``, daily by beat).

    Kept so the "감사 기록" screen shows the last result, and an inspector sees that the chain was
    checked every day: how many entries held, the head hash mailed to the 개인정보 보호책임자, or
    the first broken entry.
    """

    ran_at = models.DateTimeField(_("checked at"), default=timezone.now, db_index=True)
    checked = models.PositiveIntegerField(_("entries verified"), default=0)
    head_hash = models.CharField(_("head hash"), max_length=64)
    broken_id = models.BigIntegerField(_("first broken entry"), null=True, blank=True)
    problem = models.CharField(_("problem"), max_length=20, blank=True)
    mailed_to = models.CharField(_("mailed to"), max_length=254, blank=True)

    class Meta:
        ordering = ["-ran_at", "-pk"]
        verbose_name = _("audit chain check")
        verbose_name_plural = _("audit chain checks")

    def __str__(self) -> str:
        return f"{self.ran_at:%Y-%m-%d %H:%M} {'ok' if self.ok else f'broken at #{self.broken_id}'}"

    @property
    def ok(self) -> bool:
        return self.broken_id is None


class PersonalDataAccess(models.Model):
    """One access by a 개인정보취급자 (staff, HR, instructor) to other people's personal data: the
    접속기록 of 안전성 확보조치 기준 제8조 (DOMAIN-KR §5.3).

    Who (``actor``), when, from where (``address``), whose data (``subject_ids``: user ids only,
    never the data itself), what was done (``action``) on which screen or object, and the reason
    an export or download was asked for. Each row is witnessed by one entry of the hash-chained
    audit trail (``audit_event``, which holds the same facts), so an edited row no longer matches
    its chained twin. Written only by ``ops.privacy.personal_data_access_record``; the database
    refuses UPDATE, and DELETE of rows younger than a year (``ops/migrations/0005``): only the
    retention sweep removes rows, after ``ACADEMY_RETENTION_YEARS["access_logs"]`` (2 years).
    """

    class Action(models.TextChoices):
        VIEW = "view", _("View")
        EXPORT = "export", _("Export")
        DOWNLOAD = "download", _("Download")
        PRINT = "print", _("Print")
        CHANGE = "change", _("Change")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        null=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_constraint=False,
    )
    at = models.DateTimeField(_("time"), db_index=True)
    address = models.CharField(_("address"), max_length=64, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("screen or object"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    subject_ids = models.JSONField(_("whose data (user ids)"), default=list)
    subject_count = models.PositiveIntegerField(_("number of people"), default=0)
    reason = models.TextField(_("reason"), blank=True)
    audit_event = models.ForeignKey(
        AuditEvent, verbose_name=_("audit entry"), on_delete=models.DO_NOTHING, related_name="+", db_constraint=False
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data access log")
        permissions = [("review_personaldataaccess", _("Can review the personal data access log"))]
        indexes = [models.Index(fields=["actor", "at"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.action} {self.object_type}"


class PersonalDataReview(models.Model):
    """The 개인정보 보호책임자's monthly check of the access log (DOMAIN-KR §5.3: "at least monthly"):
    who signed the month off, when, and what they noted (downloads whose reasons they confirmed,
    follow-ups). One per month; until it exists, a month that has ended shows "검토 전"."""

    month = models.DateField(_("month"), unique=True, help_text=_("The first day of the month reviewed."))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("signed at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-month"]
        verbose_name = _("personal data access review")
        verbose_name_plural = _("personal data access reviews")

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"
