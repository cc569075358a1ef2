"""Whole-page cache for anonymous visitors of the public catalog pages.

Pages opt in by setting ``response.academy_cache_seconds`` (the catalog, institute and course
pages do). A response is cached only for a GET without a session or messages cookie (so nothing
personal, no CSRF token and no flash message is in it), per host, path with query, and language;
never on a personal path (``is_personal_path``) nor when the view's Cache-Control says
``private``, ``no-store`` or ``no-cache``. Keyed by the page-tree generation
(``pagecache.generation``), so a saved, published, moved or deleted page shows at once; seats left
on a cached course page are at most a minute old, and so is a change made with
``QuerySet.update()``, which starts no generation.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

from .generation import current_generation


def is_personal_path(path: str) -> bool:
    """Whether ``path`` is a personal page (the prefixes in ``ACADEMY_PERSONAL_PATH_PREFIXES``):
    never cached by anyone but the user's own browser tab."""
    return path.startswith(tuple(settings.ACADEMY_PERSONAL_PATH_PREFIXES))


def _key(request) -> str | None:
    if request.method != "GET" or is_personal_path(request.path_info):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None
    generation = current_generation()
    raw = f"{request.get_host()}|{request.get_full_path()}|{get_language()}|{generation}"
    return "academy:page:" + hashlib.sha256(raw.encode()).hexdigest()


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
