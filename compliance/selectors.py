"""Reads of the study-day ledger: 오늘 학습 N/8차시 for the trainee's screens."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max, Sum
from django.utils import timezone

from courses.classroom import StudyLedger
from courses.progress_rule import kst_date

from .models import StudyDayLesson


@dataclass(frozen=True)
class DailyStudy:
    """One trainee's study on one Korean calendar day in one funded run."""

    day: datetime.date
    lessons: int
    lesson_cap: int
    seconds: int
    seconds_cap: int

    @property
    def lessons_left(self) -> int:
        return max(0, self.lesson_cap - self.lessons)

    @property
    def at_cap(self) -> bool:
        return self.lessons >= self.lesson_cap


def daily_study_for(enrolment_ids, *, now: datetime.datetime | None = None) -> dict[int, DailyStudy]:
    """오늘 학습 N/8차시 of each enrolment (id → DailyStudy) on the KST day of ``now``, in one query."""
    day = kst_date(now or timezone.now())
    ids = list(enrolment_ids)
    totals = {
        row["enrolment_id"]: row
        for row in StudyDayLesson.objects.filter(enrolment_id__in=ids, day=day)
        .values("enrolment_id")
        .annotate(lessons=Count("pk"), seconds=Sum("seconds"))
    }
    return {
        pk: DailyStudy(
            day=day,
            lessons=totals.get(pk, {}).get("lessons", 0),
            lesson_cap=settings.ACADEMY_FUNDED_DAILY_LESSONS,
            seconds=totals.get(pk, {}).get("seconds") or 0,
            seconds_cap=settings.ACADEMY_FUNDED_DAILY_SECONDS,
        )
        for pk in ids
    }


def daily_study(enrolment, *, now: datetime.datetime | None = None) -> DailyStudy:
    return daily_study_for([enrolment.pk], now=now)[enrolment.pk]


def study_ledgers(enrolments, *, now: datetime.datetime | None = None) -> dict[int, StudyLedger]:
    """The classroom's view of the ledger (``courses.classroom.StudyLedger``) for each enrolment:
    the 차시 credited today (오늘 학습 N/8차시, the same rows as ``daily_study_for``) and the last
    day each 차시 received credit. One query."""
    day = kst_date(now or timezone.now())
    ids = [e.pk for e in enrolments]
    today: dict[int, set[int]] = {pk: set() for pk in ids}
    last: dict[int, dict[int, datetime.date]] = {pk: {} for pk in ids}
    for row in (
        StudyDayLesson.objects.filter(enrolment_id__in=ids, day__lte=day)
        .values("enrolment_id", "lesson_id")
        .annotate(last_day=Max("day"))
    ):
        last[row["enrolment_id"]][row["lesson_id"]] = row["last_day"]
        if row["last_day"] == day:
            today[row["enrolment_id"]].add(row["lesson_id"])
    return {
        pk: StudyLedger(
            lessons_today=frozenset(today[pk]),
            lesson_cap=settings.ACADEMY_FUNDED_DAILY_LESSONS,
            last_days=last[pk],
        )
        for pk in ids
    }
