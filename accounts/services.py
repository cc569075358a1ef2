"""Writes about people and their e-mail."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone

from .models import OutboundEmail

logger = logging.getLogger(__name__)


def email_enqueue(*, message: EmailMessage) -> OutboundEmail:
    """Store ``message`` in the outbox and deliver it from the worker once the transaction commits."""
    if message.attachments:
        raise ValueError("Outbox messages carry no attachments; link to the file instead.")
    html_body = ""
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html":
            html_body = content
    outbound = OutboundEmail.objects.create(
        subject=str(message.subject),
        body=str(message.body),
        html_body=str(html_body),
        from_email=str(message.from_email or settings.DEFAULT_FROM_EMAIL),
        to=[str(a) for a in message.to],
        cc=[str(a) for a in message.cc],
        bcc=[str(a) for a in message.bcc],
        reply_to=[str(a) for a in message.reply_to],
        headers={str(k): str(v) for k, v in (message.extra_headers or {}).items()},
    )
    from .tasks import email_deliver_task

    transaction.on_commit(lambda: email_deliver_task.delay(outbound.pk))
    return outbound


def email_deliver(*, email_id: int) -> bool:
    """Send one outbox message, exactly once. Returns whether it was sent by this call.

    The row stays locked while the mail server is talked to, so two workers handed the same
    message (a redelivery, the sweeper) cannot both send it.
    """
    with transaction.atomic():
        outbound = OutboundEmail.objects.select_for_update().filter(pk=email_id).first()
        if outbound is None or outbound.status == OutboundEmail.Status.SENT:
            return False
        message = EmailMultiAlternatives(
            subject=outbound.subject,
            body=outbound.body,
            from_email=outbound.from_email,
            to=outbound.to,
            cc=outbound.cc,
            bcc=outbound.bcc,
            reply_to=outbound.reply_to,
            headers=outbound.headers,
            connection=get_connection(settings.ACADEMY_EMAIL_DELIVERY_BACKEND),
        )
        if outbound.html_body:
            message.attach_alternative(outbound.html_body, "text/html")
        outbound.attempts += 1
        try:
            message.send()
        except Exception as exc:
            # Keep the failure on record (the transaction commits), then let the task retry.
            outbound.last_error = repr(exc)[:2000]
            outbound.save(update_fields=["attempts", "last_error"])
            failure = exc
        else:
            outbound.status = OutboundEmail.Status.SENT
            outbound.sent_at = timezone.now()
            outbound.last_error = ""
            outbound.save(update_fields=["status", "sent_at", "attempts", "last_error"])
            return True
    raise failure


def email_mark_failed(*, email_id: int, error: str) -> None:
    OutboundEmail.objects.filter(pk=email_id).exclude(status=OutboundEmail.Status.SENT).update(
        status=OutboundEmail.Status.FAILED, last_error=error[:2000]
    )
