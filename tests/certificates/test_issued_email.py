"""The certificate e-mail: one prefix, both parts, links on their own line."""

import pytest
from django.core import mail

from tests.support.email import PREFIX, assert_well_formed

pytestmark = pytest.mark.django_db


def test_the_certificate_mail_is_well_formed(issue, settings):
    settings.EMAIL_BACKEND = "accounts.mail.QueuedEmailBackend"
    settings.ACADEMY_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    certificate = issue()

    message = next(m for m in mail.outbox if certificate.code in m.body)
    text, _html = assert_well_formed(message)
    assert message.subject.startswith(PREFIX + "수료증")
    assert any(line.strip().endswith(f"/verify/{certificate.code}/") for line in text.splitlines())
