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
