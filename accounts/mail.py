"""E-mail goes through the outbox: stored in the database, delivered by a Celery task."""

from __future__ import annotations

import re

from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils.translation import gettext as _


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


#: Links that work once or sign someone in: URL names and the arguments that carry the secret.
ONE_TIME_LINKS = (
    ("account_reset_password_from_key", ("uidb36", "key")),
    ("account_confirm_email", ("key",)),
    ("organisation_join", ("token",)),
)
_URL = re.compile(r"""https?://[^\s"'<>]+""")


def _one_time_paths() -> tuple[str, ...]:
    """The paths below which a link carries a secret (e.g. ``/accounts/password/reset/key/``)."""
    paths = []
    for name, arguments in ONE_TIME_LINKS:
        path = reverse(name, kwargs=dict.fromkeys(arguments, "SECRET"))
        paths.append(path[: path.index("SECRET")])
    return tuple(paths)


def redact_one_time_links(text: str) -> str:
    """``text`` with every password-reset, e-mail confirmation and invitation link replaced by a note."""
    if not text:
        return text
    paths = _one_time_paths()
    note = _("[one-time link removed after sending]")

    def replace(match: re.Match) -> str:
        url = match.group(0)
        path = "/" + url.split("://", 1)[1].partition("/")[2]
        return note if path.startswith(paths) else url

    return _URL.sub(replace, text)


# --------------------------------------------------------------------------------------------
# One form for every message: the subject prefix and an HTML part
# --------------------------------------------------------------------------------------------

_BRACKETED = re.compile(r"^\s*\[[^\]]*\]\s*")


def email_subject(subject: str) -> str:
    """``subject`` with the Academy's one prefix (``EMAIL_SUBJECT_PREFIX``, which allauth's
    ``ACCOUNT_EMAIL_SUBJECT_PREFIX`` equals), added once; line breaks folded."""
    from django.conf import settings

    prefix = settings.EMAIL_SUBJECT_PREFIX
    subject = " ".join(str(subject).split())
    if subject.startswith(prefix.strip()):
        return subject
    return prefix + subject


def email_html(*, subject: str, body: str) -> str:
    """The HTML part of a plain-text message: its paragraphs, each link alone on its line and
    clickable, the language separator as a rule."""
    from django.conf import settings
    from django.template.loader import render_to_string

    blocks = []
    for paragraph in re.split(r"\n\s*\n", body.strip()):
        text = paragraph.strip()
        if not text:
            continue
        if set(text) == {"-"}:
            blocks.append({"rule": True})
            continue
        lines = text.splitlines()
        if len(lines) == 1 and _URL.fullmatch(text):
            blocks.append({"link": text})
            continue
        # A link on its own line inside a paragraph becomes its own block, so it stays on its line.
        current: list[str] = []
        for line in lines:
            if _URL.fullmatch(line.strip()):
                if current:
                    blocks.append({"text": "\n".join(current)})
                    current = []
                blocks.append({"link": line.strip()})
            else:
                current.append(line)
        if current:
            blocks.append({"text": "\n".join(current)})
    return render_to_string(
        "accounts/email/message.html",
        {"subject": subject, "blocks": blocks, "site_name": str(settings.WAGTAIL_SITE_NAME)},
    )
