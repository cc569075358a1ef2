from django.db import models
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
