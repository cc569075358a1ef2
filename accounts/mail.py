"""E-mail goes through the outbox: stored in the database, delivered by a Celery task."""

from django.core.mail.backends.base import BaseEmailBackend


class QueuedEmailBackend(BaseEmailBackend):
    """Store each message as an ``OutboundEmail`` and deliver it from the worker after commit.

    The backend that really talks to the mail server is ``ACADEMY_EMAIL_DELIVERY_BACKEND``.
    """

    def send_messages(self, email_messages) -> int:
        from .services import email_enqueue

        count = 0
        for message in email_messages:
            email_enqueue(message=message)
            count += 1
        return count
