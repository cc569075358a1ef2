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


def _route_key(hostname: str, port: int, path: str) -> str:
    return "academy:route:v2:" + hashlib.sha256(f"{hostname}|{port}|{path}".encode()).hexdigest()


def _cached_page(entry: dict):
    page = entry["page"]  # a fresh copy from the cache, as loaded when the route was kept
    # Wagtail's before_serve_page hook asks the page for its view restrictions (two queries);
    # they were read with the route and are as fresh as it is.
    restrictions = entry["restrictions"]
    page.get_view_restrictions = lambda: restrictions
    return page


def find_site(request):
    """``Site.find_for_request`` through the cache, for views outside the page tree that link to
    pages (``pageurl`` asks for the site: one query otherwise)."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    key = "academy:site:" + hashlib.sha256(f"{hostname}|{port}".encode()).hexdigest()
    found = cache.get_many([GENERATION_KEY, key])
    generation, entry = found.get(GENERATION_KEY), found.get(key)
    if entry is not None and generation is not None and entry[0] == generation:
        request._wagtail_site = entry[1]
    else:
        site = Site.find_for_request(request)
        cache.set(key, (generation if generation is not None else current_generation(), site), ROUTE_SECONDS)
    return request._wagtail_site


def serve(request, path):
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    key = _route_key(hostname, port, path)
    found = cache.get_many([GENERATION_KEY, key])
    generation, entry = found.get(GENERATION_KEY), found.get(key)
    hit = False
    if entry is not None and generation is not None and entry["generation"] == generation:
        page = _cached_page(entry)
        if page is not None:
            request._wagtail_site = entry["site"]
            request._wagtail_route_for_request = RouteResult(page)
            hit = True
    token = request_generation.set(generation)
    try:
        response = wagtail_views.serve(request, path)
    finally:
        request_generation.reset(token)
    if not hit:
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
        "generation": generation,
        "site": site,
        # A clean copy: the served page carries what this request attached to it (the visitor's
        # enrolment, cached properties), which must never reach another visitor.
        "page": type(page).objects.get(pk=page.pk),
        "restrictions": list(Page.get_view_restrictions(page)),
    }
    cache.set(key, entry, ROUTE_SECONDS)
