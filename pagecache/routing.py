"""Serving Wagtail pages with one cache read and one small query where Wagtail spends six queries.

For every page request Wagtail finds the site (one query), its root page (one), the page below it
(``HomePage.route``: two) and the view restrictions of the page and its ancestors (two). On the
benchmark machine each costs 0.7 to 1.5 ms of ORM time, more than the rest of a lesson page.

``serve`` keeps, per host, port and path, which page answered: the page itself (a clean copy,
loaded when the route was kept), its id and its ``url_path``, under the page-tree generation
(``pagecache.generation``, renewed by any saved, published, moved or deleted page and any change to
a site or a view restriction). A kept route is only a hint: before serving it, one query on
``wagtailcore_page`` alone (raw SQL by primary key: no model columns to compile, no specific table
to join; 0.1–0.2 ms where loading the page through the ORM took 1.2–1.5 ms) proves the page is
still live, still at that ``url_path`` and still at the revision it was kept at, so a page changed
in any way, ``QuerySet.update()`` of those columns included, is never served at an address it no
longer has. When the check fails, Wagtail's own routing answers and its answer is kept. The page
is then served as ``wagtail.views.serve`` serves it: the ``before_serve_page`` hooks, the
``on_serve_page`` chain (Wagtail's view-restriction check among them), the page's own ``serve``.
Routes with sub-routes (a ``RoutablePageMixin`` page: args or kwargs) or at an address that is not
the page's own are never kept: Wagtail routes them every time.

What the check does not see: a ``QuerySet.update()`` of a page's content columns (its body, a
specific model's fields) that leaves live, url_path and latest_revision_id alone. Wagtail's own
edits never do that (every edit is a revision, every publish a signal); such an update shows once
the generation renews, as it does on the anonymous page cache (``pagecache.middleware``).

View restrictions: the Academy's page models take ``pagecache.restrictions.ViewRestrictionsMixin``, whose
``get_view_restrictions`` answers "none" without a query when neither the page nor any ancestor
(read from the page's tree path, loaded with the page) is restricted or an alias; the restricted
and alias tree paths are kept under the generation, so a new restriction applies at once.

The request's site, for links to pages (``{% page_url %}``, ``pagecache.sites``), is read from the
cache with the route, in the same round trip.
"""

from __future__ import annotations

import functools
import hashlib

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.models import Page

from .generation import GENERATION_KEY, current_generation, kept_for, request_generation
from .restrictions import RESTRICTED_PATHS_KEY, request_restricted_paths
from .sites import remember_site, site_key

ROUTE_SECONDS = 3600


def _route_key(request, path: str) -> str:
    raw = f"{request.get_host()}|{request.get_port()}|{path}"
    return "academy:route:v5:" + hashlib.sha256(raw.encode()).hexdigest()


def serve(request, path):
    """Wagtail's page view (``wagtail.views.serve``) with the route cache in front."""
    key, site_cache_key = _route_key(request, path), site_key(request)
    found = cache.get_many([GENERATION_KEY, key, RESTRICTED_PATHS_KEY, site_cache_key])
    generation = found.get(GENERATION_KEY)
    route = kept_for(found.get(key), generation)
    site = kept_for(found.get(site_cache_key), generation)
    if site is not None:
        remember_site(request, site)
    generation_token = request_generation.set(generation)
    restricted_token = request_restricted_paths.set(kept_for(found.get(RESTRICTED_PATHS_KEY), generation))
    try:
        if route is not None and _still_there(route):
            return serve_page(request, route["page"])
        response = wagtail_views.serve(request, path)
        _remember(request, path, key, generation if generation is not None else current_generation())
        return response
    finally:
        request_restricted_paths.reset(restricted_token)
        request_generation.reset(generation_token)


def _still_there(route: dict) -> bool:
    """Whether the kept page is still live, at the kept address and at the kept revision: one
    primary-key query on ``wagtailcore_page`` (raw SQL, the cheapest query Django can send)."""
    with connection.cursor() as cursor:
        cursor.execute(_route_check_sql(), [route["id"]])
        row = cursor.fetchone()
    return row is not None and bool(row[0]) and row[1] == route["url_path"] and row[2] == route["revision"]


@functools.cache
def _route_check_sql() -> str:
    # Only identifiers from Wagtail's model metadata, quoted by the database backend; the page id
    # is a query parameter.
    quote = connection.ops.quote_name
    columns = ", ".join(quote(Page._meta.get_field(name).column) for name in ("live", "url_path", "latest_revision"))
    return f"SELECT {columns} FROM {quote(Page._meta.db_table)} WHERE {quote(Page._meta.pk.column)} = %s"  # noqa: S608


def serve_page(request, page: Page, args=(), kwargs=None) -> HttpResponse:
    """Serve a page the way ``wagtail.views.serve`` does once it has its route: the
    ``before_serve_page`` hooks (a response from one is the answer), then the ``on_serve_page``
    chain around ``page.serve`` (Wagtail's view-restriction check is one of them)."""
    args, kwargs = list(args), kwargs or {}

    def serve_chain(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        chain = fn(chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)


def _remember(request, path: str, key: str, generation: int) -> None:
    route = Page.route_for_request(request, path)  # Wagtail's answer for this request, kept by Wagtail
    if route is None:
        return
    page, args, kwargs = route
    # Only a page at its own address and without sub-routes: a route that needs args, or a page
    # that answers for a path below its own, is Wagtail's (or the page's own ``route``) every time.
    if args or kwargs or not isinstance(page, Page) or not page.url_path.endswith(f"/{path}"):
        return
    # A clean copy: the served page carries what this request attached to it (the visitor's
    # enrolment, cached properties), which must never reach another visitor.
    clean = type(page).objects.get(pk=page.pk)
    entry = {"id": clean.pk, "url_path": clean.url_path, "revision": clean.latest_revision_id, "page": clean}
    cache.set(key, (generation, entry), ROUTE_SECONDS)
