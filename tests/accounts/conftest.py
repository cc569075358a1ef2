"""Shared set-up for the account tests."""

import pytest


@pytest.fixture
def outbox_backend(settings):
    """E-mail through the Academy's outbox (pytest-django would send it to ``mail.outbox`` directly),
    delivered to ``mail.outbox`` by the task."""
    settings.EMAIL_BACKEND = "accounts.mail.QueuedEmailBackend"
    settings.ACADEMY_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
