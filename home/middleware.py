"""Whole-page cache for anonymous visitors of the public catalog pages.

Pages opt in by setting ``response.academy_cache_seconds`` (the catalog, institute and course
pages do). A response is cached only for a GET without a session or messages cookie (so nothing
personal, no CSRF token and no flash message is in it), per host, path with query, and language;
never on a personal path (``home.headers.is_personal_path``) nor when the view's Cache-Control
says ``private``, ``no-store`` or ``no-cache``.
Saving, publishing, moving or deleting any page (and any change to a site or a view restriction)
starts a new cache generation, so editors see their change at once; seats left on a cached course
page are at most a minute old. The same generation keys the route cache (``home/routing.py``) and
the course structures (``courses.presenters.course_structure``).
"""

from __future__ import annotations

import hashlib
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import get_language

from .headers import is_personal_path

GENERATION_KEY = "academy:page-cache-generation"


#: The generation read at the start of this request by the route cache (``home/routing.py``), so
#: the course structure and the syllabus do not read it again.
request_generation: ContextVar[int | None] = ContextVar("academy_request_generation", default=None)


def current_generation() -> int:
    """The generation of everything cached from the page tree (pages, routes, course structures)."""
    seen = request_generation.get()
    return seen if seen is not None else cache.get_or_set(GENERATION_KEY, 1, None)


def _key(request) -> str | None:
    if request.method != "GET" or is_personal_path(request.path_info):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None
    generation = current_generation()
    raw = f"{request.get_host()}|{request.get_full_path()}|{get_language()}|{generation}"
    return "academy:page:" + hashlib.sha256(raw.encode()).hexdigest()


def _incr() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def bump_generation(**kwargs) -> None:
    """Start a new generation now and again when the transaction commits.

    The second bump closes a race: a request in another process that reads the old rows between
    the first bump and the commit would otherwise cache them under the new generation.
    """
    _incr()
    transaction.on_commit(_incr, robust=True)


def _shareable(response) -> bool:
    """Whether the view allows keeping its response for others (no ``private`` or ``no-store``)."""
    directives = {d.split("=")[0].strip().lower() for d in response.get("Cache-Control", "").split(",")}
    return not directives & {"private", "no-store", "no-cache"}


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _key(request)
        if key is not None:
            cached = cache.get(key)
            if cached is not None:
                response = HttpResponse(cached, content_type="text/html; charset=utf-8")
                response["X-Academy-Cache"] = "hit"
                return response
        response = self.get_response(request)
        seconds = getattr(response, "academy_cache_seconds", None)
        if (
            key is not None
            and seconds
            and response.status_code == 200
            and not response.cookies
            and _shareable(response)
        ):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            # A page that rendered a CSRF token (a form) is personal: never cached.
            if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
                cache.set(key, response.content, seconds)
                response["X-Academy-Cache"] = "miss"
        return response
