"""Whole-page cache for anonymous visitors of the public catalog pages.

Pages opt in by setting ``response.academy_cache_seconds`` (the catalog, institute and course
pages do). A response is cached only for a GET without a session or messages cookie (so nothing
personal, no CSRF token and no flash message is in it), per host, path with query, and language.
Publishing or unpublishing any page starts a new cache generation, so editors see their change at
once; seats left on a cached course page are at most a minute old.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

GENERATION_KEY = "academy:page-cache-generation"


def _key(request) -> str | None:
    if request.method != "GET":
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None
    generation = cache.get_or_set(GENERATION_KEY, 1, None)
    raw = f"{request.get_host()}|{request.get_full_path()}|{get_language()}|{generation}"
    return "academy:page:" + hashlib.sha256(raw.encode()).hexdigest()


def bump_generation(**kwargs) -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


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
        if key is not None and seconds and response.status_code == 200 and not response.cookies:
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            # A page that rendered a CSRF token (a form) is personal: never cached.
            if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
                cache.set(key, response.content, seconds)
                response["X-Academy-Cache"] = "miss"
        return response
