"""Structured logs: one JSON object per line, each carrying the request id of the work it belongs to.

The request id comes from nginx (``X-Request-ID``) or is made here, is returned in the response's
``X-Request-ID`` header, travels with every Celery task the request enqueues (a message header,
``request_id``) and is set again in the worker while that task runs, so one id ties the proxy's
access log, the web node's lines and the worker's lines together.
"""

from __future__ import annotations

import datetime
import json
import logging
import re
import uuid
from contextvars import ContextVar

#: The id of the request (or of the request that enqueued the running task); "-" outside both.
request_id_var: ContextVar[str] = ContextVar("request_id", default="-")

HEADER = "X-Request-ID"
#: What an id from outside may look like (nginx's $request_id is 32 hex digits); anything else is
#: replaced, so a client cannot write arbitrary text into the logs.
VALID_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")  # fullmatch: "$" would let a final "\n" through

#: The attributes every LogRecord has; anything else was passed with ``extra=`` and is logged too.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "request_id"}


def new_request_id() -> str:
    return uuid.uuid4().hex


def clean_request_id(value: str | None) -> str:
    """The id from the header when it looks like one, else a new one."""
    return value if value and VALID_ID.fullmatch(value) else new_request_id()


class RequestIdFilter(logging.Filter):
    """Adds ``record.request_id`` (for the plain format too: ``%(request_id)s``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            # django.request logs a response after the middleware has returned: its request says.
            request = getattr(record, "request", None)
            record.request_id = getattr(request, "request_id", None) or request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line: time (UTC, ISO 8601), level, logger, message,
    request_id, process, the ``extra=`` fields, and the exception's traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or request_id_var.get(),
            "process": record.process,
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value if isinstance(value, str | int | float | bool | type(None)) else repr(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=repr)


class RequestIdMiddleware:
    """First in the chain: every log line of the request, and every task it enqueues, carries its id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = clean_request_id(request.headers.get(HEADER))
        request.request_id = request_id
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response[HEADER] = request_id
        return response


def json_logging(base: dict) -> dict:
    """``base`` (a LOGGING dict) with JSON lines and request ids on its console handler."""
    config = {**base}
    config["formatters"] = {**base.get("formatters", {}), "json": {"()": "lms.logging.JsonFormatter"}}
    config["filters"] = {**base.get("filters", {}), "request_id": {"()": "lms.logging.RequestIdFilter"}}
    config["handlers"] = {
        **base.get("handlers", {}),
        "console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["request_id"]},
    }
    return config
