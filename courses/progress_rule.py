"""진도율 of funded runs by the 2026 rule (DOMAIN-KR §1.3–§1.4): pure functions, no database.

Our reading (?) of the 2026 notices (한국이러닝협회 via jobgo.ne.kr; greenart idx 117)::

    t = credited seconds of the 차시 (capped at T), T = 학습시간 × 60
    p = 0                          if t < 0.5·T
      = min(99, floor(100·t/T))    if t ≥ 0.5·T and not (t ≥ T and last page reached)
      = 100                        if t ≥ T and last page reached
    진도율 = floor(Σ p / N_required)

Unfunded runs keep the share of completed lessons (``courses.services.enrolment_refresh_progress``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

#: Korean calendar days: the 훈련기간, the daily cap and midnight are all in Korea's time.
KST = ZoneInfo("Asia/Seoul")


def lesson_percent(*, credited_seconds: int, study_minutes: int, final_activity_done: bool, final_required=True) -> int:
    """p of one 차시 (0–100) from its credited time, its 학습시간 and whether its last page was reached.

    A lesson whose last page is not required (``final_required`` False) reaches 100 % on time alone.
    A lesson without 학습시간 (refused for funded courses, ``courses.funding``) counts once its last
    page is reached.
    """
    required = study_minutes * 60
    if required <= 0:
        return 100 if final_activity_done else 0
    credited = min(max(credited_seconds, 0), required)
    if 2 * credited < required:
        return 0
    if credited >= required and (final_activity_done or not final_required):
        return 100
    return min(99, 100 * credited // required)


def course_percent(lesson_percents: Iterable[int], required_count: int) -> int:
    """진도율 of the course: the floor of the mean p over its ``required_count`` required 차시
    (those without a row count 0). A course without required lessons is at 100 %."""
    if required_count <= 0:
        return 100
    return sum(lesson_percents) // required_count


def seconds_to_reach(percent: int, *, study_minutes: int) -> int:
    """Credited seconds a 차시 needs before its p can reach ``percent`` (at least half its 학습시간;
    100 % also needs the last page)."""
    required = study_minutes * 60
    if percent <= 0 or required <= 0:
        return 0
    return max(-(-required // 2), -(-(percent * required) // 100))


def kst_date(moment: datetime.datetime) -> datetime.date:
    """The Korean calendar day of an aware moment."""
    return moment.astimezone(KST).date()


def in_training_period(run, moment: datetime.datetime) -> bool:
    """Is ``moment`` inside the funded run's 훈련기간 (its first day 00:00 to its last day 23:59:59 KST)?
    Outside it, nothing is credited: before, training has not begun; after, the lessons are review only."""
    day = kst_date(moment)
    if run.training_start is not None and day < run.training_start:
        return False
    return run.training_end is None or day <= run.training_end
