from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .models import CourseRun
        from .permissions import register_institute_policy

        register_institute_policy(CourseRun, course_field="course")

        from django.db.models.signals import post_save
        from wagtail.documents import get_document_model

        from .labels import save_pending_document_label

        post_save.connect(save_pending_document_label, sender=get_document_model(), dispatch_uid="document_label")

        from .video import queue_video_probe

        post_save.connect(queue_video_probe, sender=get_document_model(), dispatch_uid="video_probe")
