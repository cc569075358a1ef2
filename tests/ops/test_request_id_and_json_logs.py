"""Structured logs: JSON lines, and one request id from nginx through Django to the worker."""

from __future__ import annotations

import json
import logging
import sys

import pytest

from lms.celery import app as celery_app
from lms.logging import JsonFormatter, RequestIdFilter, RequestIdMiddleware, json_logging, request_id_var
from tests.conftest import wait_for


def _record(message="hello %s", args=("world",), exc_info=None, **extra):
    record = logging.LogRecord("academy.test", logging.WARNING, __file__, 1, message, args, exc_info)
    for key, value in extra.items():
        setattr(record, key, value)
    RequestIdFilter().filter(record)
    return record


def test_a_record_is_one_json_line_with_the_request_id_and_the_extra_fields():
    token = request_id_var.set("req-42")
    try:
        line = JsonFormatter().format(_record(task_id="abc", retries=2))
    finally:
        request_id_var.reset(token)
    entry = json.loads(line)
    assert "\n" not in line
    assert entry["message"] == "hello world"
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "academy.test"
    assert entry["request_id"] == "req-42"
    assert entry["task_id"] == "abc" and entry["retries"] == 2
    assert entry["time"].endswith("+00:00")


def test_a_traceback_stays_on_the_one_line():
    try:
        raise ValueError("잘못된 값\nsecond line")
    except ValueError:
        line = JsonFormatter().format(_record("failed", (), exc_info=sys.exc_info()))
    assert line.count("\n") == 0
    entry = json.loads(line)
    assert "ValueError: 잘못된 값" in entry["exception"]
    assert entry["request_id"] == "-"


def test_production_logging_writes_json_through_the_console_handler():
    config = json_logging({"version": 1, "handlers": {"console": {"class": "logging.StreamHandler"}}})
    assert config["handlers"]["console"]["formatter"] == "json"
    assert config["handlers"]["console"]["filters"] == ["request_id"]


@pytest.mark.django_db
def test_the_id_from_nginx_is_returned_and_a_missing_or_strange_one_replaced(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="0f3c9a1b2c3d4e5f6a7b8c9d0e1f2a3b")
    assert response["X-Request-ID"] == "0f3c9a1b2c3d4e5f6a7b8c9d0e1f2a3b"

    made = client.get("/healthz")["X-Request-ID"]
    assert len(made) == 32 and made != client.get("/healthz")["X-Request-ID"]

    forged = client.get("/healthz", HTTP_X_REQUEST_ID='x" level=ERROR\nfake line')["X-Request-ID"]
    assert "\n" not in forged and "fake" not in forged and len(forged) == 32


def test_every_line_logged_while_a_request_runs_carries_its_id(rf):
    seen = []

    class Keep(logging.Handler):
        def emit(self, record):
            seen.append(JsonFormatter().format(record))

    logger = logging.getLogger("academy.test.request")
    handler = Keep()
    handler.addFilter(RequestIdFilter())
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:

        def view(request):
            logger.info("inside the view")
            from django.http import HttpResponse

            return HttpResponse("ok")

        RequestIdMiddleware(view)(rf.get("/", HTTP_X_REQUEST_ID="abc-123"))
        logger.info("after the request")
    finally:
        logger.removeHandler(handler)
    assert json.loads(seen[0])["request_id"] == "abc-123"
    assert json.loads(seen[1])["request_id"] == "-"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.celery_worker
def test_a_task_enqueued_by_a_request_is_logged_by_the_worker_with_its_request_id(celery_worker):
    from certificates.tasks import certificate_sweep_task

    token = request_id_var.set("from-nginx-7f3e")  # as RequestIdMiddleware does for a request
    try:
        certificate_sweep_task.delay()
    finally:
        request_id_var.reset(token)
    log = celery_worker["log"]
    line = wait_for(
        lambda: next((ln for ln in log.read_text().splitlines() if "from-nginx-7f3e" in ln), None),
        timeout=60,
        message="the worker's line with the request id",
    )
    assert "certificates.tasks.certificate_sweep_task" in line


def test_tasks_have_time_limits_shorter_than_the_visibility_timeout():
    conf = celery_app.conf
    assert 0 < conf.task_soft_time_limit < conf.task_time_limit
    assert conf.task_time_limit < conf.broker_transport_options["visibility_timeout"]


def test_django_s_own_line_about_a_response_carries_the_id_of_its_request(rf):
    request = rf.get("/verify/")
    request.request_id = "from-the-request"
    record = _record("Too Many Requests: /verify/", (), request=request)
    assert json.loads(JsonFormatter().format(record))["request_id"] == "from-the-request"
