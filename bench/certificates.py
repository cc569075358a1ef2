"""Benchmark: issue certificates through a real Celery worker on Redis and PostgreSQL.

    .venv/bin/python bench/certificates.py                 # 500 certificates, worker concurrency 1 and 2
    .venv/bin/python bench/certificates.py --count 100 --concurrency 2 --json var/bench-certificates.json

What it does, in a fresh PostgreSQL database (``academy_bench``, dropped and created again):

1. creates an institute, a course with a template (seal and signature images) and N trainees
   enrolled in it, and completes each enrolment through ``courses.services`` (one transaction
   each; the certificate listener writes the pending row and enqueues its render task on commit);
2. starts a real ``celery -A lms worker`` listening on an idle queue, so the N tasks wait in Redis,
   then tells it to consume the certificate queue and times until every certificate is issued:
   certificates per second, and the worker's time per certificate (wall time × concurrency / N);
3. in the same run, times a bare WeasyPrint render of the same certificate's HTML
   (``certificates.pdf.html_to_pdf``), and once with fontTools subsetting for scale.

The ratio worker time / bare render is the cost of everything around the render: the broker,
the task, the queries, the row lock, storing the PDF, the e-mail. Target: at most 1.5.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "academy_bench"
#: A Redis database of the bench's own: it is flushed at the end.
BROKER = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/12")
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def setup_environment() -> None:
    """The development settings pointed at PostgreSQL and Redis: persistent database connections
    (60 s) and real queues, as in production; e-mail is written to files under the bench folder."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.dev"
    os.environ["DATABASE_URL"] = f"{SERVER}/{DATABASE}"
    os.environ["DATABASE_CONN_MAX_AGE"] = "60"
    os.environ["CELERY_BROKER_URL"] = BROKER
    os.environ["ACADEMY_VAR_DIR"] = os.environ.get("BENCH_VAR_DIR", "/tmp/academy-bench-var")
    os.environ["DJANGO_LOG_LEVEL"] = "WARNING"
    sys.path.insert(0, str(ROOT))


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DATABASE}"')


def make_course():
    from certificates.models import CertificateSignatory, CertificateTemplate
    from home.demo.certificates import _image, _seal_png, _signature_png
    from tests import factories

    institute = factories.institute_page(title="국방드론교육원", title_en="Defense Drone Institute")
    template = CertificateTemplate.objects.create(
        institute=institute,
        name="bench",
        validity_months=24,
        seal=_image(institute, "seal", _seal_png("국방드론"), "seal.png"),
    )
    CertificateSignatory.objects.create(
        template=template,
        name_ko="김도윤",
        name_en="Doyun Kim",
        title_ko="원장",
        title_en="President",
        signature=_image(institute, "signature", _signature_png(3), "signature.png"),
    )
    return factories.course_page(
        institute,
        title="군용드론 운용 기초",
        title_en="Military Drone Operation Basics",
        min_progress_percent=0,
        certificate_template=template,
    )


def complete_enrolments(course, count: int) -> list[int]:
    """N new trainees complete the course, each in its own transaction: N render tasks enqueued."""
    from accounts.models import User
    from courses import services as course_services
    from courses.models import Enrolment
    from tests import factories

    tag = uuid.uuid4().hex[:6]
    users = User.objects.bulk_create(
        User(email=f"bench-{tag}-{i}@example.com", name_ko=f"교육생{i}", name_en=f"Trainee {tag} {i}")
        for i in range(count)
    )
    run = factories.course_run(course)
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(user=user, run=run, status=Enrolment.Status.ACTIVE) for user in users
    )
    for enrolment in enrolments:
        course_services.enrolment_evaluate_completion(enrolment=enrolment)
    from certificates.models import Certificate

    return list(Certificate.objects.filter(enrolment__in=enrolments).values_list("pk", flat=True))


def worker_run(course, count: int, concurrency: int, log_dir: Path) -> dict:
    from certificates.models import Certificate
    from lms.celery import app
    from tests.support.worker import start_worker, stop_worker

    queue = f"bench-certificates-{uuid.uuid4().hex[:8]}"
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    # The enrolment e-mails of courses (and the outbox deliveries) are not certificate work: they
    # go to a queue this worker does not consume, and are dropped with the bench's Redis database.
    app.conf.task_routes = {
        "courses.tasks.*": {"queue": "bench-elsewhere"},
        "accounts.tasks.*": {"queue": "bench-elsewhere"},
    }
    # The worker starts on an idle queue and is given the real one once the tasks wait in Redis.
    worker = start_worker(
        queue=f"bench-idle-{uuid.uuid4().hex[:8]}",
        log_path=log_dir / f"worker-c{concurrency}.log",
        concurrency=concurrency,
        node=f"bench-{uuid.uuid4().hex[:6]}@localhost",
    )
    try:
        ids = complete_enrolments(course, count)  # the tasks wait in Redis: nobody consumes the queue yet
        assert len(ids) == count
        started = time.perf_counter()
        app.control.add_consumer(queue, destination=[worker.node], reply=True)
        issued = 0
        while issued < count:
            time.sleep(0.05)
            issued = Certificate.objects.filter(pk__in=ids, state=Certificate.State.ISSUED).count()
            if time.perf_counter() - started > 60 * 30:
                raise RuntimeError(f"only {issued} of {count} issued after 30 minutes")
        elapsed = time.perf_counter() - started
    finally:
        stop_worker(worker, timeout=30)
    duplicates = (
        Certificate.objects.filter(pk__in=ids).exclude(events__kind="issued").count(),
        sum(1 for c in Certificate.objects.filter(pk__in=ids) if c.events.filter(kind="issued").count() != 1),
    )
    return {
        "count": count,
        "concurrency": concurrency,
        "seconds": round(elapsed, 2),
        "certificates_per_second": round(count / elapsed, 1),
        "worker_ms_per_certificate": round(1000 * elapsed * concurrency / count, 1),
        "not_issued_exactly_once": sum(duplicates),
    }


def bare_render(certificate_id: int, repeat: int) -> dict:
    import weasyprint.pdf.fonts as weasyprint_fonts
    from django.utils import timezone

    from certificates import pdf, selectors
    from certificates.models import Certificate

    certificate = Certificate.objects.get(pk=certificate_id)
    html = pdf.render_html(selectors.certificate_document(certificate, issued_on=timezone.localdate()))
    pdf.html_to_pdf(html)  # warm: fontconfig, caches
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        pdf.html_to_pdf(html)
        times.append(1000 * (time.perf_counter() - started))
    saved = weasyprint_fonts.harfbuzz_subset
    weasyprint_fonts.harfbuzz_subset = None  # WeasyPrint falls back to fontTools
    try:
        fonttools = []
        for _ in range(3):
            started = time.perf_counter()
            pdf.html_to_pdf(html)
            fonttools.append(1000 * (time.perf_counter() - started))
    finally:
        weasyprint_fonts.harfbuzz_subset = saved
    return {
        "subsetting": pdf.subsetting_backend(),
        "bare_render_ms_mean": round(statistics.mean(times), 1),
        "bare_render_ms_median": round(statistics.median(times), 1),
        "fonttools_render_ms_mean": round(statistics.mean(fonttools), 1),
    }


def flush_broker() -> None:
    """Drop what the bench left in its own Redis database (the e-mails nobody delivers)."""
    import redis

    redis.Redis.from_url(BROKER).flushdb()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--bare-repeat", type=int, default=100)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    setup_environment()
    recreate_database()
    import django

    django.setup()
    import logging

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from certificates.models import Certificate

    course = make_course()
    log_dir = Path(os.environ["ACADEMY_VAR_DIR"]) / "bench-logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    runs = [worker_run(course, args.count, concurrency, log_dir) for concurrency in args.concurrency]
    bare = bare_render(Certificate.objects.filter(state="issued").first().pk, args.bare_repeat)
    for run in runs:
        run["ratio_worker_to_bare_render"] = round(run["worker_ms_per_certificate"] / bare["bare_render_ms_mean"], 2)
    report = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "bare": bare,
        "runs": runs,
    }
    flush_broker()
    print(json.dumps(report, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
