"""Reads of the study-day ledger: 오늘 학습 N/8차시 for the trainee's screens."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Sum
from django.utils import timezone

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
