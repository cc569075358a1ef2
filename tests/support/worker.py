"""A real ``celery worker`` process for the tests and the benchmarks: one launcher for all of them.

:func:`start_worker` starts a worker on a queue of its own (so parallel runs on one Redis never take
each other's tasks) in a session of its own, and returns once it answers a ping; :func:`stop_worker`
stops it and its pool processes. The fixtures ``celery_worker_process`` (one worker for the test
session) and ``celery_worker`` (tasks sent to it for one test) are registered by ``tests/conftest.py``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Worker:
    process: subprocess.Popen
    node: str
    log_path: Path


def database_url() -> str:
    """The test database as a URL, for processes the tests start (workers, pg_dump)."""
    from django.db import connection

    db = connection.settings_dict
    auth = db["USER"] or "postgres"
    if db.get("PASSWORD"):
        auth += f":{db['PASSWORD']}"
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def worker_environment(**extra: str) -> dict[str, str]:
    """The environment of a worker the tests start: test settings on the test database and broker."""
    from django.conf import settings

    return {
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        **extra,
    }


def start_worker(
    *, queue: str, log_path: Path, concurrency: int = 2, env: dict[str, str] | None = None, node: str | None = None
) -> Worker:
    """Start ``celery worker`` on ``queue`` with this process's environment updated by ``env``; its
    output is appended to ``log_path``. Returns once the worker answers a ping (60 s at most)."""
    from lms.celery import app

    node = node or f"{queue}-{uuid.uuid4().hex[:6]}@localhost"
    with open(log_path, "a") as log:  # the child keeps its own copy of the file
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "celery", "-A", "lms", "worker", "-Q", queue, "-n", node, "-c", str(concurrency)]
            + ["--without-gossip", "--without-mingle", "-l", "info"],
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    worker = Worker(process=process, node=node, log_path=log_path)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The Celery worker exited early:\n{log_path.read_text()}")
        if app.control.ping(destination=[node], timeout=1.0):
            return worker
    stop_worker(worker, kill=True)
    raise RuntimeError(f"The Celery worker did not answer within 60 s:\n{log_path.read_text()}")


def stop_worker(worker: Worker, *, kill: bool = False, timeout: float = 20) -> None:
    """Stop the worker and its pool processes (SIGTERM, or SIGKILL), and wait until none is left."""
    process = worker.process
    try:
        os.killpg(process.pid, signal.SIGKILL if kill else signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real ``celery worker`` process, on Redis, reading and writing the test database.

    Yields a dict with the queue name and the folder the worker writes e-mail into.
    """
    queue = f"test-{uuid.uuid4().hex[:12]}"
    mail_dir = tmp_path_factory.mktemp("worker-mail")
    with django_db_blocker.unblock():
        env = worker_environment(
            ACADEMY_EMAIL_DELIVERY_BACKEND="django.core.mail.backends.filebased.EmailBackend",
            EMAIL_FILE_PATH=str(mail_dir),
        )
    log_path = tmp_path_factory.mktemp("worker-log") / "worker.log"
    worker = start_worker(queue=queue, log_path=log_path, env=env, node=f"{queue}@localhost")
    try:
        yield {"queue": queue, "mail_dir": mail_dir, "log": log_path, "process": worker.process}
    finally:
        stop_worker(worker)  # before the test database is dropped


@pytest.fixture
def celery_worker(celery_worker_process):
    """Send tasks to the real worker for the length of one test (eager mode off)."""
    from lms.celery import app

    previous = (app.conf.task_always_eager, app.conf.task_default_queue)
    app.conf.task_always_eager = False
    app.conf.task_default_queue = celery_worker_process["queue"]
    try:
        yield celery_worker_process
    finally:
        app.conf.task_always_eager, app.conf.task_default_queue = previous
