"""The person's own notifications: the list, opening one, marking all read, and e-mail preferences."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .forms import PreferencesForm
from .links import safe_url
from .models import Notification

PAGE_SIZE = 20


@login_required
def notification_list(request):
    """알림: newest first, unread marked; each opens through ``notification_open`` (marks it read)."""
    paginator = Paginator(Notification.objects.for_user(request.user), PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/notification_list.html",
        {"page_obj": page_obj, "paginator": paginator, "notifications": page_obj.object_list},
    )


@login_required
@require_http_methods(["GET", "POST"])
def notification_open(request, notification_id: int):
    """Mark one of the person's own notifications read and go to its page (another's id: 404).

    A link that is not this site's own (``links.safe_url``) is never followed: the list is shown instead.
    """
    notification = Notification.objects.for_user(request.user).filter(pk=notification_id).first()
    if notification is None:
        raise Http404
    services.mark_read(user=request.user, ids=[notification.pk])
    return redirect(safe_url(notification.url, request) or "notifications:list")


@login_required
@require_POST
def notification_mark_all_read(request):
    changed = services.mark_read(user=request.user)
    if changed:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request):
    """Which kinds reach the person by e-mail (the app's list always receives every kind)."""
    form = PreferencesForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            services.preferences_set(user=request.user, email_by_kind=form.email_by_kind())
            messages.success(request, _("Your notification settings are saved."))
            return redirect("notifications:settings")
        return render(request, "notifications/notification_settings.html", {"form": form}, status=400)
    return render(request, "notifications/notification_settings.html", {"form": form})
