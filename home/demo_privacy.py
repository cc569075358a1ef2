"""Demo: the personal data access log's review screen has something to show (DOMAIN-KR §5.3).

Accesses by the demo HR, instructor and manager to the demo trainee's data in the two months
before the load (``data/privacy.json``), written through ``ops.privacy`` so they are chained in the
audit trail like real ones; the older month is signed off by the 개인정보 보호책임자 (admin@), the
last month is left "검토 전". Idempotent: a month that already has rows or a review gets nothing new.
"""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.utils import timezone

from home.demo import content
from ops.models import PersonalDataAccess, PersonalDataReview
from ops.privacy import personal_data_access_record
from ops.privacy_review import month_bounds, month_start


def _weekday(month: datetime.date, day: int) -> datetime.date:
    """The ``day`` of ``month``, or the next Monday when it falls on a weekend (the data's hours
    say which accesses are off hours; the weekend rule should not make all of them so)."""
    date = month.replace(day=day)
    while date.isoweekday() >= 6:
        date += datetime.timedelta(days=1)
    return date


def load_privacy_demo() -> None:
    data = content.read("privacy")
    users = {user.email: user for user in get_user_model().objects.filter(email__endswith="@example.com")}
    today = timezone.localdate()
    for item in data["months"]:
        month = month_start(today) - relativedelta(months=item["months_ago"])
        start, end = month_bounds(month)
        if not PersonalDataAccess.objects.filter(at__gte=start, at__lt=end).exists():
            for access in item["accesses"]:
                actor = users.get(access["actor"])
                if actor is None:
                    continue
                personal_data_access_record(
                    actor=actor,
                    action=access["action"],
                    subjects=[users[email] for email in access["subjects"] if email in users],
                    object_type=access["object_type"],
                    reason=access.get("reason", ""),
                    at=timezone.make_aware(
                        datetime.datetime.combine(_weekday(month, access["day"]), datetime.time(access["hour"], 5))
                    ),
                )
        reviewer = users.get(data["reviewer"])
        if item["signed"] and reviewer is not None:
            PersonalDataReview.objects.get_or_create(
                month=month, defaults={"reviewed_by": reviewer, "note": data["signed_note"], "at": end}
            )
