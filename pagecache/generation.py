"""The page-tree generation: one number in the cache that keys everything cached from pages.

Saving, publishing, moving or deleting any page (and any change to a site or a view restriction)
starts a new generation (``pagecache.apps``), so editors see their change at once. It keys the
anonymous page cache (``pagecache.middleware``), the route cache and the restricted tree paths
(``pagecache.routing``), and the course structures (``courses.presenters.course_structure``).
"""

from __future__ import annotations

import logging
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "academy:page-cache-generation"
logger = logging.getLogger(__name__)


#: The generation read at the start of this request by the route cache (``pagecache.routing``),
#: so the course structure and the syllabus do not read it again.
request_generation: ContextVar[int | None] = ContextVar("academy_request_generation", default=None)


#: The generation answered while the cache cannot be reached: no value is ever cached under it
#: (generations start at 1), so nothing stale is read and the request goes on uncached.
UNREACHABLE = 0


def current_generation() -> int:
    """The generation of everything cached from the page tree (pages, routes, course structures).

    A cache outage (Redis restarting) never fails the caller: the answer is ``UNREACHABLE`` and
    the page tree is read uncached until the cache is back (the cluster's Redis drill)."""
    seen = request_generation.get()
    if seen is not None:
        return seen
    try:
        return cache.get_or_set(GENERATION_KEY, 1, None)
    except Exception:  # noqa: BLE001 — any cache client error (connection refused, timeout)
        logger.warning("page-cache generation unreadable: cache unreachable", exc_info=True)
        return UNREACHABLE


def kept_for(kept, generation: int | None):
    """What was cached as ``(generation, value)``, if it is of this generation; else None."""
    if kept is not None and generation is not None and kept[0] == generation:
        return kept[1]
    return None


def _incr() -> None:
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            cache.set(GENERATION_KEY, 2, None)
    except Exception:  # noqa: BLE001 — any cache client error (connection refused, timeout)
        # A save must not fail because the cache is away: nothing is served from a cache that is down,
        # and one that comes back empty starts a new generation; the bump on commit tries again.
        logger.warning("page-cache generation not bumped: cache unreachable", exc_info=True)


def bump_generation(**kwargs) -> None:
    """Start a new generation now and again when the transaction commits.

    The second bump closes a race: a request in another process that reads the old rows between
    the first bump and the commit would otherwise cache them under the new generation.
    """
    _incr()
    transaction.on_commit(_incr, robust=True)
