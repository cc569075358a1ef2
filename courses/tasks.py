"""Background work of the course domain: telling trainees what happened to their enrolment."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from common.mail import bilingual_body

from .models import EnrolmentEvent


@shared_task(autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def enrolment_notify(event_id: int) -> bool:
    """E-mail the trainee about one change of their enrolment (in Korean, then English).

    Safe to run twice: the e-mail goes through the outbox, and a second run for the same event
    finds it already marked as notified.
    """
    updated = EnrolmentEvent.objects.filter(pk=event_id, notified_at__isnull=True).update(notified_at=timezone.now())
    if not updated:
        return False
    event = EnrolmentEvent.objects.select_related("enrolment__user", "enrolment__run__course").get(pk=event_id)
    enrolment = event.enrolment
    body = bilingual_body(
        "courses/email/enrolment_status.txt",
        {
            "event": event,
            "enrolment": enrolment,
            "course": enrolment.run.course,
            "run": enrolment.run,
            "base_url": settings.WAGTAILADMIN_BASE_URL,
        },
    )
    with translation.override("ko"):
        subject = render_to_string("courses/email/enrolment_status_subject.txt", {"event": event, "run": enrolment.run})
    send_mail(" ".join(subject.split()), body, None, [enrolment.user.email])
    return True


@shared_task(acks_late=True)
def run_ending_notices_task() -> int:
    """Daily (beat ``courses-run-ending-notices``): 훈련기간 ending in 3 days, once per trainee and run."""
    from .notices import run_ending_notices_send

    return run_ending_notices_send()


@shared_task(autoretry_for=(OSError,), retry_backoff=30, max_retries=3)
def video_probe(document_id: int) -> str:
    """Read an uploaded video's length, size and codecs with ffprobe and cut its poster frame
    (``services.video_probe_record``; safe to run twice)."""
    from .services import video_probe_record

    return video_probe_record(document_id=document_id)
