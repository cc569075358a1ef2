"""Serving Wagtail pages with one cache read and one query where Wagtail spends six queries.

For every page request Wagtail finds the site (one query), its root page (one), the page below it
(``HomePage.route``: two) and the view restrictions of the page and its ancestors (two). On the
benchmark machine each costs 0.7 to 1.5 ms of ORM time, more than the rest of a lesson page.

``serve`` keeps, per host, port and path, which page answered: its id, its model and its
``url_path``, under the page-tree generation (``pagecache.generation``, renewed by any saved,
published, moved or deleted page and any change to a site or a view restriction). A kept route is
only a hint: the page is loaded in one query that also checks it is still live and still at that
``url_path``, so a page changed in any way, ``QuerySet.update()`` included, is never served at an
address it no longer has. When the check fails, Wagtail's own routing answers and its answer is
kept. The page is then served as ``wagtail.views.serve`` serves it: the ``before_serve_page``
hooks, the ``on_serve_page`` chain (Wagtail's view-restriction check among them), the page's own
``serve``. Routes with sub-routes (a ``RoutablePageMixin`` page: args or kwargs) or at an address
that is not the page's own are never kept: Wagtail routes them every time.

View restrictions: the Academy's page models take ``pagecache.restrictions.ViewRestrictionsMixin``, whose
``get_view_restrictions`` answers "none" without a query when neither the page nor any ancestor
(read from the page's tree path, loaded with the page) is restricted or an alias; the restricted
and alias tree paths are kept under the generation, so a new restriction applies at once.

Links to pages (``{% pageurl %}``) still ask Wagtail for the request's site (``Site.find_for_request``,
one query, once per request): Wagtail keeps it on the request where only Wagtail may set it.
"""

from __future__ import annotations

import hashlib

from django.apps import apps
from django.core.cache import cache
from django.http import HttpResponse
from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.models import Page

from .generation import GENERATION_KEY, current_generation, kept_for, request_generation
from .restrictions import RESTRICTED_PATHS_KEY, request_restricted_paths

ROUTE_SECONDS = 3600


def _route_key(request, path: str) -> str:
    raw = f"{request.get_host()}|{request.get_port()}|{path}"
    return "academy:route:v4:" + hashlib.sha256(raw.encode()).hexdigest()


def serve(request, path):
    """Wagtail's page view (``wagtail.views.serve``) with the route cache in front."""
    key = _route_key(request, path)
    found = cache.get_many([GENERATION_KEY, key, RESTRICTED_PATHS_KEY])
    generation = found.get(GENERATION_KEY)
    route = kept_for(found.get(key), generation)
    generation_token = request_generation.set(generation)
    restricted_token = request_restricted_paths.set(kept_for(found.get(RESTRICTED_PATHS_KEY), generation))
    try:
        page = _load(route) if route is not None else None
        if page is not None:
            return serve_page(request, page)
        response = wagtail_views.serve(request, path)
        _remember(request, path, key, generation if generation is not None else current_generation())
        return response
    finally:
        request_restricted_paths.reset(restricted_token)
        request_generation.reset(generation_token)


def _load(route: dict) -> Page | None:
    """The kept route's page, if it is still live and still at the kept address (one query)."""
    try:
        model = apps.get_model(route["model"])
    except LookupError:
        return None
    return model.objects.filter(pk=route["id"], live=True, url_path=route["url_path"]).first()


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
    entry = {"id": page.pk, "model": page._meta.label, "url_path": page.url_path}
    cache.set(key, (generation, entry), ROUTE_SECONDS)
