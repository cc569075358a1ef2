from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses.completion import register_completion_listener, register_uncompletion_listener
        from courses.permissions import register_institute_policy

        from . import checks  # noqa: F401 - registers the system checks
        from .models import Certificate, CertificateTemplate
        from .services import on_enrolment_completed, on_enrolment_uncompleted

        # ``courses`` says an enrolment was completed; the certificate row is written in the same
        # transaction (courses never imports this app).
        register_completion_listener(on_enrolment_completed)
        # The verification log is an access log: destroyed 2 years on (compliance.retention).
        from .verification import register_retention

        register_retention()
        # …and that a completion was taken back: the certificate is revoked.
        register_uncompletion_listener(on_enrolment_uncompleted)

        # Templates: the institute's managers manage them; its instructors may only choose them
        # for their courses. Certificates: staff see their institute's, managers revoke and
        # reissue them (``change``); only issuance creates one.
        register_institute_policy(
            CertificateTemplate, institute_field="institute", manager_actions=("add", "change", "delete", "view")
        )
        register_institute_policy(
            Certificate,
            course_field="enrolment__run__course",
            manager_actions=("change", "delete"),
            no_staff_actions=("add", "delete"),
        )
