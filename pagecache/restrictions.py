"""View restrictions without a query when none can apply (``ViewRestrictionsMixin``).

Wagtail checks a page's view restrictions before serving it (its ``on_serve_page`` hook calls
``page.get_view_restrictions()``: two queries, the page's ancestors and their restrictions). The
Academy's pages have none almost everywhere, so the tree paths of every restricted page and of
every alias (whose restrictions are its source's) are kept under the page-tree generation, which a
new, changed or deleted restriction renews: a page none of whose own and ancestors' paths is among
them answers "no restrictions" without a query; any other page asks Wagtail as before.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.core.cache import cache
from wagtail.models import Page, PageViewRestriction

from .generation import current_generation, kept_for

RESTRICTED_PATHS_KEY = "academy:restricted-tree-paths"

#: The restricted tree paths read with the route at the start of this request, if they were of the
#: current generation (``pagecache.routing``), so the check needs no cache read of its own.
request_restricted_paths: ContextVar[frozenset[str] | None] = ContextVar(
    "academy_request_restricted_paths", default=None
)


def restricted_tree_paths() -> frozenset[str]:
    """Tree paths of every page with a view restriction and of every alias (whose restrictions are
    its source's), for the current generation."""
    paths = request_restricted_paths.get()
    if paths is not None:
        return paths
    generation = current_generation()
    paths = kept_for(cache.get(RESTRICTED_PATHS_KEY), generation)
    if paths is None:
        paths = frozenset(PageViewRestriction.objects.values_list("page__path", flat=True)) | frozenset(
            Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
        )
        cache.set(RESTRICTED_PATHS_KEY, (generation, paths), None)
    return paths


class ViewRestrictionsMixin:
    """For page models: Wagtail's ``get_view_restrictions``, without its two queries when neither
    the page nor an ancestor (by the page's tree path) is restricted or an alias."""

    def get_view_restrictions(self):
        restricted = restricted_tree_paths()
        if restricted:
            steplen = self.steplen
            own_and_ancestors = {self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)}
            if own_and_ancestors & restricted:
                return super().get_view_restrictions()
        return PageViewRestriction.objects.none()
