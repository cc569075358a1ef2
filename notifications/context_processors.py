"""The bell in the header: the unread count, read only by a page that shows it."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject


def bell(request):
    """``notification_unread``: the signed-in person's unread count (cached in ``services.unread_count``).

    Lazy, so a page that never shows the bell (an anonymous page, a JSON answer) never asks for it;
    a signed-in page reads it from the cache and costs one query only when the cache has no count.
    """

    def count() -> int:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return 0
        from .services import unread_count

        return unread_count(user)

    return {"notification_unread": SimpleLazyObject(count)}
