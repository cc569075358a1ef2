"""Headers every response carries: the Content-Security-Policy, and no caching of personal pages.

The policies themselves are settings (``lms/settings/base.py``, "Content-Security-Policy"): the
public one in ``CONTENT_SECURITY_POLICY`` and the Wagtail admin's in
``ACADEMY_ADMIN_CONTENT_SECURITY_POLICY``, chosen here by path. Personal pages are the path
prefixes in ``ACADEMY_PERSONAL_PATH_PREFIXES``; the anonymous page cache (``pagecache/middleware.py``)
asks the same question (``pagecache.middleware.is_personal_path``) before it stores anything.
"""

from __future__ import annotations

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings

from pagecache.middleware import is_personal_path

PERSONAL_CACHE_CONTROL = "private, no-store"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under ``ACADEMY_ADMIN_PATH_PREFIXES``.

    ``frame-ancestors`` follows the response's ``X-Frame-Options`` (set further in by Django's
    clickjacking middleware or by a view), so the two headers never disagree: ``'self'`` where a
    view allows SAMEORIGIN framing (Wagtail's preview panel), ``'none'`` everywhere else.
    A view's own ``@csp_override``/``@csp_update``/``@csp_replace`` still win.

    Wagtail renders a page preview by running the page through the middleware again on a dummy
    request (``request.is_dummy``, set for middleware to notice) for the page's public path; that
    inner pass leaves the header to the real request under /cms/, whose policy and framing
    (SAMEORIGIN, for the preview panel) are the ones that apply.
    """

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and request.path_info.startswith(tuple(settings.ACADEMY_ADMIN_PATH_PREFIXES)):
            parts.config = default_config(settings.ACADEMY_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        if "frame-ancestors" not in (parts.replace or {}):
            framing = response.get("X-Frame-Options", "").strip().upper()
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF] if framing == "SAMEORIGIN" else [NONE]}
        return parts


class PersonalPagesMiddleware:
    """``Cache-Control: private, no-store`` on every personal page, whatever its view said.

    One rule by path instead of a decorator on each view, so a personal view added later is
    covered without anyone remembering it. It replaces what a view set (a ``max-age`` or
    ``public`` has no place on these pages; Django's ``never_cache`` says the same in more words).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_personal_path(request.path_info):
            response["Cache-Control"] = PERSONAL_CACHE_CONTROL
        return response
