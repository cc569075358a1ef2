"""How the boards word things: a waiting question's age ("3일 전")."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import ngettext


def age_label(since: datetime.datetime | None, now: datetime.datetime | None = None) -> str:
    """How long ago ``since`` was, in whole days (hours, then minutes, within the first day)."""
    if since is None:
        return ""
    seconds = max(0, int(((now or timezone.now()) - since).total_seconds()))
    days, hours, minutes = seconds // 86400, seconds // 3600, seconds // 60
    if days:
        return ngettext("%(count)d day ago", "%(count)d days ago", days) % {"count": days}
    if hours:
        return ngettext("%(count)d hour ago", "%(count)d hours ago", hours) % {"count": hours}
    return ngettext("%(count)d minute ago", "%(count)d minutes ago", minutes) % {"count": minutes}
