"""Step-up identity checks: "is it really you, now?" before restricted material or a pledge.

DOMAIN-KR §3.3 F3.2 asks for a passed identity check (TOTP or 본인확인) in the last 10 minutes
before restricted material opens, and F3.3 for one when a 기술보호 서약서 is signed. Such a check
names no enrolment: it is an ``IdentityCheck`` of moment ``step_up`` (recorded, audited, never
sent to the 공단), made on the same identity page as the funded-run checks with the routes of
``ACADEMY_IDENTITY_POLICY[("any", "step_up")]``, and it counts for ``ACADEMY_STEP_UP_MINUTES``.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.urls import reverse

from .identity import Requirement
from .models import IdentityCheck, IdentityMoment


def step_up_window_start(now: datetime.datetime) -> datetime.datetime:
    return now - datetime.timedelta(minutes=settings.ACADEMY_STEP_UP_MINUTES)


def step_up_recent(user, *, now: datetime.datetime) -> IdentityCheck | None:
    """The user's latest passed step-up check inside the window (None: a new one is needed)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        IdentityCheck.objects.filter(user=user, moment=IdentityMoment.STEP_UP, at__gt=step_up_window_start(now))
        .passed()
        .order_by("-at")
        .first()
    )


def step_up_requirement(*, user, return_url: str, now: datetime.datetime) -> Requirement:
    return Requirement(
        enrolment_id=None,
        moment=IdentityMoment.STEP_UP,
        eval_cd="",
        eval_type="",
        since=step_up_window_start(now).timestamp(),
        return_url=return_url,
        funded=False,
        user_id=user.pk,
    )


def step_up_url(*, user, return_url: str, now: datetime.datetime) -> str:
    """The identity page for a step-up check of ``user``; it returns to ``return_url`` once passed."""
    return reverse("identity_check", args=[step_up_requirement(user=user, return_url=return_url, now=now).token()])
