"""Notices and the question board on pages other apps draw: ``{% load community %}``.

The home page, the course and lesson pages and ``/learn/`` belong to ``home`` and ``courses``;
they include a tag each, so ``courses`` never imports this app.
"""

from __future__ import annotations

from django import template

from .. import selectors
from ..presenters import age_label

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None)


@register.inclusion_tag("community/includes/notices.html", takes_context=True)
def site_notices(context, limit: int = 5):
    """The home page's 공지사항: site-wide notices, pinned first, then newest."""
    return {"notices": selectors.site_notices(limit=limit), "heading_id": "site-notices-heading"}


@register.inclusion_tag("community/includes/notices.html", takes_context=True)
def learner_notices(context):
    """/learn/: site-wide notices and those of the person's courses and runs."""
    user = _user(context)
    notices = selectors.learner_notices(user) if user is not None and user.is_authenticated else []
    return {"notices": notices, "heading_id": "learn-notices-heading"}


@register.inclusion_tag("community/includes/course_box.html", takes_context=True)
def course_community(context, course):
    """The course page: its notices (the course's, and the runs' the person studies in) and the
    link to its question board for the people who may use it."""
    user = _user(context)
    if selectors.restricted_refused(user, course):  # a restricted course whose conditions the person misses
        return {"notices": [], "may_use_board": False, "course": course, "heading_id": "course-notices-heading"}
    run_ids = selectors.studying_run_ids(user, course=course)
    is_staff = selectors.is_course_staff(user, course)
    return {
        "notices": selectors.course_notices(user, course, run_ids=run_ids, is_staff=is_staff),
        "may_use_board": bool(run_ids or is_staff),
        "course": course,
        "heading_id": "course-notices-heading",
    }


@register.inclusion_tag("community/includes/questions_link.html", takes_context=True)
def questions_link(context, course):
    """A lesson page's link to the course's question board (its readers are enrolled or staff; not
    shown to someone a restricted course's conditions refuse)."""
    return {"course": course, "refused": selectors.restricted_refused(_user(context), course)}


@register.filter
def age(value) -> str:
    return age_label(value)
