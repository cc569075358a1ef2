"""A real Celery worker process on Redis runs a real task end to end."""

import pytest
from django.urls import reverse

from accounts.models import OutboundEmail
from tests.conftest import wait_for
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.celery_worker]


def test_password_reset_email_is_delivered_by_the_worker(client, settings, celery_worker):
    settings.EMAIL_BACKEND = "accounts.mail.QueuedEmailBackend"
    UserFactory(email="worker.test@example.com")

    response = client.post(reverse("account_reset_password"), {"email": "worker.test@example.com"})

    assert response.status_code == 302
    outbound = OutboundEmail.objects.get()
    sent = wait_for(
        lambda: OutboundEmail.objects.filter(pk=outbound.pk, status=OutboundEmail.Status.SENT).first(),
        message="the worker to deliver the e-mail",
    )
    assert sent.attempts == 1
    files = wait_for(lambda: list(celery_worker["mail_dir"].iterdir()), message="the mail file")
    written = files[0].read_text()
    assert "worker.test@example.com" in written
    assert "/accounts/password/reset/key/" in written
    assert "email_deliver_task" in celery_worker["log"].read_text()
