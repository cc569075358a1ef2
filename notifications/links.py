"""Where a notification may send its reader: the site's own pages only (never an open redirect)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme


def own_hosts(request) -> set[str]:
    """The hosts that are this site: the request's own and the configured base URL's."""
    hosts = {request.get_host()}
    base = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "")
    if base.netloc:
        hosts.add(base.netloc)
    return hosts


def safe_url(url: str, request) -> str:
    """``url`` when it is a path on this site (``/learn/``) or an absolute URL of its own host; else ``""``.

    A scheme-relative ``//evil.example``, a ``javascript:`` link, a backslash trick or another host
    answer ``""``, so a notification can never become an open redirect.
    """
    url = (url or "").strip()
    if not url or "\\" in url:
        return ""
    if not (url.startswith("/") or url.startswith(("http://", "https://"))):
        return ""
    if not url_has_allowed_host_and_scheme(url, allowed_hosts=own_hosts(request), require_https=False):
        return ""
    return url
