"""Restricted material (DOMAIN-KR §3.3): which conditions open it, and the log of every access.

A course, lesson or document is public, members-only or restricted (``courses.models.Sensitivity``).
Restricted material opens for a person only when every registered **condition** holds. ``courses``
owns the registry and the log; the conditions belong to the apps that own their facts and register
at start-up (``AppConfig.ready``), like the gates of ``courses.gates``:

=============  =====  =====================================================================
key            order  what it asks (owner)
=============  =====  =====================================================================
organisation     10   a membership of a vetted organisation whose vetting has not expired
nationality      20   Korean nationality, or an export approval covering the course
agreement        30   the organisation's agreement with the institute has not ended
pledge           40   a signed 기술보호 서약서 of the current version, less than 12 months old
training         50   security training not overdue, where the course requires it
step_up          60   a passed step-up identity check in the last 10 minutes
=============  =====  =====================================================================

A condition is ``fn(*, user, course, now) -> Refusal | None``. It is asked on every request (an
expiry blocks the next request, not the next login), so it must be cheap: one or two queries.

Every view, render, download, stream request and enrolment attempt on restricted material is an
``ops.AuditEvent`` written by ``restricted_access_log`` — allowed or refused, with the condition that
refused — and the event's id is what a watermark prints (F3.5, F3.7).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from ops.audit import audit_record

from .models import CoursePage, LessonPage, Sensitivity

#: What a restricted-access log entry records doing.
ACTIONS = ("view", "render", "download", "stream", "enrol")
AUDIT_ACTION_PREFIX = "restricted."


@dataclass(frozen=True)
class Refusal:
    """A missing condition: ``key`` names it (and its message page), ``title`` and ``message`` are
    translated text for the person, ``url`` is where they can put it right ("" when they cannot)."""

    key: str
    title: str
    message: str
    url: str = ""


Condition = Callable[..., "Refusal | None"]

_conditions: list[tuple[int, str, Condition]] = []


def register_condition(key: str, condition: Condition, *, order: int) -> None:
    """Add a condition (once per key: registering a key again replaces it, so a reload is harmless)."""
    global _conditions
    _conditions = sorted([c for c in _conditions if c[1] != key] + [(order, key, condition)], key=lambda c: c[0])


def registered_conditions() -> list[str]:
    return [key for _order, key, _fn in _conditions]


def is_restricted(course: CoursePage, lesson: LessonPage | None = None) -> bool:
    """Is this course (or this lesson of it) restricted? A lesson is at least as restricted as its course."""
    if course.sensitivity == Sensitivity.RESTRICTED:
        return True
    return lesson is not None and lesson.sensitivity == Sensitivity.RESTRICTED


def restricted_refusals(*, user, course: CoursePage, now: datetime.datetime) -> list[Refusal]:
    """Every condition ``user`` misses for ``course``'s restricted material, in order."""
    if not user.is_authenticated:
        return [refusal for refusal in (_anonymous_refusal(),) if refusal]
    refusals = []
    for _order, _key, condition in _conditions:
        refusal = condition(user=user, course=course, now=now)
        if refusal is not None:
            refusals.append(refusal)
    return refusals


def restricted_refusal(*, user, course: CoursePage, now: datetime.datetime) -> Refusal | None:
    """The first condition ``user`` misses (None: restricted material opens), asking no further."""
    if not user.is_authenticated:
        return _anonymous_refusal()
    for _order, _key, condition in _conditions:
        refusal = condition(user=user, course=course, now=now)
        if refusal is not None:
            return refusal
    return None


def _anonymous_refusal() -> Refusal:
    from django.utils.translation import gettext as _

    return Refusal(
        key="login",
        title=_("Sign in first"),
        message=_("Restricted material opens only for signed-in people who meet its conditions."),
    )


def restricted_access_log(
    *,
    user,
    action: str,
    obj,
    result: str,
    course: CoursePage | None = None,
    data: dict | None = None,
    reason: str = "",
):
    """Append one access to restricted material to the audit trail and return the event.

    ``action`` is one of ``ACTIONS``; ``result`` is "allowed" or "refused:<condition key>". The
    person's organisations (ids) are recorded with it, so an organisation's HR can export its own
    people's entries (F3.5). Call it inside the transaction of the access when there is one.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown restricted action {action!r}")
    organisations = []
    if getattr(user, "is_authenticated", False):
        organisations = list(user.memberships.values_list("organisation_id", flat=True))
    payload = {
        "result": result,
        "course": course.pk if course is not None else None,
        "organisations": organisations,
        **(data or {}),
    }
    return audit_record(
        action=AUDIT_ACTION_PREFIX + action,
        actor=user if getattr(user, "is_authenticated", False) else None,
        subject_user=user if getattr(user, "is_authenticated", False) else None,
        obj=obj,
        reason=reason,
        data=payload,
    )


def refusal_response(request, refusal: Refusal, *, course: CoursePage | None = None):
    """The 403 page of one missing condition: it names what is missing and, where the person can put
    it right, links there (F3.2: "each missing condition gives a 403 page naming what is missing")."""
    from django.http import HttpResponseForbidden
    from django.template.loader import render_to_string

    context = {"refusal": refusal, "course": course, "conditions_url": ""}
    html = render_to_string("courses/restricted_refused.html", context, request=request)
    response = HttpResponseForbidden(html)
    response["X-Academy-Refusal"] = refusal.key  # for the access log's readers and the tests
    return response


def watermark_text(*, user, event, now: datetime.datetime) -> str:
    """The visible mark on restricted material (F3.7): masked name (§5.5), organisations, KST time
    and the access-log event id, e.g. ``홍*동 · 드론테크(주) · 2026-11-29 14:05 · #A1B2``. The id is
    the audit event's primary key in base 36 (upper case), so the text decodes to the event:
    ``watermark_event_id("A1B2")``."""
    from django.utils import timezone

    from accounts.names import mask_name

    name = mask_name(getattr(user, "name_ko", "") or getattr(user, "name_en", "") or "")
    organisations = ", ".join(
        user.memberships.select_related("organisation").values_list("organisation__name_ko", flat=True)
    )
    moment = timezone.localtime(now).strftime("%Y-%m-%d %H:%M")
    parts = [part for part in (name, organisations, moment, f"#{_base36(event.pk)}") if part]
    return " · ".join(parts)


def watermark_event_id(code: str) -> int:
    """The audit event id a watermark names (its text after ``#``)."""
    return int(code.lstrip("#").strip(), 36)


def _base36(number: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if number == 0:
            return out
