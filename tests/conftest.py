"""Shared fixtures: a real Celery worker process on Redis, and Playwright on Debian's Chromium."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from lms.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("ACADEMY_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and cached fragments never leak from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] or "postgres"
    if db.get("PASSWORD"):
        auth += f":{db['PASSWORD']}"
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real ``celery worker`` process, on Redis, reading and writing the test database.

    It listens on a queue of its own, so parallel runs on one Redis never take each other's tasks.
    Yields a dict with the queue name and the folder the worker writes e-mail into.
    """
    queue = f"test-{uuid.uuid4().hex[:12]}"
    mail_dir = tmp_path_factory.mktemp("worker-mail")
    with django_db_blocker.unblock():
        database_url = _database_url()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "ACADEMY_EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    log_path = tmp_path_factory.mktemp("worker-log") / "worker.log"
    log = open(log_path, "w")  # noqa: SIM115 - closed in teardown
    node = f"{queue}@localhost"
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            "-Q",
            queue,
            "-n",
            node,
            "-c",
            "2",
            "--without-gossip",
            "--without-mingle",
            "-l",
            "info",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The Celery worker exited early:\n{log_path.read_text()}")
        if celery_app.control.ping(destination=[node], timeout=1.0):
            break
    else:
        process.terminate()
        raise RuntimeError(f"The Celery worker did not answer within 60 s:\n{log_path.read_text()}")
    try:
        yield {"queue": queue, "mail_dir": mail_dir, "log": log_path, "process": process}
    finally:
        # Stop the worker and its pool processes before the test database is dropped.
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.2)
        log.close()


@pytest.fixture
def celery_worker(celery_worker_process):
    """Send tasks to the real worker for the length of one test (eager mode off)."""
    previous = (celery_app.conf.task_always_eager, celery_app.conf.task_default_queue)
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = celery_worker_process["queue"]
    try:
        yield celery_worker_process
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.task_default_queue = previous


def wait_for(predicate, *, timeout: float = 30.0, interval: float = 0.2, message: str = "condition"):
    """Poll ``predicate`` until it returns something truthy; fail the test after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    pytest.fail(f"Timed out after {timeout} s waiting for {message}")


@pytest.fixture
def browser(live_server):
    """Debian's Chromium driven by Playwright (Playwright's own browser download does not work here).

    Function-scoped on purpose: Playwright's sync API runs an event loop in this thread, and
    Django's per-context connections seen inside it are not the ones the test database set-up
    prepared (with the serialized rows that a transactional test restores). Starting the browser
    after the database fixtures, and stopping it before their teardown, keeps the two apart.
    """
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()
        # Connections the test opened while Playwright's loop ran belong to that context: close them
        # here, or the test database cannot be dropped at the end of the run.
        from django.db import connections

        connections.close_all()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ko-KR")
    page = context.new_page()
    yield page
    context.close()


def start_celery_worker(*, queue: str, log_path: Path, concurrency: int = 2, env: dict | None = None):
    """Start one more real ``celery worker`` on ``queue`` (for tests that kill or restart a worker).

    Same environment as ``celery_worker_process``; returns the ``Popen`` once the worker answers a
    ping. Stop it with ``stop_celery_worker`` (``kill=True`` sends SIGKILL to it and its pool).
    """
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        **(env or {}),
    }
    node = f"{queue}-{uuid.uuid4().hex[:6]}@localhost"
    log = open(log_path, "a")  # noqa: SIM115 - the child keeps writing to it
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "celery", "-A", "lms", "worker", "-Q", queue, "-n", node, "-c", str(concurrency)]
        + ["--without-gossip", "--without-mingle", "-l", "info"],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The Celery worker exited early:\n{log_path.read_text()}")
        if celery_app.control.ping(destination=[node], timeout=1.0):
            return process
    stop_celery_worker(process, kill=True)
    raise RuntimeError(f"The Celery worker did not answer within 60 s:\n{log_path.read_text()}")


def stop_celery_worker(process, *, kill: bool = False, timeout: float = 20) -> None:
    """Stop a worker from ``start_celery_worker`` and its pool processes (SIGTERM, or SIGKILL)."""
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
