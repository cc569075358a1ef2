from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ops"
    verbose_name = _("Operations")

    def ready(self):
        from celery import signals
        from wagtail.permissions import register_permission_policy

        from . import services
        from .models import AuditEvent, FailedTask
        from .viewsets import SuperuserReadOnlyPolicy

        register_permission_policy(FailedTask, SuperuserReadOnlyPolicy(FailedTask))
        register_permission_policy(AuditEvent, SuperuserReadOnlyPolicy(AuditEvent))

        from . import privacy

        privacy.register_retention()  # the access log: ACADEMY_RETENTION_YEARS["access_logs"]

        # weak=False: the receiver is a module-level function, but say it plainly.
        signals.task_failure.connect(services.on_task_failure, weak=False, dispatch_uid="ops.dead_letter")
