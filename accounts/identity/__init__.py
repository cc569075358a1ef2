"""Pluggable identity verification (본인인증, DOMAIN-KR §1.7).

``backend_for(route)`` answers the backend behind a route (``motp``, ``phone``, ``totp``,
``email_otp``) as ``ACADEMY_IDENTITY_ROUTES`` configures it. Which routes a check may use, and when
checks are due, is the policy of ``compliance.identity``; this package only verifies.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .backends import BACKENDS
from .base import Challenge, IdentityBackend, IdentityError, Outcome, Purpose, VerificationResult

__all__ = [
    "BACKENDS",
    "Challenge",
    "IdentityBackend",
    "IdentityError",
    "Outcome",
    "Purpose",
    "VerificationResult",
    "backend_for",
    "route_backend_key",
]


def route_backend_key(route: str) -> str:
    try:
        return settings.ACADEMY_IDENTITY_ROUTES[route]
    except KeyError as error:
        raise ImproperlyConfigured(f"ACADEMY_IDENTITY_ROUTES has no route {route!r}.") from error


def backend_for(route: str) -> IdentityBackend:
    """The backend serving ``route`` (a new, stateless instance: state lives in the cache)."""
    key = route_backend_key(route)
    if key not in BACKENDS:
        raise ImproperlyConfigured(f"Unknown identity backend {key!r} for route {route!r}.")
    if key == "fake" and settings.ACADEMY_ENVIRONMENT == "production":  # it passes a published code
        raise ImproperlyConfigured("The fake identity backend is refused in production.")
    return BACKENDS[key](route=route)
