"""Dates and moments as Koreans write them, for text made in Python (messages, exports).

``2027.01.29`` and ``2027.01.29 14:05`` in the Academy's time zone (Asia/Seoul); English readers
get ``29 Jan 2027`` and ``29 Jan 2027, 14:05 KST``. The templates' ``kdate`` and ``kdatetime``
filters (``home/templatetags/academy.py``) answer the same; Django's ``date_format`` would follow
the locale's ``DATE_FORMAT`` (``2027년 1월 29일``) and disagree with every page.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from . import i18n


def kdate(value) -> str:
    """A date (or a datetime, in the Academy's time zone) as ``2027.01.29``; empty for None."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    if i18n.reader_is_english():
        return f"{value.day} {value:%b %Y}"
    return f"{value:%Y.%m.%d}"


def kdatetime(value) -> str:
    """A moment in the Academy's time zone as ``2027.01.29 14:05``; empty for None."""
    if value in (None, ""):
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    if i18n.reader_is_english():
        return f"{local.day} {local:%b %Y}, {local:%H:%M} KST"
    return f"{local:%Y.%m.%d %H:%M}"
