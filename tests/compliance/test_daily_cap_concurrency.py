"""The 8th slot of a day holds under concurrent requests on PostgreSQL: two tabs (or ten) opening new
차시 at once never get more than 8 distinct 차시 credited that day."""

import threading

import pytest
from django.db import close_old_connections, connection

from compliance.models import StudyDayLesson
from compliance.services import study_day_credit
from tests.support.funded import DAY, kst, make_funded, studied

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_parallel_requests_never_take_more_than_the_last_slot():
    assert connection.vendor == "postgresql"
    funded = make_funded()
    enrolment = funded["enrolment"]
    lessons = funded["lessons"]
    studied(enrolment, lessons[:7], DAY)  # one slot left today
    contenders = lessons[7:17]
    barrier = threading.Barrier(len(contenders))
    granted = {}

    def credit(lesson):
        try:
            barrier.wait(timeout=30)
            granted[lesson.pk] = study_day_credit(enrolment=enrolment, lesson=lesson, seconds=15, now=kst(DAY, 14))
        finally:
            close_old_connections()

    threads = [threading.Thread(target=credit, args=(lesson,)) for lesson in contenders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert len(granted) == len(contenders)
    assert sorted(granted.values()) == [0] * (len(contenders) - 1) + [15]
    assert StudyDayLesson.objects.filter(enrolment=enrolment, day=DAY).count() == 8


def test_two_tabs_of_the_same_new_lesson_share_one_slot():
    funded = make_funded()
    enrolment = funded["enrolment"]
    lessons = funded["lessons"]
    studied(enrolment, lessons[:7], DAY)
    eighth = lessons[7]
    barrier = threading.Barrier(2)
    granted = []

    def credit():
        try:
            barrier.wait(timeout=30)
            granted.append(study_day_credit(enrolment=enrolment, lesson=eighth, seconds=15, now=kst(DAY, 14)))
        finally:
            close_old_connections()

    threads = [threading.Thread(target=credit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert granted == [15, 15]
    row = StudyDayLesson.objects.get(enrolment=enrolment, day=DAY, lesson=eighth)
    assert row.seconds == 30
    assert StudyDayLesson.objects.filter(enrolment=enrolment, day=DAY).count() == 8
