from wagtail import hooks

from .viewsets import FailedTaskViewSet


@hooks.register("register_admin_viewset")
def register_failed_task_viewset():
    return FailedTaskViewSet("failed_tasks")
