"""Benchmark: POST /api/v1/certificates/verify with 10,000 codes in one request.

    .venv/bin/python bench/verify_api.py [--database academy_scale] [--repeat 5]

Runs in-process through Django's full request stack (middleware, django-ninja, PostgreSQL) against
the synthetic data set of ``bench/scale_data.py`` (100,000 certificates), in the
database given (created and filled first if it is empty). Reports the wall time of each request
and the number of SQL queries it ran. Target (issue 7): 10,000 codes within 2 seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="academy_scale")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--codes", type=int, default=10_000)
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()

    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.dev"
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{args.database}"
    os.environ.setdefault("ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE", "100000")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from certificates.models import Certificate

    call_command("migrate", verbosity=0)
    if Certificate.objects.count() < args.codes:
        from bench import scale_data

        scale_data.generate()
    codes = list(Certificate.objects.order_by("?").values_list("code", flat=True)[: args.codes])
    # Half as printed, half as a person might type them (lower case, spaces): parsing is part of the work.
    typed = [code if i % 2 else code.lower().replace("-", " ") for i, code in enumerate(codes)]
    body = json.dumps({"codes": typed})
    client = Client()
    timings, queries, status = [], [], None
    for _ in range(args.repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.post("/api/v1/certificates/verify", body, content_type="application/json")
            timings.append(time.perf_counter() - started)
        status = response.status_code
        assert status == 200, response.content[:500]
        assert response.json()["found"] == len(codes)
        queries.append(len([q for q in captured if q["sql"].startswith("SELECT")]))
    figures = {
        "codes_per_request": len(codes),
        "repeat": args.repeat,
        "seconds_median": round(statistics.median(timings), 3),
        "seconds_max": round(max(timings), 3),
        "select_queries_per_request": max(queries),
        "target_seconds": 2.0,
        "meets_target": max(timings) <= 2.0,
    }
    print(json.dumps(figures, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return 0 if figures["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
