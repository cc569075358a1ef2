"""The request's Wagtail site from the cache, for links to pages (``{% page_url %}``).

Wagtail's ``{% pageurl %}`` asks ``Site.find_for_request`` for the request's site: one query per
request (0.7–1.5 ms on the benchmark machine, most of a warm lesson page's budget), which Wagtail
keeps on the request where only Wagtail may set it. The site per host and port changes only when a
site does, and any saved or deleted site renews the page-tree generation (``pagecache.apps``), so
it is kept under that generation; ``{% page_url %}`` (``pagecache.templatetags.page_links``) passes
it to Wagtail's public ``Page.relative_url``. The route cache (``pagecache.routing``) reads it with
the route, in the same cache round trip.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from wagtail.models import Site

from .generation import GENERATION_KEY, current_generation, kept_for, request_generation

SITE_SECONDS = 3600
_SEEN = "_academy_site"  # our own attribute on the request: the site once looked up


def site_key(request) -> str:
    raw = f"{request.get_host()}|{request.get_port()}"
    return "academy:site:v1:" + hashlib.sha256(raw.encode()).hexdigest()


def remember_site(request, site) -> None:
    """Keep ``site`` as this request's site (the route cache found it with the route)."""
    setattr(request, _SEEN, site)


def site_for_request(request) -> Site | None:
    """``Site.find_for_request``, kept per host and port under the page-tree generation."""
    if request is None:
        return None
    if hasattr(request, _SEEN):
        return getattr(request, _SEEN)
    key = site_key(request)
    generation = request_generation.get()
    if generation is None:
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        site = kept_for(found.get(key), generation)
    else:
        site = kept_for(cache.get(key), generation)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            cache.set(key, (generation if generation is not None else current_generation(), site), SITE_SECONDS)
    remember_site(request, site)
    return site
