"""The failed tasks in the Wagtail admin: a read-only list and detail, for administrators only."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from .models import FailedTask


class SuperuserReadOnlyPolicy(BasePermissionPolicy):
    """Administrators (superusers) may look; nobody may add, change or delete a record."""

    READ = {"view", "inspect"}

    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser and action in self.READ)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        users = get_user_model().objects.filter(is_active=True, is_superuser=True)
        return users if self.READ & set(actions) else users.none()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.READ & set(actions) and user.is_active and user.is_superuser:
            return self.model._default_manager.all()
        return self.model._default_manager.none()


class FailedTaskViewSet(ModelViewSet):
    model = FailedTask
    icon = "warning"
    menu_label = _("Failed tasks")
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["task_name", "exception", "retries", "request_id", "failed_at"]
    list_filter = ["task_name"]
    search_fields = ["task_name", "task_id", "request_id", "exception"]
    inspect_view_fields = [
        "task_name",
        "task_id",
        "args",
        "exception",
        "retries",
        "request_id",
        "worker",
        "failed_at",
        "traceback",
    ]

    def get_urlpatterns(self):
        # Read-only: the list, its results and the detail; no add, edit, delete, history or usage.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]
