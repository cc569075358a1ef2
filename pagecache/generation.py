"""The page-tree generation: one number in the cache that keys everything cached from pages.

Saving, publishing, moving or deleting any page (and any change to a site or a view restriction)
starts a new generation (``pagecache.apps``), so editors see their change at once. It keys the
anonymous page cache (``pagecache.middleware``), the route cache and the restricted tree paths
(``pagecache.routing``), and the course structures (``courses.presenters.course_structure``).
"""

from __future__ import annotations

from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "academy:page-cache-generation"


#: The generation read at the start of this request by the route cache (``pagecache.routing``),
#: so the course structure and the syllabus do not read it again.
request_generation: ContextVar[int | None] = ContextVar("academy_request_generation", default=None)


def current_generation() -> int:
    """The generation of everything cached from the page tree (pages, routes, course structures)."""
    seen = request_generation.get()
    return seen if seen is not None else cache.get_or_set(GENERATION_KEY, 1, None)


def kept_for(kept, generation: int | None):
    """What was cached as ``(generation, value)``, if it is of this generation; else None."""
    if kept is not None and generation is not None and kept[0] == generation:
        return kept[1]
    return None


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
