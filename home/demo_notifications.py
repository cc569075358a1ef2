"""The demo trainee's notifications (``data/notifications.json``): a read notice and a few unread ones.

``load_notifications_demo`` (called by ``load_demo_data``) writes them through ``notifications.notify``
with a key each (so running it twice changes nothing) and without e-mail; the bell then shows the
unread count. Read ones are marked read only when first written.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from accounts.models import User
from notifications import services
from notifications.models import Notification
from notifications.text import bilingual_lazy

from .demo import content


def load_notifications_demo() -> None:
    data = content.read("notifications")
    user = User.objects.filter(email__iexact=data["user"]).first()
    if user is None:
        return
    now = timezone.now()
    for row in data["notifications"]:
        written = services.notify(
            users=[user],
            kind=row["kind"],
            message=bilingual_lazy(row["ko"], row["en"]),
            url=row["url"],
            key=row["key"],
            email=False,
        )
        if not written:
            continue
        notification = Notification.objects.get(user=user, key=row["key"])
        Notification.objects.filter(pk=notification.pk).update(
            created_at=now - datetime.timedelta(hours=row["hours_ago"])
        )
        if row["read"]:
            services.mark_read(user=user, ids=[notification.pk])
