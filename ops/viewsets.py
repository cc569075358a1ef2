"""Read-only admin screens for administrators only: the failed tasks, and the audit trail (감사 기록)
with the last verification of its chain."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from .models import AuditChainCheck, AuditEvent, FailedTask


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


class AuditIndexView(IndexView):
    """The trail, newest first, with the last verification of its chain above the list."""

    template_name = "ops/audit_event_index.html"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("actor", "subject_user")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["last_check"] = AuditChainCheck.objects.order_by("-ran_at", "-pk").first()
        return context


class AuditEventViewSet(ModelViewSet):
    """감사 기록 (DOMAIN-KR §1.10): read-only, administrators only; the database refuses edits anyway."""

    model = AuditEvent
    index_view_class = AuditIndexView
    icon = "history"
    menu_label = _("Audit trail")
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["at", "action", "actor", "subject_user", "object_type", "object_id", "reason"]
    list_filter = ["action", "object_type", "at"]
    search_fields = ["action", "object_type", "object_id", "reason"]
    inspect_view_fields = [
        "at",
        "action",
        "actor",
        "actor_address",
        "subject_user",
        "object_type",
        "object_id",
        "reason",
        "data",
        "prev_hash",
        "hash",
    ]

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]
