"""The dead-letter record: every task that fails for good leaves a ``FailedTask`` row."""

from __future__ import annotations

import logging
import re

from .models import FailedTask

logger = logging.getLogger(__name__)

#: Keyword arguments whose values never reach the table or the log.
SECRET_NAMES = re.compile(r"pass|secret|token|key|otp|code|auth", re.IGNORECASE)
MAX_ARGS = 2000
MAX_EXCEPTION = 4000
MAX_TRACEBACK = 20000


def arguments_repr(args, kwargs) -> str:
    """A short ``repr`` of a task's arguments, secret-looking keyword values masked."""
    parts = [repr(value) for value in (args or ())]
    for name, value in (kwargs or {}).items():
        parts.append(f"{name}={'***' if SECRET_NAMES.search(str(name)) else repr(value)}")
    text = ", ".join(parts)
    return text if len(text) <= MAX_ARGS else text[: MAX_ARGS - 1] + "…"


def failed_task_record(
    *,
    task_name: str,
    task_id: str,
    args=(),
    kwargs=None,
    exception: BaseException,
    traceback: str = "",
    retries: int = 0,
    request_id: str = "",
    worker: str = "",
) -> FailedTask:
    return FailedTask.objects.create(
        task_name=task_name[:200],
        task_id=(task_id or "")[:64],
        args=arguments_repr(args, kwargs),
        exception=f"{type(exception).__name__}: {exception}"[:MAX_EXCEPTION],
        traceback=(traceback or "")[-MAX_TRACEBACK:],
        retries=retries or 0,
        request_id=(request_id or "")[:128],
        worker=(worker or "")[:200],
    )


def on_task_failure(sender=None, task_id=None, exception=None, args=None, kwargs=None, einfo=None, **extra) -> None:
    """Celery's ``task_failure`` signal: sent once the task will not be tried again.

    (A task that retries sends ``task_retry`` instead, until its last attempt fails.) If the
    database itself is what failed, the row cannot be written: the JSON log line, with the whole
    record, is then the dead letter.
    """
    request = getattr(sender, "request", None)
    fields = {
        "task_name": getattr(sender, "name", str(sender)),
        "task_id": task_id or "",
        "args": args,
        "kwargs": kwargs,
        "exception": exception if exception is not None else RuntimeError("unknown"),
        "traceback": str(einfo.traceback) if einfo is not None else "",
        "retries": getattr(request, "retries", 0) or 0,
        "request_id": getattr(request, "request_id", "") or "",
        "worker": getattr(request, "hostname", "") or "",
    }
    logger.error(
        "task %s[%s] failed for good after %s retries: %s",
        fields["task_name"],
        fields["task_id"],
        fields["retries"],
        fields["exception"],
        extra={"task_name": fields["task_name"], "task_id": fields["task_id"], "dead_letter": True},
    )
    try:
        failed_task_record(**fields)
    except Exception:
        logger.exception("could not write the dead-letter row of task %s[%s]", fields["task_name"], task_id)
