"""A retake grant is used once under concurrent starts (PostgreSQL): one new attempt, whatever the clicks."""

import datetime
import threading

import pytest
from django.db import close_old_connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments import services
from assessments.models import Attempt, RetakeGrant
from tests import factories as f

from .funded_support import funded_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_concurrent_starts_use_one_grant_for_one_attempt():
    world = funded_course(end=timezone.localdate() + datetime.timedelta(days=10))
    quiz = world["final_test"]
    enrolment = f.enrolment(world["run"], progress_percent=90)
    services.attempt_submit(attempt=services.attempt_start(quiz=quiz, user=enrolment.user))  # the one attempt
    services.retake_grant(enrolment=enrolment, quiz=quiz, actor=world["manager"], reason="응시 중 정전")
    barrier = threading.Barrier(8)
    statuses = []

    def start():
        try:
            client = Client()
            client.force_login(enrolment.user)
            barrier.wait(timeout=30)
            statuses.append(client.post(reverse("assessments:start", args=[quiz.pk])).status_code)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=start) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert statuses == [302] * 8  # one start, seven resumes of the same attempt
    attempts = list(Attempt.objects.filter(enrolment=enrolment).order_by("number"))
    assert [(a.number, a.state) for a in attempts] == [(1, "submitted"), (2, "in_progress")]
    assert RetakeGrant.objects.get().attempt_id == attempts[1].pk
    services.attempt_submit(attempt=attempts[1])
    with pytest.raises(services.GateRefusal):
        services.attempt_start(quiz=quiz, user=enrolment.user)
