"""In-app notifications and each person's choice of how to receive them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)

    def for_user(self, user) -> NotificationQuerySet:
        return self.filter(user=user)


class Notification(models.Model):
    """One message to one person, written in Korean and English when it was sent.

    ``key`` makes a sender safe to run twice (a daily task, a retried answer): one notification per
    person and key. ``emailed_at`` records the e-mail that went with it (``None``: none was due,
    or it is still to be sent by ``notifications.tasks.notification_emails_send``).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=40)
    #: Long enough for a reminder an instructor or HR typed (subject and text, ≤ 1,000 characters).
    message_ko = models.CharField(_("message (Korean)"), max_length=1500)
    message_en = models.CharField(_("message (English)"), max_length=1500)
    url = models.CharField(_("link"), max_length=500, blank=True)
    key = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    email_due = models.BooleanField(default=False)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Notification")
        verbose_name_plural = _("Notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="notification_user_recent"),
            models.Index(fields=["user"], condition=models.Q(read_at__isnull=True), name="notification_user_unread"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"], condition=~models.Q(key=""), name="notification_once_per_key"
            )
        ]

    def __str__(self) -> str:
        return self.message

    @property
    def message(self) -> str:
        """The message in the language of the current request (Korean unless English is active)."""
        return self.message_en if translation.get_language() == "en" and self.message_en else self.message_ko


class NotificationPreference(models.Model):
    """A person's choice for one kind; no row means the kind's default (``notifications.kinds``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind"), max_length=40)
    email = models.BooleanField(_("by e-mail"), default=True)

    class Meta:
        verbose_name = _("Notification preference")
        verbose_name_plural = _("Notification preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_once")]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.kind}"
