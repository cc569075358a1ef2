from celery import shared_task

from . import services


@shared_task(name="community.tasks.notice_announce_task", autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def notice_announce_task(notice_id: int) -> int:
    """Notify the people a published notice concerns (``services.notice_announce``; safe twice)."""
    return services.notice_announce(notice_id=notice_id)


@shared_task(name="community.tasks.notices_announce_due_task")
def notices_announce_due_task() -> int:
    """Scheduled notices whose time has come (and any whose task never reached the broker)."""
    return sum(services.notice_announce(notice_id=pk) for pk in services.notices_due())
