"""Rate limits for the public verification pages and the API, counted in the shared cache.

A fixed window per client and scope: simple, cheap (one cache increment per request) and shared
by every web node when the cache is Redis. Clients are identified by a keyed hash of their address,
never the address itself.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The client's address. Behind the reverse proxy, its X-Forwarded-For names the client; the
    proxy must overwrite the header (not append to one the client sent)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "") if settings.ACADEMY_TRUST_X_FORWARDED_FOR else ""
    if forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_hash(request) -> str:
    """A keyed hash of the client's address, for logs and counters (the address is not kept)."""
    return hmac.new(settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256).hexdigest()[:32]


def hit(*, scope: str, key: str, limit: int, window: int = 60) -> bool:
    """Count one request; ``False`` when the client is over ``limit`` requests per ``window`` seconds."""
    bucket = int(time.time() // window)
    cache_key = f"academy:rl:{scope}:{key}:{bucket}"
    if cache.add(cache_key, 1, window + 5):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, window + 5)
        count = 1
    return count <= limit
