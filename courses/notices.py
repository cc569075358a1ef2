"""What the course domain tells trainees in the app (``notifications.notify``), in Korean and English.

The e-mails stay where they were (``courses.tasks.enrolment_notify``); these in-app notices go with
``email=False`` so nobody receives two e-mails for one event.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from notifications.services import notify
from notifications.text import bilingual_lazy, kdate_lazy

from .models import CourseRun, Enrolment, EnrolmentEvent

#: Days before the end of the training period that the "ending soon" notice goes out.
RUN_ENDING_DAYS = 3

ENROLMENT_MESSAGES = {
    Enrolment.Status.ACTIVE: _("You have a seat in {course} ({run}). You can start studying now."),
    Enrolment.Status.WAITLISTED: _("{course} ({run}) is full: you are on the waitlist."),
    Enrolment.Status.REJECTED: _("Your request for {course} ({run}) was rejected. Reason: {reason}"),
    Enrolment.Status.REMOVED: _("You were removed from {course} ({run}). Reason: {reason}"),
    Enrolment.Status.INVITED: _("You are invited to {course} ({run}). Accept the invitation in My learning."),
    Enrolment.Status.COMPLETED: _("Congratulations: you have completed {course} ({run})."),
}


def _titles(run: CourseRun) -> dict:
    """The course and run names, each read in the language the message is rendered in."""
    course = run.course
    return {
        "course": bilingual_lazy(course.title, getattr(course, "title_en", "")),
        "run": bilingual_lazy(run.title, run.title_en),
    }


def enrolment_event_notice(event: EnrolmentEvent) -> int:
    """The in-app twin of the enrolment e-mail for ``event`` (once per event: its key)."""
    template = ENROLMENT_MESSAGES.get(event.to_status)
    if template is None:
        return 0
    enrolment = event.enrolment
    message = format_lazy(template, reason=event.reason or "–", **_titles(enrolment.run))
    return notify(
        users=[enrolment.user_id],
        kind="enrolment_decision",
        message=message,
        url="/learn/",
        key=f"enrolment-event:{event.pk}",
        email=False,
    )


def run_end(run: CourseRun) -> datetime.date:
    """The last day of a run for its trainees: the funded training period's end, else the run's end."""
    return (run.training_end if run.is_funded and run.training_end else None) or run.ends_on


def run_ending_notices_send(*, today: datetime.date | None = None) -> int:
    """훈련기간 ending: tell every active trainee of a run that ends within ``RUN_ENDING_DAYS`` days.

    Once per person and run (``key``), so the daily task may run twice, or a day late, and a run
    found two days before its end is still announced. Completed, withdrawn and other ended
    enrolments are not told. Returns how many notices were written.
    """
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=RUN_ENDING_DAYS)
    runs = (
        CourseRun.objects.filter(enrolments__status=Enrolment.Status.ACTIVE)
        .filter(Q(training_end__range=(today, horizon)) | Q(ends_on__range=(today, horizon)))  # then ``run_end``
        .select_related("course")
        .distinct()
    )
    written = 0
    for run in runs:
        end = run_end(run)
        if not (today <= end <= horizon):
            continue
        user_ids = list(
            Enrolment.objects.filter(run=run, status=Enrolment.Status.ACTIVE).values_list("user_id", flat=True)
        )
        message = format_lazy(
            _("The training period of {course} ({run}) ends on {date}. Finish what is still missing."),
            date=kdate_lazy(end),
            **_titles(run),
        )
        with transaction.atomic():
            written += notify(
                users=user_ids, kind="run_ending", message=message, url="/learn/", key=f"run-ending:{run.pk}"
            )
    return written
