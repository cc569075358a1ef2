"""Who is asking: the client's address, as every rate limit and log of the Academy sees it.

Behind ``ACADEMY_TRUSTED_PROXY_COUNT`` reverse proxies, each appends the address it received the
request from to ``X-Forwarded-For``; the client is then the N-th address from the right, and what
stands further left was written by the client itself and is ignored. With 0 (no proxy) the
header is ignored and the connection's address is the client. A request that carries fewer
addresses than there are proxies did not come through all of them: its connection's address is
used. allauth reads the same number (``ALLAUTH_TRUSTED_PROXY_COUNT``) and, through the account
adapter, this very function, so login limits, verification limits and logs agree.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings

#: IPv6 clients are counted by their /64 network (one subscriber's), as allauth does.
IPV6_PREFIX = 64


def _clean(value: str) -> str:
    """The address in ``value`` (a port or IPv6 brackets removed), or "" when it is not one."""
    value = value.strip()
    if value.startswith("["):  # [2001:db8::1]:443
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:  # 203.0.113.7:51234
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return ""


def client_address(request) -> str:
    """The client's IP address ("" only when the connection has none)."""
    hops = settings.ACADEMY_TRUSTED_PROXY_COUNT
    if hops > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if len(forwarded) >= hops:
            address = _clean(forwarded[-hops])
            if address:
                return address
    remote = request.META.get("REMOTE_ADDR", "")
    return _clean(remote) or remote


def client_key(request) -> str:
    """What per-client limits count: the address, or an IPv6 address's /64 network."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False).network_address)
    return address
