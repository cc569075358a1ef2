"""Profile one page in-process, the way the benchmark findings in ``bench/README.md`` were made.

    .venv/bin/python bench/profile.py /courses/… [--session KEY] [--repeat 200] [--queries]

Runs with the environment the caller sets (``bench/run.py`` prints nothing of it; use the same
``DATABASE_URL`` and production settings as the benchmark, e.g. ``DJANGO_SETTINGS_MODULE=
lms.settings.production``), warms the page once, then requests it ``--repeat`` times through the
whole middleware stack under pyinstrument and prints the call tree. ``--queries`` lists the SQL
of one warm request instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path")
    parser.add_argument("--session", help="a session key to send as the session cookie")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--queries", action="store_true", help="print the SQL of one warm request")
    parser.add_argument("--timing", action="store_true", help="only the time per request, no profile")
    parser.add_argument("--min", type=float, default=0.02, help="hide frames below this share of the total")
    parser.add_argument("--post", help="a urlencoded body: POST instead of GET (with the bench CSRF token)")
    args = parser.parse_args()

    client = Client(HTTP_HOST="127.0.0.1")
    if args.session:
        client.cookies[settings.SESSION_COOKIE_NAME] = args.session

    def request():
        response = (
            client.get(args.path)
            if not args.post
            else client.post(args.path, args.post, content_type="application/x-www-form-urlencoded")
        )
        if response.status_code >= 400:
            raise SystemExit(f"{args.path}: HTTP {response.status_code}")
        return response

    request()
    if args.queries:
        with CaptureQueriesContext(connection) as queries:
            request()
        for number, query in enumerate(queries, 1):
            print(f"{number:3}. {query['sql'][:300]}")
        return 0
    import time

    started = time.perf_counter()
    for _ in range(args.repeat):
        request()
    print(f"{(time.perf_counter() - started) * 1000 / args.repeat:.2f} ms per request in-process (no profiler)")
    if args.timing:
        return 0
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0002)
    with profiler:
        for _ in range(args.repeat):
            request()
    # Every frame (Django's and Wagtail's too), those under --min of the total left out.
    total = profiler.last_session.duration
    for line in profiler.output_text(unicode=True, color=False, show_all=True).splitlines():
        parts = line.replace("│", " ").replace("├─", " ").replace("└─", " ").split()
        try:
            seconds = float(parts[0])
        except (IndexError, ValueError):
            print(line)
            continue
        if seconds >= args.min * total:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
