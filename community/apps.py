from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """공지사항 (notices) and 질의응답 (questions and answers)."""

    name = "community"
    verbose_name = _("Notices and Q&A")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from courses.permissions import register_institute_policy
        from pagecache.generation import bump_generation

        from .models import Notice, Question

        # A notice of a course or run belongs to the course's institute; a site-wide notice has no
        # institute, so only administrators hold any permission on it.
        register_institute_policy(Notice, institute_field="institute")
        # Questions are asked on the learner's pages only (no one adds them in the admin); the
        # institute's staff read, answer and edit them; only its managers delete one.
        register_institute_policy(
            Question, course_field="course", manager_actions=("delete",), no_staff_actions=("add",)
        )

        # Cache invalidation, as ``pagecache`` does for pages: course pages cached for anonymous
        # visitors show the course's notices, so any saved or deleted notice starts a new
        # generation (a scheduled one also when it is announced, ``services.notice_announce``).
        post_save.connect(bump_generation, sender=Notice, dispatch_uid="community-notice-saved")
        post_delete.connect(bump_generation, sender=Notice, dispatch_uid="community-notice-deleted")
