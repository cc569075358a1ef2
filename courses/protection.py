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

Who else opens restricted material (``restricted_gate``; every access is logged with its basis):

=====================  =================================================================================
who                    what happens
=====================  =================================================================================
the institute's staff  instructors and managers of the course's own institute open its restricted lessons
                       without the conditions (they own and author the material); logged "institute_staff"
another institute's    no bypass: the conditions apply as to anyone (Wagtail's staff flags count for nothing)
staff, ``is_staff``
a superuser            the conditions apply; when one is missing, the refusal page offers a small form for a
                       reason (at least 10 characters). With a reason given in the last
                       ``BYPASS_MINUTES`` minutes for that course, the material opens; every such access is
                       logged "superuser" with the reason
=====================  =================================================================================

Enrolment by the person (수강신청) asks every condition; enrolment by someone else (approval,
invitation, staff adding, HR's bulk file) asks the **eligibility** conditions only
(``ELIGIBILITY_KEYS``: organisation, nationality, agreement), because the pledge and the step-up
check are the person's own acts at the moment they open the material.

A condition is ``fn(*, user, course, now) -> Refusal | None``. It is asked on every request (an
expiry blocks the next request, not the next login), so it must be cheap: one or two queries.

Every view, render, download, stream request and enrolment attempt on restricted material is an
``ops.AuditEvent`` written by ``restricted_access_log`` — allowed or refused, with the condition that
refused — and the event's id is what a watermark prints (F3.5, F3.7).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from ops.audit import audit_record

from .models import CoursePage, LessonPage, Sensitivity

#: The conditions asked when someone else enrols a person (see the module's docstring).
ELIGIBILITY_KEYS = ("organisation", "nationality", "agreement")
#: How long a superuser's reason opens a restricted course's material, in minutes.
BYPASS_MINUTES = 10
BYPASS_SESSION_KEY = "academy_restricted_bypass"
BYPASS_MIN_REASON = 10

#: The page a refused person returns to once they put a condition right (set by ``restricted_gate``
#: for the request it asks in; a ``ContextVar`` is per request, never shared between requests).
_return_url: ContextVar[str] = ContextVar("academy_restricted_return_url", default="")

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


def restricted_eligibility_refusal(*, user, course: CoursePage, now: datetime.datetime) -> Refusal | None:
    """The first eligibility condition (``ELIGIBILITY_KEYS``) ``user`` misses: what enrolment by
    someone else asks (the person is not there to pass a step-up check or sign a pledge)."""
    if not getattr(user, "is_authenticated", False):
        return _anonymous_refusal()
    for _order, key, condition in _conditions:
        if key in ELIGIBILITY_KEYS:
            refusal = condition(user=user, course=course, now=now)
            if refusal is not None:
                return refusal
    return None


def return_url(course: CoursePage) -> str:
    """Where a condition's "put it right" page sends the person back: the page refused, else the course."""
    return _return_url.get() or course.url or "/learn/"


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
    parts = [part for part in (name, organisations, moment, f"#{event_code(event.pk)}") if part]
    return " · ".join(parts)


def watermark_event_id(code: str) -> int:
    """The audit event id a watermark names (its text after ``#``)."""
    return int(code.lstrip("#").strip(), 36)


def event_code(number: int) -> str:
    """An access-log event id as a watermark prints it: base 36, upper case."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if number == 0:
            return out


def is_owning_staff(*, user, course: CoursePage) -> bool:
    """An instructor or manager of the course's own institute (superusers are not, by this rule)."""
    from .permissions import institute_roles

    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return False
    return course.institute.pk in institute_roles(user)


def superuser_reason(request, *, course: CoursePage, now: datetime.datetime) -> str:
    """The reason a superuser gave for opening ``course``'s restricted material in the last
    ``BYPASS_MINUTES`` minutes ("" when none)."""
    if not request.user.is_superuser:
        return ""
    entry = (request.session.get(BYPASS_SESSION_KEY) or {}).get(str(course.pk))
    if not entry:
        return ""
    try:
        given = datetime.datetime.fromisoformat(entry["at"])
    except (KeyError, TypeError, ValueError):
        return ""
    if not (now - datetime.timedelta(minutes=BYPASS_MINUTES) < given <= now + datetime.timedelta(seconds=5)):
        return ""
    return str(entry.get("reason", ""))


def superuser_reason_give(request, *, course: CoursePage, reason: str, now: datetime.datetime) -> None:
    """Keep a superuser's reason for ``course`` in their session and write it to the audit trail."""
    from django.db import transaction

    reason = " ".join((reason or "").split())
    if not request.user.is_superuser or len(reason) < BYPASS_MIN_REASON:
        raise ValueError("a superuser's reason of at least 10 characters")
    with transaction.atomic():
        audit_record(
            action=AUDIT_ACTION_PREFIX + "superuser_reason",
            actor=request.user,
            obj=course,
            reason=reason,
            data={"course": course.pk, "minutes": BYPASS_MINUTES},
            at=now,
        )
    entries = dict(request.session.get(BYPASS_SESSION_KEY) or {})
    entries[str(course.pk)] = {"reason": reason, "at": now.isoformat()}
    request.session[BYPASS_SESSION_KEY] = entries


def superuser_refusal(refusal: Refusal, *, course: CoursePage, path: str) -> Refusal:
    from urllib.parse import urlencode

    from django.urls import reverse
    from django.utils.translation import gettext as _

    url = reverse("courses:restricted_reason", args=[course.pk]) + "?" + urlencode({"next": path})
    return Refusal(
        key=refusal.key,
        title=refusal.title,
        message=_("%(message)s As an administrator you may open it anyway with a reason, which is logged.")
        % {"message": refusal.message},
        url=url,
    )


def restricted_gate(
    request, *, course: CoursePage, obj, lesson: LessonPage | None = None, action: str = "view", now=None
):
    """Ask the conditions for this request and log it: ``(response, event)``.

    ``response`` is None when the material opens (``event`` is its access-log entry, e.g. for the
    watermark), else the 403 page naming the missing condition. Material that is not restricted
    opens with no log (``(None, None)``). Institute staff and superusers: see the module's docstring.
    A JSON endpoint asks ``restricted_check`` and answers ``refusal_json_response`` instead.
    """
    refusal, event = restricted_check(request, course=course, obj=obj, lesson=lesson, action=action, now=now)
    if refusal is not None:
        return refusal_response(request, refusal, course=course), event
    return None, event


def refusal_json_response(refusal: Refusal, **fields):
    """The 403 JSON answer of a refused request to an endpoint a page's script calls (a quiz's
    autosave): like the lesson heartbeat's, ``refused`` names the condition and the message says
    what is missing; ``fields`` are the endpoint's own (e.g. ``saved=False``)."""
    from django.http import JsonResponse

    message = f"{refusal.title} {refusal.message}"
    response = JsonResponse({**fields, "refused": refusal.key, "message": message, "error": message}, status=403)
    response["X-Academy-Refusal"] = refusal.key
    return response


def restricted_check(
    request, *, course: CoursePage, obj, lesson: LessonPage | None = None, action: str = "view", now=None
) -> tuple[Refusal | None, object]:
    """``restricted_gate`` without the page: ``(refusal, event)``, the refusal None when the material
    opens; the request is logged in both cases (not restricted: ``(None, None)``, no log)."""
    from django.db import transaction
    from django.utils import timezone

    if not is_restricted(course, lesson):
        return None, None
    user = request.user
    now = now or timezone.now()
    basis, reason, refusal = "", "", None
    if is_owning_staff(user=user, course=course):
        basis = "institute_staff"
    else:
        token = _return_url.set(request.get_full_path())
        try:
            refusal = restricted_refusal(user=user, course=course, now=now)
        finally:
            _return_url.reset(token)
        if refusal is not None and getattr(user, "is_superuser", False):
            reason = superuser_reason(request, course=course, now=now)
            if reason:
                basis, refusal = "superuser", None
            else:
                refusal = superuser_refusal(refusal, course=course, path=request.get_full_path())
    result = "allowed" if refusal is None else f"refused:{refusal.key}"
    data = {"basis": basis} if basis else {}
    if lesson is not None:
        data["lesson"] = lesson.pk
    with transaction.atomic():
        event = restricted_access_log(
            user=user, action=action, obj=obj, result=result, course=course, data=data, reason=reason
        )
    return refusal, event
