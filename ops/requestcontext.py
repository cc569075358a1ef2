"""Who is making the current request, for the records that must say so (audit trail, proxy-learning
signals, the 공단 reports): the client's address, a keyed hash of the browser (device) and of its
user agent.

``accounts.middleware.ClientContextMiddleware`` sets it at the start of every request (the address
as ``accounts.clients.client_address`` reads it behind the trusted proxies); outside a request
(Celery tasks, management commands) it is empty. A ``ContextVar`` is per request (per thread or
task), never shared between requests, so services deep below a view read it without every
signature carrying the request.

The device hash is an HMAC (``ACADEMY_DEVICE_HASH_KEY``, derived from ``SECRET_KEY`` when unset) of
a random id kept in a long-lived, HttpOnly browser cookie: two accounts on one browser share it,
the raw id never reaches a table, and nobody can recompute it without the key.
"""

from __future__ import annotations

import hashlib
import hmac
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class ClientContext:
    address: str = ""
    device_hash: str = ""
    user_agent_hash: str = ""


EMPTY = ClientContext()
_client: ContextVar[ClientContext] = ContextVar("academy_client", default=EMPTY)


def current_client() -> ClientContext:
    """The current request's client (empty outside a request)."""
    return _client.get()


@contextmanager
def client_context(context: ClientContext):
    """Run the block as ``context``'s request (the middleware; tests of services that read it)."""
    token = _client.set(context)
    try:
        yield context
    finally:
        _client.reset(token)


def _key() -> bytes:
    explicit = getattr(settings, "ACADEMY_DEVICE_HASH_KEY", "")
    if explicit:
        return explicit.encode()
    return hashlib.sha256(b"academy-device-hash:" + settings.SECRET_KEY.encode()).digest()


def keyed_hash(value: str) -> str:
    """HMAC-SHA-256 of ``value`` under the device key, hex, 32 characters ("" for "")."""
    if not value:
        return ""
    return hmac.new(_key(), value.encode(), hashlib.sha256).hexdigest()[:32]
