"""Serving Wagtail pages with one cache read where Wagtail spends five queries.

For every page request Wagtail finds the site (one query), its root page (one), the page below it
(our ``HomePage.route``: two) and the view restrictions of the page and its ancestors (two). On
the benchmark machine each costs 0.7 to 1.5 ms of ORM time, more than the rest of a lesson page.

``serve`` looks the route up in the cache first: for a host, port and path it keeps the site, the
page itself and its view restrictions, under the page-tree generation (``home.middleware``). Any
saved, published, unpublished, moved or deleted page, and any change to a site or a view
restriction, renews the generation (again when its transaction commits), so a kept route is never
older than the tree. A hit costs one cache read and no query. Everything else (Wagtail's
``before_serve_page`` hooks, the restrictions, the page's own ``serve``) runs as before. Pages with
sub-routes (args or kwargs) are never cached; the Academy has none.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from .middleware import GENERATION_KEY, current_generation, request_generation

ROUTE_SECONDS = 3600


def _lookup(request, kind: str, path: str = ""):
    """(cache key, the generation now or None, what was kept for this host, port and path if it
    is of that generation, else None)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"academy:{kind}:" + hashlib.sha256(f"{hostname}|{request.get_port()}|{path}".encode()).hexdigest()
    found = cache.get_many([GENERATION_KEY, key])
    generation, kept = found.get(GENERATION_KEY), found.get(key)
    if kept is not None and generation is not None and kept[0] == generation:
        return key, generation, kept[1]
    return key, generation, None


def find_site(request):
    """``Site.find_for_request`` through the cache, for views outside the page tree that link to
    pages (``pageurl`` asks for the site: one query otherwise)."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    key, generation, site = _lookup(request, "site")
    if site is not None:
        request._wagtail_site = site
    else:
        site = Site.find_for_request(request)
        cache.set(key, (generation if generation is not None else current_generation(), site), ROUTE_SECONDS)
    return site


def serve(request, path):
    key, generation, entry = _lookup(request, "route:v3", path)
    if entry is not None:
        page = entry["page"]  # a fresh copy from the cache, as loaded when the route was kept
        # Wagtail's before_serve_page hook asks the page for its view restrictions (two
        # queries); they were read with the route and are as fresh as it is.
        page.get_view_restrictions = lambda: entry["restrictions"]
        request._wagtail_site = entry["site"]
        request._wagtail_route_for_request = RouteResult(page)
    token = request_generation.set(generation)
    try:
        response = wagtail_views.serve(request, path)
    finally:
        request_generation.reset(token)
    if entry is None:
        _remember(request, key, generation if generation is not None else current_generation())
    return response


def _remember(request, key: str, generation: int) -> None:
    site = Site.find_for_request(request)
    route = getattr(request, "_wagtail_route_for_request", None)
    if site is None or route is None:
        return
    page, args, kwargs = route
    if args or kwargs or not isinstance(page, Page):
        return
    entry = {
        "site": site,
        # A clean copy: the served page carries what this request attached to it (the visitor's
        # enrolment, cached properties), which must never reach another visitor.
        "page": type(page).objects.get(pk=page.pk),
        "restrictions": list(Page.get_view_restrictions(page)),
    }
    cache.set(key, (generation, entry), ROUTE_SECONDS)
