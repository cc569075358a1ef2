"""최종평가 opening: the in-app notice (and e-mail, by preference) when a funded run's final test opens
for a trainee (README "Assessments of funded runs": progress ≥ 80 % and the gates of ``funded.gate_refusal``)."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from courses.models import CourseRun, Enrolment, FundingScheme
from courses.permissions import under_paths
from notifications.models import Notification
from notifications.services import notify
from notifications.text import bilingual_lazy, kdate_lazy

from .funded import gate_refusal, opens_at_percent
from .models import Attempt, QuizKind, QuizPage

KIND = "final_assessment_open"


def notice_key(run_id: int) -> str:
    return f"final-open:{run_id}"


def final_assessment_open_notices_send(*, now: datetime.datetime | None = None) -> int:
    """Tell each active trainee of a funded run in its training period that the final test is open to them.

    "Open" is what the quiz page answers: the quiz's own window (``QuizPage.is_open``) and the funded
    gates (``funded.gate_refusal``: progress ≥ 80 %, the survey when it is required first, before
    23:57 on the last day). Trainees who already took the final test are not told. Once per person and
    run (``key``), so the daily task may run twice. Returns how many notices were written.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    runs = list(
        CourseRun.objects.filter(emp_ins_flag__gt=FundingScheme.UNFUNDED, training_end__gte=today)
        .filter(Q(training_start__isnull=True) | Q(training_start__lte=today))
        .select_related("course")
    )
    if not runs:
        return 0
    courses = {run.course.pk: run.course for run in runs}
    finals_by_course: dict[int, list[QuizPage]] = defaultdict(list)
    for quiz in (
        QuizPage.objects.live()
        .filter(under_paths([course.path for course in courses.values()]), kind=QuizKind.FINAL)
        .order_by("path")
    ):
        if quiz.is_open(now):
            for course in courses.values():
                if quiz.path.startswith(course.path):
                    finals_by_course[course.pk].append(quiz)
    runs = [run for run in runs if finals_by_course.get(run.course.pk)]
    if not runs:
        return 0
    run_by_id = {run.pk: run for run in runs}
    told = set(
        Notification.objects.filter(kind=KIND, key__in=[notice_key(run.pk) for run in runs]).values_list(
            "key", "user_id"
        )
    )
    candidates = [
        enrolment
        for enrolment in Enrolment.objects.filter(
            run__in=runs, status=Enrolment.Status.ACTIVE, progress_percent__gte=opens_at_percent(QuizKind.FINAL)
        ).order_by("run_id", "pk")
        if (notice_key(enrolment.run_id), enrolment.user_id) not in told
    ]
    taken = set(
        Attempt.objects.filter(enrolment__in=candidates, quiz__kind=QuizKind.FINAL).values_list(
            "enrolment_id", flat=True
        )
    )
    due: dict[int, list[int]] = defaultdict(list)
    for enrolment in candidates:
        enrolment.run = run_by_id[enrolment.run_id]  # the gate reads the run and its course
        if enrolment.pk not in taken and not gate_refusal(enrolment=enrolment, kind=QuizKind.FINAL, now=now):
            due[enrolment.run_id].append(enrolment.user_id)
    written = 0
    for run_id, user_ids in due.items():
        run = run_by_id[run_id]
        quiz = finals_by_course[run.course.pk][0]
        until = run.training_end
        if quiz.closes_at:
            until = min(until, timezone.localdate(quiz.closes_at))
        message = format_lazy(
            _("The final test “{quiz}” of {course} ({run}) is open to you until {date}."),
            quiz=bilingual_lazy(quiz.title, quiz.title_en),
            course=bilingual_lazy(run.course.title, getattr(run.course, "title_en", "")),
            run=bilingual_lazy(run.title, run.title_en),
            date=kdate_lazy(until),
        )
        with transaction.atomic():
            written += notify(
                users=user_ids, kind=KIND, message=message, url=quiz.get_url() or "/learn/", key=notice_key(run_id)
            )
    return written
