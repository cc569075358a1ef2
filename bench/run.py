"""The Academy's benchmark suite, in one command:

    .venv/bin/python bench/run.py [--duration 15] [--connections 16] [--locust-seconds 120]

1. The synthetic data set (``bench/scale_data.py``) in the PostgreSQL database ``academy_scale``
   (made once; ``--fresh`` rebuilds it), plus bench fixtures (trainees with sessions, quizzes).
2. The Academy under gunicorn with the production settings (PostgreSQL and Redis on 127.0.0.1)
   and, in the same run, a trivial Django view under the same gunicorn set-up.
3. Ceiling: wrk with a fixed number of closed-loop connections against each page for a bounded
   time; each page's throughput as a share of the trivial view's. Quiz submissions (POST) are
   driven by a wrk Lua script over pre-started attempts, each submitted once.
4. SQL queries per page, counted in-process through the whole request stack.
5. Realistic load: locust, 300 users with 3-10 s think time (trainee journey plus HR checks).
6. A synchronised start of one timed quiz by 100 trainees, then every attempt and answer checked
   in the database.
7. A JSON summary and a table in ``bench/results/`` (including the load generators' CPU use).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
RESULTS = ROOT / "bench" / "results"
APP_PORT, TRIVIAL_PORT = 8100, 8101
# The production settings' cookie names (lms/settings/production.py: the __Host- prefix). A request
# with Django's default names is anonymous there, and a logged-in page answers with a redirect.
SESSION_COOKIE, CSRF_COOKIE = "__Host-sessionid", "__Host-csrftoken"


def production_env(database: str, var: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "CELERY_", "REDIS_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.production",
        DJANGO_SECRET_KEY="bench-only-" + "k7Qp2Vx9Lm4Rt8Wz1Ny6Bc3Hd5Fg0Js" * 2,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        ACADEMY_BASE_URL=f"http://127.0.0.1:{APP_PORT}",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}",
        DATABASE_CONN_MAX_AGE="600",
        REDIS_URL="redis://127.0.0.1:6379/10",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/11",
        EMAIL_HOST="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        ACADEMY_VERIFY_RATE_PER_MINUTE="100000000",
        ACADEMY_API_ANONYMOUS_RATE_PER_MINUTE="100000000",
        ACADEMY_TRUST_X_FORWARDED_FOR="false",
        ACADEMY_REQUIRE_STAFF_MFA="false",
        ACADEMY_VAR_DIR=str(var),
        ACADEMY_STATIC_ROOT=str(var / "static"),
        ACADEMY_MEDIA_ROOT=str(var / "media"),
        DJANGO_LOG_LEVEL="WARNING",
    )
    return env


def run(cmd, env=None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=ROOT, env=env, check=True, text=True, **kwargs)  # noqa: S603


def prepare(args, env) -> dict:
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc"]
    exists = run(
        [*psql, f"SELECT 1 FROM pg_database WHERE datname='{args.database}'"], capture_output=True
    ).stdout.strip()
    if args.fresh and exists:
        run([*psql, f"DROP DATABASE {args.database}"], capture_output=True)
        exists = ""
    if not exists:
        run([*psql, f"CREATE DATABASE {args.database}"], capture_output=True)
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env=env)
    started = time.monotonic()
    counts = json.loads(
        run(
            [PYTHON, "manage.py", "shell", "-c",
             "import json; from assessments.models import Attempt; from accounts.models import User; "
             "print(json.dumps([Attempt.objects.filter(user__email__endswith='@scale.example').count(), "
             "User.objects.filter(email__endswith='@scale.example').count()]))"],
            env=env, capture_output=True,
        ).stdout.strip().splitlines()[-1]
    )  # fmt: skip
    data_seconds = None
    if counts[1] < 20_000 or counts[0] < 100_000:
        # The generator refuses the production settings; the same database with the dev settings.
        run([PYTHON, "bench/scale_data.py"], env={**env, "DJANGO_SETTINGS_MODULE": "lms.settings.dev"})
        data_seconds = round(time.monotonic() - started, 1)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env=env)
    for db in ("10", "11"):
        run(["redis-cli", "-n", db, "FLUSHDB"], capture_output=True)
    fixture_env = {**env, "BENCH_SUBMIT": str(args.submit_attempts), "BENCH_JOURNEY": "300", "BENCH_SYNC": "100"}
    fixtures = json.loads(run([PYTHON, "bench/fixtures.py"], env=fixture_env, capture_output=True).stdout)
    fixtures["data_seconds"] = data_seconds
    # Fresh bulk-loaded tables have no planner statistics until autovacuum comes round; without
    # them the first minutes of a run measured plans no production database would use.
    run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", args.database, "-qc", "VACUUM ANALYZE"], capture_output=True
    )
    return fixtures


class Server:
    def __init__(self, name, wsgi, port, env, workers):
        self.name, self.port = name, port
        self.process = subprocess.Popen(  # noqa: S603
            [PYTHON, "-m", "gunicorn", wsgi, "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
             "--worker-class", "sync", "--backlog", "2048", "--log-level", "warning", "--timeout", "60"],
            cwd=ROOT, env=env, start_new_session=True,
        )  # fmt: skip

    def wait(self, path="/"):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=2):  # noqa: S310
                    return
            except Exception:  # noqa: BLE001 - not up yet
                time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not start")

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def wrk(url, *, duration, connections, headers=(), script=None) -> dict:
    """Run wrk; return requests/s, latency and the load generator's own CPU use."""
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for header in headers:
        cmd += ["-H", header]
    if script:
        cmd += ["-s", script]
    cmd.append(url)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout  # noqa: S603
    elapsed = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result = {
        "rps": None,
        "p50_ms": None,
        "p99_ms": None,
        "non_2xx": 0,
        "errors": 0,
        "load_generator_cpu": round(cpu / elapsed, 2),
    }
    for line in out.splitlines():
        parts = line.split()
        if line.startswith("Requests/sec:"):
            result["rps"] = float(parts[1])
        elif line.strip().startswith("50%"):
            result["p50_ms"] = _ms(parts[1])
        elif line.strip().startswith("99%"):
            result["p99_ms"] = _ms(parts[1])
        elif "Non-2xx or 3xx responses" in line:
            result["non_2xx"] = int(parts[-1])
        elif line.strip().startswith("Socket errors"):
            result["errors"] = sum(int(p.rstrip(",")) for p in parts if p.rstrip(",").isdigit())
    return result


def _ms(text: str) -> float:
    for unit, factor in (("us", 0.001), ("ms", 1), ("s", 1000)):
        if text.endswith(unit):
            return round(float(text[: -len(unit)]) * factor, 2)
    return float(text)


SUBMIT_LUA = """
local lines = {}
for line in io.lines("%(file)s") do lines[#lines + 1] = line end
local counter = 0
local thread_index = 0
setup = function(thread) thread:set("offset", thread_index); thread_index = thread_index + 1 end
init = function(args) counter = tonumber(offset) * math.floor(#lines / 2) end
request = function()
  counter = counter + 1
  local attempt, session, body = lines[counter]:match("([^ ]+) ([^ ]+) ([^ ]+)")
  return wrk.format("POST", "/learn/attempts/" .. attempt .. "/", {
    ["Cookie"] = "%(session_cookie)s=" .. session .. "; %(csrf_cookie)s=%(csrf)s",
    ["X-CSRFToken"] = "%(csrf)s",
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Referer"] = "http://127.0.0.1:%(port)s/",
  }, body)
end
"""


def expect_answer(url: str, headers) -> None:
    """Refuse to measure a page that does not answer 200 (wrk counts a redirect to the login page
    as a success)."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("GET", parts.path or "/", headers=dict(header.split(": ", 1) for header in headers))
    response = conn.getresponse()
    response.read()
    conn.close()
    if response.status != 200:
        raise SystemExit(f"{url} answers {response.status}, not 200: nothing to measure")


def ceiling(args, fixtures, var) -> dict:
    base = f"http://127.0.0.1:{APP_PORT}"
    session = fixtures["journey_sessions"][0]
    cookie = f"Cookie: {SESSION_COOKIE}={session}"
    pages = {
        "trivial Django view": (f"http://127.0.0.1:{TRIVIAL_PORT}/", ()),
        "catalog /courses/": (base + fixtures["catalog"], ()),
        "course page": (base + fixtures["course"], ()),
        "lesson page (logged in)": (base + fixtures["lesson"], (cookie,)),
        "/learn/ (logged in)": (base + "/learn/", (cookie,)),
        "/verify/<code>/": (base + fixtures["verify"], ()),
    }
    results = {}
    for name, (url, headers) in pages.items():
        expect_answer(url, headers)
        results[name] = wrk(url, duration=args.duration, connections=args.connections, headers=headers)
    lines = var / "submit.txt"
    lines.write_text("\n".join(f"{a} {s} {body}" for a, s, body in fixtures["submit"]) + "\n")
    script = var / "submit.lua"
    script.write_text(
        SUBMIT_LUA
        % {
            "file": lines,
            "csrf": fixtures["csrf"],
            "port": APP_PORT,
            "session_cookie": SESSION_COOKIE,
            "csrf_cookie": CSRF_COOKIE,
        }
    )
    results["quiz submission (POST)"] = wrk(
        base + "/", duration=min(args.duration, 10), connections=args.connections, script=str(script)
    )
    trivial = results["trivial Django view"]["rps"]
    for result in results.values():
        result["share_of_trivial"] = round(result["rps"] / trivial, 4) if result["rps"] else None
        result["one_in"] = round(trivial / result["rps"], 1) if result["rps"] else None
    return results


QUERY_COUNT = r"""
import json, sys
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
fixtures = json.load(open(sys.argv[1]))
client = Client(HTTP_HOST="127.0.0.1")
client.cookies[settings.SESSION_COOKIE_NAME] = fixtures["journey_sessions"][1]
out = {}
for name, url in (("catalog /courses/", fixtures["catalog"]), ("course page", fixtures["course"]),
                  ("lesson page (logged in)", fixtures["lesson"]), ("/learn/ (logged in)", "/learn/"),
                  ("/verify/<code>/", fixtures["verify"])):
    client.get(url)
    with CaptureQueriesContext(connection) as q:
        status = client.get(url).status_code
    out[name] = {"queries": len(q), "status": status}
attempt, session, body = fixtures["submit"][-1]
client.cookies[settings.SESSION_COOKIE_NAME] = session
client.cookies[settings.CSRF_COOKIE_NAME] = fixtures["csrf"]
with CaptureQueriesContext(connection) as q:
    status = client.post(f"/learn/attempts/{attempt}/", body, content_type="application/x-www-form-urlencoded",
                         HTTP_X_CSRFTOKEN=fixtures["csrf"]).status_code
out["quiz submission (POST)"] = {"queries": len(q), "status": status}
print("QUERIES" + json.dumps(out))
"""


def query_counts(env, fixtures_file) -> dict:
    out = run([PYTHON, "-c", "import django; django.setup(); exec(open('" + str(fixtures_file) + ".py').read())", str(fixtures_file)],
              env=env, capture_output=True).stdout  # fmt: skip
    return json.loads(out.split("QUERIES", 1)[1])


CHOICE_INPUT = re.compile(r'name="q-(\d+)" value="([^"]+)"')


def synchronised_start(fixtures, env) -> dict:
    """100 trainees start one timed quiz in the same second, answer every question, submit."""
    import http.client

    sessions = fixtures["sync_sessions"]
    barrier = threading.Barrier(len(sessions))
    starts, others, failures = [], [], []

    def trainee(session):
        conn = http.client.HTTPConnection("127.0.0.1", APP_PORT, timeout=30)
        headers = {
            "Cookie": f"{SESSION_COOKIE}={session}; {CSRF_COOKIE}={fixtures['csrf']}",
            "X-CSRFToken": fixtures["csrf"],
            "Content-Type": "application/x-www-form-urlencoded",
        }
        try:
            barrier.wait(timeout=60)
            t = time.monotonic()
            conn.request("POST", f"/learn/quizzes/{fixtures['timed_quiz_id']}/start/", body="", headers=headers)
            response = conn.getresponse()
            response.read()
            starts.append(time.monotonic() - t)
            location = response.getheader("Location", "")
            if response.status != 302 or "/learn/attempts/" not in location:
                failures.append(f"start {response.status} {location}")
                return
            attempt = location.rstrip("/").split("/")[-1]
            # Choices are named per attempt: read them from the attempt page, as a browser does.
            t = time.monotonic()
            conn.request("GET", f"/learn/attempts/{attempt}/", headers=headers)
            response = conn.getresponse()
            page = response.read().decode()
            others.append(time.monotonic() - t)
            choices = {}
            for question, token in CHOICE_INPUT.findall(page):
                choices.setdefault(int(question), token)
            for question in fixtures["timed_quiz_questions"]:
                choice = choices.get(question, "")
                t = time.monotonic()
                conn.request(
                    "POST",
                    f"/learn/attempts/{attempt}/answer/",
                    body=f"question={question}&answer={choice}",
                    headers=headers,
                )
                response = conn.getresponse()
                response.read()
                others.append(time.monotonic() - t)
                if response.status != 200:
                    failures.append(f"answer {response.status}")
            t = time.monotonic()
            conn.request("POST", f"/learn/attempts/{attempt}/", body="action=submit", headers=headers)
            response = conn.getresponse()
            response.read()
            others.append(time.monotonic() - t)
            if response.status != 302:
                failures.append(f"submit {response.status}")
        except Exception as error:  # noqa: BLE001 - counted and reported
            failures.append(repr(error))
        finally:
            conn.close()

    since = run(
        [PYTHON, "manage.py", "shell", "-c", "from django.utils import timezone; print(timezone.now().isoformat())"],
        env=env, capture_output=True,
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    threads = [threading.Thread(target=trainee, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    check = run(
        [PYTHON, "manage.py", "shell", "-c",
         "import json; from assessments.models import Attempt, AttemptAnswer; "
         f"a = Attempt.objects.filter(quiz_id={fixtures['timed_quiz_id']}, user_id__in={fixtures['sync_user_ids']}, "
         f"started_at__gte='{since}'); "
         "print(json.dumps([a.count(), a.filter(state='submitted').count(), "
         "AttemptAnswer.objects.filter(attempt__in=a, response__isnull=False).count(), "
         "a.filter(score=100).count()]))"],
        env=env, capture_output=True,
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    attempts, submitted, answers, full_marks = json.loads(check)
    return {
        "trainees": len(sessions),
        "errors": len(failures),
        "first_errors": failures[:5],
        "start_p50_ms": _pct(starts, 50),
        "start_p95_ms": _pct(starts, 95),
        "start_max_ms": round(max(starts) * 1000, 1) if starts else None,
        "answer_and_submit_p95_ms": _pct(others, 95),
        "attempts_in_database": attempts,
        "attempts_submitted": submitted,
        "answers_in_database": answers,
        "attempts_with_full_marks": full_marks,
        "expected_answers": len(sessions) * len(fixtures["timed_quiz_questions"]),
    }


def _pct(values, p) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000, 1)


def locust(args, fixtures, var, env) -> dict:
    fixtures_file = var / "fixtures.json"
    prefix = var / "locust"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    subprocess.run(  # noqa: S603
        [PYTHON, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "-u", str(args.users),
         "-r", str(max(1, args.users // 20)), "-t", f"{args.locust_seconds}s", "--host", f"http://127.0.0.1:{APP_PORT}",
         "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "10"],
        cwd=ROOT, env={**env, "BENCH_FIXTURES": str(fixtures_file)}, check=False, capture_output=True, text=True,
    )  # fmt: skip
    elapsed = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    stats = {}
    with open(f"{prefix}_stats.csv") as handle:
        for row in csv.DictReader(handle):
            stats[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "p50_ms": float(row["50%"] or 0),
                "p95_ms": float(row["95%"] or 0),
                "p99_ms": float(row["99%"] or 0),
                "rps": round(float(row["Requests/s"]), 1),
            }
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "users": args.users,
        "seconds": args.locust_seconds,
        "load_generator_cpu": round(cpu / elapsed, 2),
        "requests": stats,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="academy_scale")
    parser.add_argument("--fresh", action="store_true", help="rebuild the synthetic data set")
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (both servers)")
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--locust-seconds", type=int, default=120)
    parser.add_argument("--submit-attempts", type=int, default=5000)
    parser.add_argument("--skip", nargs="*", default=[], choices=["ceiling", "queries", "locust", "sync"])
    args = parser.parse_args()
    for tool in ("wrk", "psql", "redis-cli"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: bin/setup --dev installs it")

    var = Path(tempfile.mkdtemp(prefix="academy-bench-"))
    env = production_env(args.database, var)
    print("==> data and fixtures", flush=True)
    fixtures = prepare(args, env)
    (var / "fixtures.json").write_text(json.dumps(fixtures))
    (var / "fixtures.json.py").write_text(QUERY_COUNT)
    summary = {
        "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0], "date": time.strftime("%Y-%m-%d %H:%M")},
        "settings": {"workers": args.workers, "connections": args.connections, "duration_s": args.duration},
        "data_set_seconds": fixtures.get("data_seconds"),
    }
    app = Server("academy", "lms.wsgi", APP_PORT, env, args.workers)
    trivial = Server(
        "trivial", "bench.trivial.wsgi", TRIVIAL_PORT, {**os.environ, "PYTHONPATH": str(ROOT)}, args.workers
    )
    try:
        app.wait("/healthz")
        trivial.wait("/")
        if "queries" not in args.skip:
            print("==> queries per page", flush=True)
            summary["queries"] = query_counts(env, var / "fixtures.json")
        if "ceiling" not in args.skip:
            print("==> ceiling (wrk)", flush=True)
            summary["ceiling"] = ceiling(args, fixtures, var)
        if "sync" not in args.skip:
            print("==> synchronised quiz start", flush=True)
            summary["synchronised_start"] = synchronised_start(fixtures, env)
        if "locust" not in args.skip:
            print("==> realistic load (locust)", flush=True)
            summary["locust"] = locust(args, fixtures, var, env)
    finally:
        app.stop()
        trivial.stop()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    table = render_table(summary)
    (RESULTS / "summary.md").write_text(table)
    print(table)
    shutil.rmtree(var, ignore_errors=True)
    return 0


def render_table(summary: dict) -> str:
    lines = [f"# Benchmark summary ({summary['machine']['date']}, {summary['machine']['cores']} cores)", ""]
    if "ceiling" in summary:
        lines += ["## Ceiling: share of the trivial Django view (target: 1/20 or better, ≤ 15 queries)", "",
                  "| page | requests/s | share | 1 in | p50 ms | p99 ms | non-2xx | queries | wrk CPU |",
                  "|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
        for name, r in summary["ceiling"].items():
            queries = summary.get("queries", {}).get(name, {}).get("queries", "")
            lines.append(
                f"| {name} | {r['rps']} | {r['share_of_trivial']} | {r['one_in']} | {r['p50_ms']} | {r['p99_ms']} | "
                f"{r['non_2xx']} | {queries} | {r['load_generator_cpu']} |"
            )
        lines.append("")
    if "locust" in summary:
        loc = summary["locust"]
        lines += [f"## Realistic load: {loc['users']} users, {loc['seconds']} s, locust CPU {loc['load_generator_cpu']}", "",
                  "| request | count | failures | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|---|"]  # fmt: skip
        for name, r in loc["requests"].items():
            lines.append(
                f"| {name} | {r['requests']} | {r['failures']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} |"
            )
        lines.append("")
    if "synchronised_start" in summary:
        s = summary["synchronised_start"]
        lines += ["## Synchronised start of a timed quiz", "", "| figure | value |", "|---|---|"]
        for key, value in s.items():
            lines.append(f"| {key} | {value} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
