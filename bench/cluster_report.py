"""Time the cluster report (issue 19, item 8) on the benchmark data set:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/academy_scale .venv/bin/python bench/cluster_report.py

1. Makes the synthetic data set of ``bench/scale_data.py`` if the database lacks it (20,000 trainees,
   100,000 enrolments, 1,000,000 lesson-progress rows, 100,000 certificates; ``--attempts 0`` is
   enough here: the report reads no quiz attempts).
2. Adds what the report groups by and the data set does not hold (``add_report_data``, idempotent,
   marked like the rest): 50 companies (``scale-company-…``) with 90 % of the trainees as members, the
   200 runs spread over the 12 months of ``--year`` (so the whole year holds every enrolment, a
   quarter a quarter of them), a 만족도 설문 in every course and a response from half of the
   enrolments; then ``VACUUM ANALYZE``.
3. Times, median of ``--repeat`` runs after one warm-up: the selector alone (``cluster_report``) and
   the whole admin view through Django's test client as a superuser (the middleware, the template,
   the charts), for the whole year (every enrolment) and for one quarter; and counts the queries.
4. With ``--baseline FILE`` (another version of ``dashboards/cluster.py``, e.g.
   ``git show 81d681f:dashboards/cluster.py > var/cluster-before.py``), times that selector and this
   one alternately in the same run, checks that both give the same figures, and reports the ratio:
   on a machine shared with other work, only figures of one run compare.

It refuses the production settings (through ``scale_data``); it uses the development settings unless
``DJANGO_SETTINGS_MODULE`` says otherwise.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import sys
import time
from pathlib import Path

import django

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    django.setup()

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import Membership, Organisation, User
from assessments.models import SurveyPage, SurveyResponse
from assessments.survey import ITEM_KEYS
from bench import scale_data
from courses.models import CoursePage, CourseRun, Enrolment

COMPANIES = 50
PREFIX = "scale-company-"


def add_report_data(*, year: int, stdout=sys.stdout) -> None:
    """Companies, memberships, run dates spread over ``year``, surveys and responses (idempotent)."""
    started = time.monotonic()
    users = list(
        User.objects.filter(email__endswith=f"@{scale_data.EMAIL_DOMAIN}").order_by("pk").values_list("pk", flat=True)
    )
    with transaction.atomic():
        existing = set(Organisation.objects.filter(name_ko__startswith=PREFIX).values_list("name_ko", flat=True))
        Organisation.objects.bulk_create(
            Organisation(name_ko=f"{PREFIX}{n}", name_en=f"Scale company {n}")
            for n in range(COMPANIES)
            if f"{PREFIX}{n}" not in existing
        )
        companies = list(Organisation.objects.filter(name_ko__startswith=PREFIX).order_by("pk"))
        members = set(Membership.objects.filter(organisation__in=companies).values_list("user_id", flat=True))
        joined = datetime.datetime(year - 1, 1, 1, tzinfo=datetime.UTC)
        Membership.objects.bulk_create(
            (
                Membership(organisation=companies[index % COMPANIES], user_id=user_id, joined_at=joined)
                for index, user_id in enumerate(users)
                if index % 10 != 0 and user_id not in members
            ),
            batch_size=scale_data.BATCH,
        )
        runs = list(CourseRun.objects.filter(course__slug__startswith="scale-").order_by("pk"))
        for index, run in enumerate(runs):
            starts = datetime.date(year, index % 12 + 1, 1 + index % 28)
            if run.starts_on != starts:
                CourseRun.objects.filter(pk=run.pk).update(starts_on=starts, ends_on=starts + datetime.timedelta(90))
    stdout.write(f"{time.monotonic() - started:7.1f}s  companies, members, run dates\n")
    courses = list(CoursePage.objects.filter(slug__startswith="scale-"))
    with_survey = set(SurveyPage.objects.values_list("path", flat=True))
    for course in courses:
        if not any(path.startswith(course.path) for path in with_survey):
            course.add_child(instance=SurveyPage(title="만족도 설문", slug=f"{course.slug}-survey"))
    surveys = {page.get_parent().pk: page.pk for page in SurveyPage.objects.filter(slug__startswith="scale-")}
    stdout.write(f"{time.monotonic() - started:7.1f}s  surveys\n")
    answered = set(SurveyResponse.objects.filter(survey_id__in=surveys.values()).values_list("enrolment_id", flat=True))
    rows = Enrolment.objects.filter(run__course__slug__startswith="scale-").values_list("pk", "run__course_id")
    SurveyResponse.objects.bulk_create(
        (
            SurveyResponse(
                survey_id=surveys[course_id],
                enrolment_id=pk,
                answers={key: 1 + (pk + offset) % 5 for offset, key in enumerate(ITEM_KEYS)},
            )
            for pk, course_id in rows.iterator()
            if pk % 2 == 0 and pk not in answered
        ),
        batch_size=scale_data.BATCH,
    )
    stdout.write(f"{time.monotonic() - started:7.1f}s  survey responses\n")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    stdout.write(f"{time.monotonic() - started:7.1f}s  vacuum analyze\n")


def _timed(function, repeat: int) -> tuple[float, float, int]:
    function()  # warm-up
    times = []
    for _n in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        function()
    return statistics.median(times), max(times), len(queries)


def measure(*, year: int, quarter: int, repeat: int) -> dict:
    from dashboards.cluster import Period, cluster_report

    admin = User.objects.filter(is_superuser=True, email="bench-cluster-admin@scale.example").first()
    if admin is None:
        admin = User.objects.create_superuser(email="bench-cluster-admin@scale.example", password=None, name_ko="벤치")
    client = Client(HTTP_HOST="localhost")
    client.force_login(admin)
    results = {}
    for label, period in (("whole year", Period(year, 0)), (f"Q{quarter}", Period(year, quarter))):
        report = cluster_report(period=period)

        def view(period=period):
            response = client.get("/cms/dashboards/cluster/", {"year": period.year, "quarter": period.quarter})
            assert response.status_code == 200, response.status_code

        selector = _timed(lambda period=period: cluster_report(period=period), repeat)
        page = _timed(view, repeat)
        results[label] = {
            "enrolments": report.total.enrolments,
            "trainees": report.total.trainees,
            "companies": len(report.by_company),
            "selector_median_s": round(selector[0], 3),
            "selector_slowest_s": round(selector[1], 3),
            "selector_queries": selector[2],
            "view_median_s": round(page[0], 3),
            "view_slowest_s": round(page[1], 3),
            "view_queries": page[2],
        }
    return results


def compare(*, baseline: str, year: int, quarter: int, repeat: int) -> dict:
    """This selector against ``baseline`` (a file holding another version of the module), alternately."""
    import importlib.util

    from dashboards import cluster

    spec = importlib.util.spec_from_file_location("cluster_baseline", baseline)
    before = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = before  # dataclasses look their module up
    spec.loader.exec_module(before)

    def figures(report):
        rows = [report.by_institute, report.by_course, report.by_company, report.by_month]
        return vars(report.total), [[(row.key, vars(row.figures)) for row in group] for group in rows]

    results = {}
    for label, args in (("whole year", (year, 0)), (f"Q{quarter}", (year, quarter))):
        same = figures(cluster.cluster_report(period=cluster.Period(*args))) == figures(
            before.cluster_report(period=before.Period(*args))
        )
        times: dict[str, list[float]] = {"baseline": [], "this": []}
        for _n in range(repeat):
            for name, module in (("baseline", before), ("this", cluster)):
                started = time.perf_counter()
                module.cluster_report(period=module.Period(*args))
                times[name].append(time.perf_counter() - started)
        queries = {}
        for name, module in (("baseline", before), ("this", cluster)):
            with CaptureQueriesContext(connection) as captured:
                module.cluster_report(period=module.Period(*args))
            queries[name] = len(captured)
        baseline_median, this_median = statistics.median(times["baseline"]), statistics.median(times["this"])
        results[label] = {
            "same_figures": same,
            "baseline_median_s": round(baseline_median, 3),
            "this_median_s": round(this_median, 3),
            "ratio": round(this_median / baseline_median, 2),
            "baseline_queries": queries["baseline"],
            "this_queries": queries["this"],
        }
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--quarter", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-data", action="store_true", help="time only (the data is there)")
    parser.add_argument("--baseline", help="another version of dashboards/cluster.py to time against, alternately")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    if not args.skip_data:
        if Enrolment.objects.filter(user__email__endswith=f"@{scale_data.EMAIL_DOMAIN}").count() < 100_000:
            scale_data.generate(attempts=0)
        add_report_data(year=args.year)
    results = {}
    if args.baseline:
        results["selector against the baseline"] = compare(
            baseline=args.baseline, year=args.year, quarter=args.quarter, repeat=args.repeat
        )
    results.update(measure(year=args.year, quarter=args.quarter, repeat=args.repeat))
    results["load average (1, 5, 15 min) at the end"] = [round(value, 1) for value in os.getloadavg()]
    text = json.dumps(results, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
