"""Sending notifications: one call, in the sender's transaction; e-mail follows after commit.

``notify(users=..., kind=..., message=..., url=...)`` is the one way any app tells people
something. ``message`` is a lazy translation (``gettext_lazy`` or ``format_lazy``) and is written
down in Korean and in English at once, so a person reads it in the language they use when they
open the list. E-mail goes to those whose preference for the kind says so (or always, for a kind
whose e-mail is not optional) from a Celery task after the transaction commits, so the sender never
waits on mail and a rolled-back action sends nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation

from .kinds import KINDS
from .models import Notification, NotificationPreference

logger = logging.getLogger(__name__)

UNREAD_CACHE_SECONDS = 300


def _user_id(user) -> int:
    return user if isinstance(user, int) else user.pk


def _unread_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def _render(message, language: str) -> str:
    with translation.override(language):
        return str(message)[:1500]


def email_wanted(*, user_ids: Iterable[int], kind: str) -> set[int]:
    """Of ``user_ids``, those who get ``kind`` by e-mail (their preference, else the kind's default)."""
    spec = KINDS[kind]
    ids = set(user_ids)
    if not spec.email_optional:
        return ids
    chosen = dict(NotificationPreference.objects.filter(user_id__in=ids, kind=kind).values_list("user_id", "email"))
    return {uid for uid in ids if chosen.get(uid, spec.email_default)}


def email_choices(*, user) -> dict[str, bool]:
    """Each kind's e-mail setting for ``user`` as the preferences page shows it (one query)."""
    chosen = dict(NotificationPreference.objects.filter(user_id=_user_id(user)).values_list("kind", "email"))
    return {key: (chosen.get(key, spec.email_default) if spec.email_optional else True) for key, spec in KINDS.items()}


def _forget_unread(user_ids: list[int]) -> None:
    """Clear the cached counts now and again when the transaction commits.

    Clearing only now left a stale count for ``UNREAD_CACHE_SECONDS``: a page read in between (by
    another request, before this transaction committed) cached the old count again.
    """
    keys = [_unread_key(uid) for uid in user_ids]
    _cache_delete(keys)
    transaction.on_commit(lambda: _cache_delete(keys))


def _cache_delete(keys: list[str]) -> None:
    """Clear cached counts; a cache that is down is logged, never raised (a completion or an answer
    must not fail because Redis is away; the count is at most ``UNREAD_CACHE_SECONDS`` old)."""
    try:
        cache.delete_many(keys)
    except Exception:  # noqa: BLE001 — any cache client error (connection refused, timeout)
        logger.warning("notifications: could not clear %d unread counts: cache unreachable", len(keys), exc_info=True)


def _emails_enqueue() -> None:
    """Ask the worker to send the due e-mails; a broker that is down is logged, never raised: the
    rows are committed and the five-minute sweep (``notifications-email-sweep``) sends them."""
    from .tasks import notification_emails_send

    try:
        notification_emails_send.apply_async(
            retry=True,
            retry_policy={"max_retries": 1, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5},
        )
    except Exception:  # noqa: BLE001 — the broker's errors vary with the transport
        logger.warning("notifications: could not enqueue the e-mails; the sweep will", exc_info=True)


def notify(*, users: Iterable, kind: str, message, url: str = "", key: str = "", email: bool = True) -> int:
    """Tell each of ``users`` (users or ids) ``message``; returns how many notifications were written.

    ``key`` (e.g. ``"run-ending:<run id>"``) makes the call safe to repeat: a person who already has
    a notification with that key is skipped. ``email=False`` records the notification in the app
    only (for a sender that already sent its own e-mail, such as the certificate's PDF).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown notification kind {kind!r}")
    user_ids = list(dict.fromkeys(_user_id(u) for u in users))
    if not user_ids:
        return 0
    if key:
        done = set(Notification.objects.filter(user_id__in=user_ids, key=key).values_list("user_id", flat=True))
        user_ids = [uid for uid in user_ids if uid not in done]
    if not user_ids:
        return 0
    by_email = email_wanted(user_ids=user_ids, kind=kind) if email else set()
    message_ko, message_en = _render(message, "ko"), _render(message, "en")
    now = timezone.now()
    created = Notification.objects.bulk_create(
        [
            Notification(
                user_id=uid,
                kind=kind,
                message_ko=message_ko,
                message_en=message_en,
                url=url[:500],
                key=key[:120],
                created_at=now,
                email_due=uid in by_email,
            )
            for uid in user_ids
        ],
        ignore_conflicts=bool(key),  # a concurrent run of the same sender wrote it first
    )
    _forget_unread(user_ids)
    if by_email:
        transaction.on_commit(_emails_enqueue)
    return len(created)


def unread_count(user) -> int:
    """How many of ``user``'s notifications are unread (cached; every change clears it)."""
    uid = _user_id(user)
    try:
        count = cache.get(_unread_key(uid))
    except Exception:  # noqa: BLE001 — a cache that is down: count in the database
        logger.warning("notifications: unread count not cached: cache unreachable", exc_info=True)
        return Notification.objects.filter(user_id=uid).unread().count()
    if count is None:
        count = Notification.objects.filter(user_id=uid).unread().count()
        try:
            cache.set(_unread_key(uid), count, UNREAD_CACHE_SECONDS)
        except Exception:  # noqa: BLE001
            logger.warning("notifications: unread count not cached: cache unreachable", exc_info=True)
    return count


def mark_read(*, user, ids: Iterable[int] | None = None) -> int:
    """Mark ``user``'s notifications read (those in ``ids``, or all); returns how many changed."""
    uid = _user_id(user)
    rows = Notification.objects.filter(user_id=uid).unread()
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    changed = rows.update(read_at=timezone.now())
    _forget_unread([uid])
    return changed


def preferences_set(*, user, email_by_kind: dict[str, bool]) -> None:
    """Store ``user``'s e-mail choice per kind; kinds whose e-mail is not optional are ignored."""
    uid = _user_id(user)
    with transaction.atomic():
        for key, wanted in email_by_kind.items():
            if key in KINDS and KINDS[key].email_optional:
                NotificationPreference.objects.update_or_create(user_id=uid, kind=key, defaults={"email": bool(wanted)})


def emails_send(*, limit: int = 500) -> int:
    """Send the e-mail of notifications that are due one (at most ``limit``); safe to run twice.

    Returns how many notifications it handled (sent, or skipped for an inactive or address-less
    person); 0 means nothing is left.

    Each row is claimed under ``select_for_update(skip_locked=True)`` and marked sent in the same
    transaction as the message is put in the outbox (``accounts.mail``), so two workers never send
    the same notification twice.
    """
    from django.conf import settings
    from django.core.mail import EmailMessage

    from common.mail import bilingual_body

    with transaction.atomic():
        rows = list(
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("user")
            .filter(email_due=True, emailed_at__isnull=True)
            .order_by("pk")[:limit]
        )
        now = timezone.now()
        base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
        for row in rows:
            if row.user.email and row.user.is_active:
                link = row.url if row.url.startswith("http") else (base + row.url if row.url else "")
                body = bilingual_body(
                    "notifications/email/notification.txt",
                    {"link": link},
                    per_language=lambda language, row=row: {
                        "message": row.message_en if language == "en" else row.message_ko
                    },
                )
                # A subject is one line: a message typed with line breaks (a reminder) must not break the
                # header (BadHeaderError would fail the whole batch); the body keeps the text as written.
                subject = " ".join(row.message_ko.split())[:150]
                EmailMessage(subject=subject, body=body, to=[row.user.email]).send()
            row.emailed_at = now
        Notification.objects.bulk_update(rows, ["emailed_at"])
    return len(rows)
