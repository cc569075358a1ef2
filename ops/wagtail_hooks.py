from wagtail import hooks

from .viewsets import AuditEventViewSet, FailedTaskViewSet


@hooks.register("register_admin_viewset")
def register_failed_task_viewset():
    return FailedTaskViewSet("failed_tasks")


@hooks.register("register_admin_viewset")
def register_audit_trail_viewset():
    return AuditEventViewSet("audit_trail")
