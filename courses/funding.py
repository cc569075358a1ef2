"""The funding switch (DOMAIN-KR §1.0): what a funded run (사업주훈련 and the other refundable schemes) needs.

A run with ``emp_ins_flag`` 0 is unfunded and none of this applies. A funded run needs the
identifiers HRD-Net and the 심사 gave (its 훈련과정 ID and 회차, the course's 심사과정코드), a
훈련기간 long enough to reach the 80 % progress of the completion rule at no more than 8 차시 a
day, and a 학습시간 on every required lesson of its course. ``funding_errors`` is the one answer:
the run's ``clean()`` (the admin's run form) and the system check (``courses.checks``) ask it.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

#: Progress a funded trainee must reach to complete (지원규정: 진도율 80 % 이상).
FUNDED_MIN_PROGRESS_PERCENT = 80


def daily_lesson_cap() -> int:
    """차시 a trainee of a funded run may study on one Korean calendar day (지원규정: 8)."""
    return settings.ACADEMY_FUNDED_DAILY_LESSONS


def min_training_days(lesson_count: int, *, daily_cap: int | None = None) -> int:
    """Days it takes to reach 80 % of ``lesson_count`` 차시 at ``daily_cap`` a day: ⌈0.8 × N / cap⌉."""
    cap = daily_cap or daily_lesson_cap()
    return -(-(FUNDED_MIN_PROGRESS_PERCENT * lesson_count) // (100 * cap))


def training_days(run) -> int | None:
    """Calendar days of the run's 훈련기간, both ends included (None: not set)."""
    if run.training_start is None or run.training_end is None:
        return None
    return (run.training_end - run.training_start).days + 1


def grading_deadline(run) -> datetime.date | None:
    """The last day on which a funded run's 수료 decision may still change by the rule: the run's own
    ``grading_deadline``, or the training period's last day plus ``ACADEMY_FUNDED_GRADING_DAYS`` (7).
    None for an unfunded run (its decision is never final) or one without a training period."""
    if not run.is_funded:
        return None
    if run.grading_deadline is not None:
        return run.grading_deadline
    if run.training_end is None:
        return None
    return run.training_end + datetime.timedelta(days=settings.ACADEMY_FUNDED_GRADING_DAYS)


def decision_final_at(run) -> datetime.datetime | None:
    """The instant the 수료 decision becomes final: the grading deadline's day, 24:00 KST."""
    day = grading_deadline(run)
    if day is None:
        return None
    midnight = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(0, 0))
    return timezone.make_aware(midnight, timezone.get_default_timezone())


def decision_is_final(run, now: datetime.datetime | None = None) -> bool:
    """Whether the run's 수료 decisions are final (recalculation no longer changes them; only a staff
    override does). Never for unfunded runs."""
    final_at = decision_final_at(run)
    return final_at is not None and (now or timezone.now()) >= final_at


def required_lessons(course):
    """The required 차시 of a course, drafts included: a run must leave time for every one the course
    will publish (the conservative count)."""
    from .models import LessonPage

    return LessonPage.objects.descendant_of(course).filter(required=True).order_by("path")


def funding_errors(run) -> dict[str, list[str]]:
    """What keeps the run from being funded, by form field (``NON_FIELD_ERRORS`` for the course's
    part); empty for an unfunded run or a funded one that has everything."""
    if not run.is_funded:
        return {}
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if not run.hrd_tracse_id:
        add("hrd_tracse_id", _("A funded run needs its HRD-Net course ID (17 characters)."))
    if not run.hrd_tracse_tme:
        add("hrd_tracse_tme", _("A funded run needs its HRD-Net run number."))
    if run.training_start is None:
        add("training_start", _("A funded run needs the first day of its training period."))
    if run.training_end is None:
        add("training_end", _("A funded run needs the last day of its training period."))
    if run.grading_deadline and run.training_end and run.grading_deadline < run.training_end:
        add("grading_deadline", _("The grading deadline cannot be before the last day of the training period."))
    course = run.course if run.course_id else None
    if course is None:
        return errors
    if not course.simsa_code:
        add(
            NON_FIELD_ERRORS,
            _("The course %(course)s has no review code (심사과정코드): enter it on the course page first.")
            % {"course": course.title},
        )
    lessons = list(required_lessons(course).only("id", "title", "study_minutes"))
    days = training_days(run)
    needed = min_training_days(len(lessons))
    if days is not None and days < needed:
        add(
            "training_end",
            ngettext(
                "The training period is too short: %(lessons)s required lessons at %(cap)s a day need at least "
                "%(needed)s day to reach %(percent)s %% (this period has %(days)s).",
                "The training period is too short: %(lessons)s required lessons at %(cap)s a day need at least "
                "%(needed)s days to reach %(percent)s %% (this period has %(days)s).",
                needed,
            )
            % {
                "lessons": len(lessons),
                "cap": daily_lesson_cap(),
                "needed": needed,
                "percent": FUNDED_MIN_PROGRESS_PERCENT,
                "days": days,
            },
        )
    untimed = [lesson.title for lesson in lessons if not lesson.study_minutes]
    if untimed:
        add(
            NON_FIELD_ERRORS,
            _("Every required lesson of a funded course needs its study time (학습시간); these have none: %(lessons)s")
            % {"lessons": ", ".join(untimed)},
        )
    return errors


def funded_enrolments_ended_before(cutoff: datetime.date):
    """Enrolments of funded runs whose 훈련기간 ended before ``cutoff``: whose training records are past
    their retention when ``cutoff`` is today minus the retention (``compliance.retention``)."""
    from .models import Enrolment

    return Enrolment.objects.filter(run__emp_ins_flag__gt=0, run__training_end__lt=cutoff)


def personal_data_step_missing(*, user, run) -> bool:
    """Must ``user`` still complete the personal-data step (the 고유식별정보 notice, 제3자 제공, the
    device-data notice and the 주민등록번호, DOMAIN-KR §5.1) before an enrolment in ``run`` becomes
    active? Only for funded runs; unfunded enrolment never asks."""
    from accounts.selectors import funded_step_done

    return bool(run.is_funded and settings.ACADEMY_FUNDED_PERSONAL_DATA_STEP and not funded_step_done(user))
