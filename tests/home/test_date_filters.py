"""Dates as Koreans write them (and as English readers expect), in the Academy's time zone."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import translation

from home.templatetags.academy import kdate, kdatetime

MOMENT = datetime.datetime(2027, 1, 28, 20, 5, tzinfo=ZoneInfo("UTC"))  # 2027-01-29 05:05 in Seoul


def test_korean_dates_use_dots_and_seoul_time():
    with translation.override("ko"):
        assert kdate(datetime.date(2027, 1, 29)) == "2027.01.29"
        assert kdate(MOMENT) == "2027.01.29"
        assert kdatetime(MOMENT) == "2027.01.29 05:05"
        assert kdate(None) == "" and kdatetime(None) == ""


def test_english_dates_read_naturally():
    with translation.override("en"):
        assert kdate(datetime.date(2027, 1, 29)) == "29 Jan 2027"
        assert kdatetime(MOMENT) == "29 Jan 2027, 05:05 KST"


def test_templates_show_dates_in_one_format():
    """Every date a person reads goes through kdate/kdatetime (2027.01.29); Django's ``date`` filter
    is left only for machine-readable values (``<time datetime="2027-01-29">``) and the PDF."""
    import re
    from pathlib import Path

    from django.conf import settings

    offenders = []
    for path in sorted((Path(settings.BASE_DIR) / "templates").rglob("*.*")):
        if path.name == "certificate_pdf.html":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in re.finditer(r"\|date:['\"]([^'\"]*)['\"]", line):
                if match.group(1) == "Y-m-d" and 'datetime="' in line[: match.start()].rsplit("<", 1)[-1]:
                    continue
                offenders.append(f"{path.name}:{number}: {match.group(0)}")
    assert offenders == []


def test_messages_made_in_python_show_dates_in_the_same_format():
    """Text made in Python (refusals, notes on /learn/) formats dates with ``common.dates``, not
    Django's ``date_format``, whose Korean ``DATE_FORMAT`` (2027년 1월 29일) no page uses."""
    from pathlib import Path

    from django.conf import settings

    apps = ("accounts", "assessments", "certificates", "common", "compliance", "courses", "hr", "home", "ops")
    offenders = [
        f"{path.relative_to(settings.BASE_DIR)}:{number}"
        for app in apps
        for path in sorted((Path(settings.BASE_DIR) / app).rglob("*.py"))
        if "migrations" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "date_format(" in line
    ]
    assert offenders == []


def test_python_and_templates_write_dates_alike():
    from common.dates import kdatetime as python_kdatetime

    with translation.override("ko"):
        assert python_kdatetime(MOMENT) == kdatetime(MOMENT) == "2027.01.29 05:05"
