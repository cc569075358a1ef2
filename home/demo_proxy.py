"""Demo: a 대리수강 address cluster awaiting review in the demo funded run's queue (DOMAIN-KR §1.8).

The two ``essay_pair`` trainees submitted their 최종평가 from one address (``data/funded.json``,
``proxy_learning``) on one day; the signals are recorded as the request would have, and the
nightly job's clustering runs for that day at once. Idempotent: the signals are counted only when
that day has none, and the job never duplicates a flag.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from compliance.models import StudySignal
from compliance.proxy import proxy_flags_build, study_signal_record
from courses.models import Enrolment
from courses.progress_rule import KST, kst_date
from home.demo import content
from ops.requestcontext import ClientContext, keyed_hash


def load_proxy_flag(funded: dict) -> None:
    """``funded`` is what ``home.demo.funded.load_funded`` answers (its run and trainees by stage)."""
    data = content.read("funded")["proxy_learning"]
    day = kst_date(timezone.now()) - datetime.timedelta(days=data["days_ago"])
    users = funded["trainees"].get(data["stage"], [])
    enrolments = list(Enrolment.objects.filter(run=funded["run"], user__in=users).select_related("run", "user"))
    if len(enrolments) < 2:
        return
    if not StudySignal.objects.filter(enrolment__in=enrolments, day=day, address=data["address"]).exists():
        for enrolment, hour in zip(enrolments, data["hours"], strict=False):
            client = ClientContext(
                address=data["address"],
                device_hash=keyed_hash(f"demo-device-{enrolment.user.email}"),
                user_agent_hash=keyed_hash("Mozilla/5.0 (Windows NT 10.0; Win64; x64)"),
            )
            at = datetime.datetime(day.year, day.month, day.day, hour, tzinfo=KST)
            study_signal_record(enrolment=enrolment, kind=StudySignal.Kind.SUBMISSION, now=at, client=client)
    proxy_flags_build(day=day)
