"""Public addresses of certificates: the one place that builds the verification URL.

The QR code on every PDF, the share link on 나의 강의실, the e-mail and the Open Badge all point to
``<ACADEMY_BASE_URL>/verify/<code>/``; that address is printed on paper, so it must never change.
"""

from __future__ import annotations

from django.conf import settings


def site_url(path: str) -> str:
    """An absolute URL on the Academy's public site (``ACADEMY_BASE_URL``)."""
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/{path.lstrip('/')}"


def verification_url(code: str) -> str:
    """진위확인 page of a certificate: what the QR code encodes."""
    return site_url(f"/verify/{code}/")
