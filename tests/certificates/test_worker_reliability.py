"""Issuance against a real Celery worker on Redis and PostgreSQL: no failure loses or doubles a certificate."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import threading
import time
import uuid

import pytest
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import OutboundEmail
from certificates import services
from certificates.models import Certificate, CertificateEvent
from courses import services as course_services
from courses.models import Enrolment
from lms.celery import app as celery_app
from tests import factories
from tests.conftest import ROOT, wait_for
from tests.support.worker import database_url, start_worker, stop_worker, worker_environment

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.celery_worker]


def issued_exactly_once(certificate_ids) -> None:
    """Each certificate: issued, one ``issued`` event, one e-mail, one current PDF matching its hash."""
    import hashlib

    from django.core.files.storage import default_storage

    for certificate in Certificate.objects.filter(pk__in=certificate_ids):
        assert certificate.state == Certificate.State.ISSUED, certificate.code
        assert certificate.events.filter(kind=CertificateEvent.Kind.ISSUED).count() == 1, certificate.code
        assert OutboundEmail.objects.filter(body__contains=certificate.code).count() == 1, certificate.code
        with default_storage.open(certificate.pdf.name, "rb") as handle:
            assert hashlib.sha256(handle.read()).hexdigest() == certificate.sha256
    assert Certificate.objects.filter(pk__in=certificate_ids).count() == len(set(certificate_ids))


@pytest.fixture
def outbox(settings):
    """E-mail goes through the real outbox (a row per message), as in production."""
    settings.EMAIL_BACKEND = "accounts.mail.QueuedEmailBackend"


@pytest.fixture
def course():
    institute = factories.institute_page()
    return factories.course_page(institute, min_progress_percent=0, study_hours=12)


def completed_enrolments(course, count):
    run = factories.course_run(course)
    enrolments = [factories.enrolment(run) for _ in range(count)]
    for enrolment in enrolments:
        assert course_services.enrolment_evaluate_completion(enrolment=enrolment)
    return enrolments


def run_sweeper_as_beat_would() -> list[int]:
    return services.certificates_sweep(now=timezone.now() + services.SWEEP_AFTER + datetime.timedelta(seconds=1))


@pytest.fixture
def own_worker(tmp_path):
    """A worker of this test's own, on its own queue, that the test may kill and start again.

    Its e-mail stays in memory (the session worker's mail folder belongs to the tests that read it).
    """
    queue = f"test-cert-{uuid.uuid4().hex[:10]}"
    log_path = tmp_path / "worker.log"
    previous = (celery_app.conf.task_always_eager, celery_app.conf.task_default_queue)
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = queue
    workers = []

    def start(concurrency: int = 2):
        workers.append(start_worker(queue=queue, log_path=log_path, concurrency=concurrency, env=worker_environment()))
        return workers[-1]

    try:
        yield {"start": start, "log": log_path, "queue": queue}
    finally:
        for worker in workers:
            stop_worker(worker, kill=True)
        celery_app.conf.task_always_eager, celery_app.conf.task_default_queue = previous


def test_worker_killed_mid_render_then_restarted_issues_every_certificate_once(course, outbox, own_worker):
    enrolments = completed_enrolments(course, 40)  # each commit enqueues one render task, waiting in Redis
    ids = [e.certificate.pk for e in enrolments]
    worker = own_worker["start"](concurrency=1)

    # Kill the worker (and its pool) with SIGKILL while it is busy rendering: some are done, some not.
    wait_for(
        lambda: Certificate.objects.filter(pk__in=ids, state=Certificate.State.ISSUED).exists(),
        timeout=60,
        interval=0.02,
        message="the first certificate",
    )
    stop_worker(worker, kill=True)
    issued_before_kill = Certificate.objects.filter(pk__in=ids, state=Certificate.State.ISSUED).count()
    assert issued_before_kill < len(ids), "the worker finished before it could be killed"
    assert "certificate_render_task" in own_worker["log"].read_text()

    # Restart; beat's sweeper re-enqueues what is still pending (the killed worker's messages stay
    # unacknowledged until Redis's visibility timeout; the sweeper does not wait that long).
    own_worker["start"]()
    swept = run_sweeper_as_beat_would()
    assert swept, "nothing was left pending"
    wait_for(
        lambda: Certificate.objects.filter(pk__in=ids, state=Certificate.State.ISSUED).count() == len(ids),
        timeout=120,
        message="every certificate to be issued after the restart",
    )
    # A second sweep (and the messages the restarted worker still finds) change nothing.
    run_sweeper_as_beat_would()
    time.sleep(2)
    issued_exactly_once(ids)


COMPLETE_WITH_BROKER_DOWN = """
import django, sys, time, traceback
django.setup()
from lms.celery import app
app.conf.task_always_eager = False
from courses import services
from courses.models import Enrolment
started = time.monotonic()
try:
    completed = services.enrolment_evaluate_completion(enrolment=Enrolment.objects.get(pk=int(sys.argv[1])))
    failure = "-"
except Exception:
    completed = None
    failure = traceback.format_exc().strip().splitlines()[-1].split(":")[0]
    traceback.print_exc()
print(completed, round(time.monotonic() - started, 1), failure.replace(" ", "_"))
"""


def complete_with_broker_down(enrolment):
    """Complete the enrolment in a process whose broker is down (nothing listens on port 1)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": "redis://127.0.0.1:1/15",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", COMPLETE_WITH_BROKER_DOWN, str(enrolment.pk)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    completed, seconds, failure = result.stdout.split()
    return completed, float(seconds), failure, result.stderr


def test_broker_down_at_completion_the_completion_is_kept_and_the_sweeper_issues_later(course, outbox, own_worker):
    own_worker["start"]()
    enrolment = factories.enrolment(factories.course_run(course))

    _completed, seconds, _failure, _stderr = complete_with_broker_down(enrolment)

    assert seconds < 15
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.COMPLETED
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.state == Certificate.State.PENDING

    # The broker is back: beat's sweeper enqueues it, the worker issues it.
    assert run_sweeper_as_beat_would() == [certificate.pk]
    wait_for(
        lambda: Certificate.objects.filter(pk=certificate.pk, state=Certificate.State.ISSUED).exists(),
        timeout=60,
        message="the swept certificate to be issued",
    )
    issued_exactly_once([certificate.pk])


def test_broker_down_at_completion_the_trainees_request_does_not_fail(course, outbox):
    enrolment = factories.enrolment(factories.course_run(course))

    completed, _seconds, failure, _stderr = complete_with_broker_down(enrolment)

    assert (completed, failure) == ("True", "-")


def in_twenty_threads(action) -> list[Exception]:
    """Run ``action`` in twenty threads released at the same instant; answer the errors raised."""
    barrier = threading.Barrier(20)
    errors = []

    def run():
        try:
            barrier.wait(timeout=30)
            action()
        except Exception as exc:  # reported to the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_twenty_concurrent_completion_events_make_one_certificate(course, outbox, own_worker):
    own_worker["start"]()
    enrolment = factories.enrolment(factories.course_run(course))

    errors = in_twenty_threads(lambda: course_services.enrolment_evaluate_completion(enrolment=enrolment))
    # The listener itself, twenty times at once, outside the completion's transaction.
    errors += in_twenty_threads(lambda: services.on_enrolment_completed(Enrolment.objects.get(pk=enrolment.pk)))

    assert errors == []
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
    certificate = Certificate.objects.get(enrolment=enrolment)
    wait_for(
        lambda: Certificate.objects.filter(pk=certificate.pk, state=Certificate.State.ISSUED).exists(),
        timeout=60,
        message="the certificate to be issued",
    )
    time.sleep(1)
    issued_exactly_once([certificate.pk])
    assert certificate.events.filter(kind=CertificateEvent.Kind.CREATED).count() == 1


def test_a_rolled_back_transaction_sends_no_task_and_leaves_no_certificate(course, outbox, own_worker):
    own_worker["start"]()
    run = factories.course_run(course)
    enrolment = factories.enrolment(run)
    log = own_worker["log"]
    received_before = log.read_text().count("certificates.tasks.certificate_render_task")

    with pytest.raises(RuntimeError), transaction.atomic():
        assert course_services.enrolment_evaluate_completion(enrolment=enrolment)
        assert Certificate.objects.filter(enrolment=enrolment).exists()
        raise RuntimeError("the request failed after the completion")

    time.sleep(3)
    assert not Certificate.objects.filter(enrolment=enrolment).exists()
    assert Enrolment.objects.get(pk=enrolment.pk).status == Enrolment.Status.ACTIVE
    assert log.read_text().count("certificates.tasks.certificate_render_task") == received_before
    # The same completion, committed this time, is issued by the worker.
    course_services.enrolment_evaluate_completion(enrolment=enrolment)
    certificate = Certificate.objects.get(enrolment=enrolment)
    wait_for(
        lambda: Certificate.objects.filter(pk=certificate.pk, state=Certificate.State.ISSUED).exists(),
        timeout=60,
        message="the committed certificate to be issued",
    )
