from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses.completion import register_completion_listener

        from . import checks  # noqa: F401 - registers the system checks
        from .services import on_enrolment_completed

        # ``courses`` says an enrolment was completed; the certificate row is written in the same
        # transaction (courses never imports this app).
        register_completion_listener(on_enrolment_completed)
