"""Which backends the settings put behind the routes (read by the system check and the fake's page)."""

from __future__ import annotations

from django.conf import settings


def fake_phone_enabled() -> bool:
    return settings.ACADEMY_IDENTITY_ROUTES.get("phone") == "fake" and settings.ACADEMY_ENVIRONMENT != "production"
