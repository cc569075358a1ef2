"""Rate limits for the public verification pages and the API, counted in the shared cache.

A fixed window per client and scope: simple, cheap (one cache increment per request) and shared
by every web node when the cache is Redis. A request counts what it asks for: one page is one, a
batch of N codes is N. Clients are identified by a keyed hash of their address
(``accounts.clients``: behind the configured number of trusted proxies), never the address itself.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache

from accounts.clients import client_key


def client_hash(request) -> str:
    """A keyed hash of the client's address, for logs and counters (the address is not kept)."""
    return hmac.new(settings.SECRET_KEY.encode(), client_key(request).encode(), hashlib.sha256).hexdigest()[:32]


def hit(*, scope: str, key: str, limit: int, window: int = 60, cost: int = 1) -> bool:
    """Count ``cost`` against ``limit`` per ``window`` seconds; ``False`` (and nothing counted) when
    it does not fit in what is left of the window."""
    if cost > limit:
        return False
    bucket = int(time.time() // window)
    cache_key = f"academy:rl:{scope}:{key}:{bucket}"
    if cache.add(cache_key, cost, window + 5):
        return True
    try:
        count = cache.incr(cache_key, cost)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, cost, window + 5)
        return True
    if count > limit:
        # Refused: give the codes back, so a batch that did not fit does not eat a smaller one's room.
        try:
            cache.decr(cache_key, cost)
        except ValueError:  # the window ended meanwhile
            pass
        return False
    return True
