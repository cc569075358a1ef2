"""Every e-mail goes through the outbox and is delivered exactly once by a task."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from accounts import services, tasks
from accounts.models import OutboundEmail

pytestmark = pytest.mark.django_db


def test_queued_backend_stores_then_delivers_after_commit(outbox_backend, django_capture_on_commit_callbacks):
    message = EmailMultiAlternatives("수강 승인", "승인되었습니다.", to=["trainee@example.com"])
    message.attach_alternative("<p>승인되었습니다.</p>", "text/html")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        message.send()
        assert mail.outbox == []  # nothing leaves before the transaction commits

    assert len(callbacks) == 1
    stored = OutboundEmail.objects.get()
    assert stored.status == OutboundEmail.Status.SENT
    assert stored.attempts == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "[대전 방산혁신클러스터 아카데미] 수강 승인"  # the Academy's one prefix
    assert mail.outbox[0].alternatives[0].content == "<p>승인되었습니다.</p>"


def test_delivering_twice_sends_once(outbox_backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        outbound = services.email_enqueue(message=EmailMultiAlternatives("s", "b", to=["a@example.com"]))

    assert services.email_deliver(email_id=outbound.pk) is True
    assert services.email_deliver(email_id=outbound.pk) is False
    assert len(mail.outbox) == 1


def test_failed_delivery_is_recorded_and_retried(outbox_backend, settings, django_capture_on_commit_callbacks):
    settings.ACADEMY_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1
    with django_capture_on_commit_callbacks(execute=False):
        outbound = services.email_enqueue(message=EmailMultiAlternatives("s", "b", to=["a@example.com"]))

    with pytest.raises(OSError):
        services.email_deliver(email_id=outbound.pk)

    outbound.refresh_from_db()
    assert outbound.status == OutboundEmail.Status.QUEUED
    assert outbound.attempts == 1
    assert "Connection refused" in outbound.last_error or "Errno" in outbound.last_error


def test_sweeper_resends_messages_whose_task_never_ran(outbox_backend, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):  # the broker "was down": no task ran
        old = services.email_enqueue(message=EmailMultiAlternatives("old", "b", to=["a@example.com"]))
        fresh = services.email_enqueue(message=EmailMultiAlternatives("fresh", "b", to=["a@example.com"]))
    OutboundEmail.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(minutes=10))

    assert tasks.email_sweep() == 1

    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.status == OutboundEmail.Status.SENT
    assert fresh.status == OutboundEmail.Status.QUEUED
    assert [m.subject for m in mail.outbox] == ["[대전 방산혁신클러스터 아카데미] old"]
