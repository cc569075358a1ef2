"""The Celery application. Workers: ``celery -A lms worker``; the scheduler: ``celery -A lms beat``.

The request id (``lms.logging``) travels with each task as the message header ``request_id`` and
is set again in the worker while the task runs, so the worker's lines name the request that
enqueued the work. With ``ACADEMY_LOG_FORMAT = "json"`` (production) the worker logs JSON lines.
"""

import logging
import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

task_logger = logging.getLogger("lms.tasks")


@signals.before_task_publish.connect
def _send_request_id(headers=None, **kwargs):
    from lms.logging import request_id_var

    if headers is not None and "request_id" not in headers:
        headers["request_id"] = request_id_var.get()


@signals.task_prerun.connect
def _receive_request_id(task_id=None, task=None, **kwargs):
    from lms.logging import request_id_var

    request_id = getattr(task.request, "request_id", None) or request_id_var.get()
    task.request.request_id_token = request_id_var.set(request_id)
    task_logger.info(
        "task %s[%s] started (request %s)",
        task.name,
        task_id,
        request_id,
        extra={"task_name": task.name, "task_id": task_id, "retries": task.request.retries},
    )


@signals.task_postrun.connect
def _forget_request_id(task=None, **kwargs):
    from lms.logging import request_id_var

    token = getattr(task.request, "request_id_token", None)
    if token is not None:
        try:
            request_id_var.reset(token)
        except ValueError:  # set in another context (eager tasks nested in a request)
            request_id_var.set("-")


@signals.after_setup_logger.connect
@signals.after_setup_task_logger.connect
def _format_worker_logs(logger=None, **kwargs):
    from django.conf import settings

    from lms.logging import JsonFormatter, RequestIdFilter

    for handler in logger.handlers:
        handler.addFilter(RequestIdFilter())
        if getattr(settings, "ACADEMY_LOG_FORMAT", "plain") == "json":
            handler.setFormatter(JsonFormatter())
