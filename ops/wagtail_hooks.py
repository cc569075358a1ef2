from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .privacy_review import user_may_review
from .privacy_views import PersonalDataReviewView
from .viewsets import AuditEventViewSet, FailedTaskViewSet


@hooks.register("register_admin_viewset")
def register_failed_task_viewset():
    return FailedTaskViewSet("failed_tasks")


@hooks.register("register_admin_viewset")
def register_audit_trail_viewset():
    return AuditEventViewSet("audit_trail")


@hooks.register("register_admin_urls")
def register_privacy_review_url():
    return [path("privacy/review/", PersonalDataReviewView.as_view(), name="privacy_review")]


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may_review(request.user)


@hooks.register("register_settings_menu_item")
def register_privacy_review_menu_item():
    return ReviewMenuItem(_("Personal data access review"), reverse("privacy_review"), icon_name="view", order=910)
