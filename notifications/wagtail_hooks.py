"""The staff's bell in the Wagtail admin: a menu item "알림" with the unread count."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .services import unread_count


class NotificationsMenuItem(MenuItem):
    """Links to the person's list (``/notifications/``); the label carries the cached unread count."""

    def render_component(self, request):
        component = super().render_component(request)
        count = unread_count(request.user)
        component.label = _("Notifications (%(count)s)") % {"count": count} if count else str(self.label)
        return component


@hooks.register("register_admin_menu_item")
def register_notifications_menu_item():
    return NotificationsMenuItem(
        gettext_lazy("Notifications"), reverse("notifications:list"), name="notifications", icon_name="mail", order=9000
    )
