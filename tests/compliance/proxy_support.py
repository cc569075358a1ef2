"""Funded runs with trainees of organisations, and their submissions and heartbeats from given
addresses and devices, for the proxy-learning tests (DOMAIN-KR §1.8)."""

from __future__ import annotations

import datetime

from accounts.models import Membership
from assessments.models import Attempt
from assessments.services import attempt_submit
from ops.requestcontext import ClientContext, client_context
from tests import factories as f
from tests.assessments.funded_support import END, funded_course, kst

#: A day inside the funded run's 훈련기간 (``funded_course`` ends on 2026-03-31).
DAY = END - datetime.timedelta(days=5)


def client(address: str = "", device: str = "", agent: str = "ua-1") -> ClientContext:
    return ClientContext(address=address, device_hash=device, user_agent_hash=agent)


def trainee(world, organisation=None, **user_fields):
    """An active enrolment of the run, its user an employee of ``organisation`` (when given)."""
    enrolment = f.enrolment(world["run"], f.UserFactory(**user_fields))
    if organisation is not None:
        Membership.objects.create(organisation=organisation, user=enrolment.user)
    return enrolment


def submit_final(world, enrolment, *, address: str, device: str = "", at: datetime.datetime | None = None) -> Attempt:
    """The trainee hands in the 최종평가 from ``address`` (and ``device``) at ``at`` (10:00 KST of DAY)."""
    quiz = world["final_test"]
    number = Attempt.objects.filter(quiz=quiz, user=enrolment.user).count() + 1
    attempt = Attempt.objects.create(
        quiz=quiz,
        enrolment=enrolment,
        user=enrolment.user,
        number=number,
        question_ids=[q.pk for q in world["items"]],
    )
    with client_context(client(address, device or f"dev-{enrolment.pk}")):
        return attempt_submit(
            attempt=attempt, raw_answers={q.pk: ["true"] for q in world["items"]}, now=at or kst(DAY, 10)
        )


__all__ = ["DAY", "client", "funded_course", "kst", "submit_final", "trainee"]
