from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses import completion, services

        from .selectors import assessment_requirements
        from .services import grant_authoring_permissions

        completion.register_requirement_provider(assessment_requirements)
        services.register_institute_setup_listener(grant_authoring_permissions)
