"""A retake grant is used once under concurrent starts (PostgreSQL): one new attempt, whatever the clicks."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import services
from assessments.models import Attempt, RetakeGrant
from tests import factories as f
from tests.support.concurrency import post_together

from .funded_support import funded_course

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_concurrent_starts_use_one_grant_for_one_attempt():
    world = funded_course(end=timezone.localdate() + datetime.timedelta(days=10))
    quiz = world["final_test"]
    enrolment = f.enrolment(world["run"], progress_percent=90)
    services.attempt_submit(attempt=services.attempt_start(quiz=quiz, user=enrolment.user))  # the one attempt
    services.retake_grant(enrolment=enrolment, quiz=quiz, actor=world["manager"], reason="응시 중 정전")
    statuses = post_together(enrolment.user, reverse("assessments:start", args=[quiz.pk]), [{}] * 8)

    assert statuses == [302] * 8  # one start, seven resumes of the same attempt
    attempts = list(Attempt.objects.filter(enrolment=enrolment).order_by("number"))
    assert [(a.number, a.state) for a in attempts] == [(1, "submitted"), (2, "in_progress")]
    assert RetakeGrant.objects.get().attempt_id == attempts[1].pk
    services.attempt_submit(attempt=attempts[1])
    with pytest.raises(services.GateRefusal):
        services.attempt_start(quiz=quiz, user=enrolment.user)
