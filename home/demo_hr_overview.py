"""Demo members for the HR training overview (/hr/overview/; ``data/hr_overview.json``).

``load_hr_overview`` (one line in ``load_demo_data``) adds three employees of the demo organisation,
invited by the demo HR and accepting, each enrolled through ``enrolment_request`` in the current run
of a course: one who last studied ten days ago and one who never studied (both on the overview's
"members behind schedule" list, as idle), and one who studied yesterday (not on it). Their lesson
times are set in the past, as a trainee's study would have left them; progress is then recomputed
by the service. Idempotent: an existing enrolment is left alone.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from accounts.models import Membership, Organisation, User
from courses import services as course_services
from courses.models import CoursePage, Enrolment, LessonProgress

from .demo import content
from .demo.people import ORGANISATION, PEOPLE, DemoPerson, ensure_member, ensure_user


def load_hr_overview() -> None:
    organisation = Organisation.objects.get(name_ko=ORGANISATION["name_ko"])
    hr = User.objects.get(email=next(person.email for person in PEOPLE if person.key == "hr"))
    for item in content.read("hr_overview")["employees"]:
        course = CoursePage.objects.filter(slug=item["course"]).first()
        run = course.runs.order_by("starts_on").first() if course else None
        if run is None:
            continue
        user = ensure_user(DemoPerson(item["key"], item["email"], item["name_ko"], item["name_en"]))
        ensure_member(organisation, user, role=Membership.Role.EMPLOYEE, invited_by=hr)
        if Enrolment.objects.filter(user=user, run=run).exists():
            continue
        enrolment = course_services.enrolment_request(user=user, run=run)
        if item["days_ago"] is None or not item["lessons"]:
            continue
        when = timezone.now() - datetime.timedelta(days=item["days_ago"])
        for lesson in list(course.lessons())[: item["lessons"]]:
            LessonProgress.objects.update_or_create(
                enrolment=enrolment,
                lesson=lesson,
                defaults={
                    "seconds_studied": lesson.study_minutes * 60,
                    "started_at": when - datetime.timedelta(minutes=lesson.study_minutes),
                    "completed_at": when,
                },
            )
        course_services.enrolments_recount_seconds([enrolment.pk])
        course_services.enrolment_refresh_progress(enrolment=enrolment)
