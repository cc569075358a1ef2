"""One delivery mode per run (``courses.completion.effective_delivery_mode``): the run's own, else its
course's. Completion and the course page both follow it, so a run held otherwise than its course
says requires attendance exactly when the course page says so."""

import datetime

import pytest
from django.utils import timezone

from courses import completion
from courses.models import AttendanceSession, DeliveryMode, Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db

ATTENDANCE_RULE = "집체교육 출석률"


def run_of(course_mode: str, run_mode: str):
    course = f.course_page(f.institute_page(), delivery_mode=course_mode, min_progress_percent=0)
    run = f.course_run(course, delivery_mode=run_mode)
    start = timezone.now() + datetime.timedelta(days=1)
    for n in range(2):
        AttendanceSession.objects.create(run=run, title=f"{n + 1}회차", starts_at=start + datetime.timedelta(days=n))
    return course, run, f.enrolment(run)


def course_page(client, course, user):
    client.force_login(user)
    response = client.get(course.url)
    assert response.status_code == 200
    return response


def test_an_on_site_run_of_an_online_course_requires_attendance_in_completion_and_on_the_course_page(client):
    course, run, enrolment = run_of(DeliveryMode.ONLINE, DeliveryMode.ONSITE)

    assert completion.effective_delivery_mode(run) == DeliveryMode.ONSITE
    enrolment = Enrolment.objects.select_related("run__course").get(pk=enrolment.pk)
    assert [item.key for item in completion.missing(enrolment)] == ["attendance"]
    response = course_page(client, course, enrolment.user)
    assert response.context["attendance_required"] is True
    assert [action.delivery_mode for action in response.context["enrol_actions"]] == [DeliveryMode.ONSITE.label]
    assert ATTENDANCE_RULE in response.content.decode()


def test_an_online_run_of_an_on_site_course_requires_no_attendance_anywhere(client):
    course, run, enrolment = run_of(DeliveryMode.ONSITE, DeliveryMode.ONLINE)

    assert completion.effective_delivery_mode(run) == DeliveryMode.ONLINE
    enrolment = Enrolment.objects.select_related("run__course").get(pk=enrolment.pk)
    assert completion.missing(enrolment) == []
    response = course_page(client, course, enrolment.user)
    assert response.context["attendance_required"] is False
    assert [action.delivery_mode for action in response.context["enrol_actions"]] == [DeliveryMode.ONLINE.label]
    assert ATTENDANCE_RULE not in response.content.decode()


def test_a_run_without_its_own_mode_follows_its_course(client):
    course, run, enrolment = run_of(DeliveryMode.BLENDED, "")

    assert completion.effective_delivery_mode(run) == DeliveryMode.BLENDED
    enrolment = Enrolment.objects.select_related("run__course").get(pk=enrolment.pk)
    assert [item.key for item in completion.missing(enrolment)] == ["attendance"]
    assert course_page(client, course, enrolment.user).context["attendance_required"] is True
