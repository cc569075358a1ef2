"""Template tags of the course pages."""

from __future__ import annotations

import re

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

register = template.Library()

#: Marks left in the cached syllabus where each visitor's own state goes. NUL cannot occur in a
#: page title (PostgreSQL text refuses it), so no content can forge one.
MARK = "\x00"
_MARKS = re.compile(r"\x00([cad])(\d+)\x00")
SYLLABUS_SECONDS = 3600


def syllabus_groups(items) -> list[dict]:
    """The syllabus split under its modules: ``[{"module": page or None, "items": [...]}]``.

    Lessons before the first module (or in a course without modules) form a group without a module;
    lesson numbers (차시) run on across groups, so modules never take a number."""
    groups: list[dict] = []
    for item in items:
        if item.is_module:
            groups.append({"module": item.page, "items": []})
            continue
        if not groups:
            groups.append({"module": None, "items": []})
        groups[-1]["items"].append(item)
    return groups


@register.simple_tag(takes_context=True)
def syllabus(context, items, *, key: str, current=None, can_study: bool = False, done=()):
    """The syllabus list, rendered once per course version (``key`` from ``course_structure``),
    language and access, then filled in with this visitor's marks: the current page (class and
    ``aria-current``) and the lessons they have done (class and badge)."""
    cache_key = f"{key}:syllabus:v2:{get_language()}:{int(bool(can_study))}"
    html = cache.get(cache_key)
    if html is None:
        html = render_to_string(
            "courses/includes/syllabus.html",
            {"groups": syllabus_groups(items), "can_study": can_study, "mark": MARK, "request": context.get("request")},
        )
        cache.set(cache_key, html, SYLLABUS_SECONDS)
    current_pk = current.pk if current is not None else None
    done_badge = format_html('<span class="badge badge--ok">{}</span>', gettext("Done"))

    def fill(match: re.Match) -> str:
        kind, pk = match.group(1), int(match.group(2))
        if kind == "c":
            return (" is-current" if pk == current_pk else "") + (" is-done" if pk in done else "")
        if kind == "a":
            return ' aria-current="page"' if pk == current_pk else ""
        return done_badge if pk in done else ""

    return mark_safe(_MARKS.sub(fill, html))  # noqa: S308 - our own escaped template, marks only


@register.filter
def mmss(seconds) -> str:
    """Seconds as minutes and seconds, ``mm:ss`` (``90:00`` for an hour and a half)."""
    try:
        seconds = max(0, int(seconds))
    except (TypeError, ValueError):
        return ""
    return f"{seconds // 60:02d}:{seconds % 60:02d}"
