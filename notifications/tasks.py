from celery import shared_task

from . import services


@shared_task(name="notifications.tasks.notification_emails_send")
def notification_emails_send() -> int:
    """Send every notification e-mail that is due (``services.emails_send``), in batches."""
    total = 0
    while handled := services.emails_send():
        total += handled
    return total
