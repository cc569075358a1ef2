"""Institute set-up: the groups, media collection and review workflow a new institute gets, and its staff.

A new institute page is set up as it is created (``wagtail_hooks.set_up_new_institute``); other
apps add what their screens need through ``register_institute_setup_listener``.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import InstitutePage
from .permissions import forget_institute_roles

INSTRUCTOR_PAGE_PERMISSIONS = ("add", "change")
MANAGER_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
COLLECTION_PERMISSIONS = (
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
)


InstituteListener = Callable[[InstitutePage], None]
_institute_listeners: list[InstituteListener] = []


def register_institute_setup_listener(listener: InstituteListener) -> None:
    """Other apps give an institute's groups what they need (e.g. question banks, certificate
    templates) when ``institute_setup`` runs; listeners must be safe to run again."""
    if listener not in _institute_listeners:
        _institute_listeners.append(listener)


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def institute_setup(*, institute: InstitutePage) -> InstitutePage:
    """Give an institute its instructors and managers groups, media collection and review workflow.

    Instructors may add and edit pages in the institute's part of the tree and submit them for
    review; managers may also publish. Every change goes through the institute's workflow, in
    which a manager approves or rejects it. Safe to run again: existing pieces are kept.
    """
    institute = InstitutePage.objects.select_for_update().get(pk=institute.pk)
    name = institute.title
    access_admin = _permission("wagtailadmin", "access_admin")
    created_groups = {}
    # Group and workflow names are data shown to administrators: in Korean, whatever the language
    # of the request that created the institute.
    for attribute, label in (("instructors_group", "강사"), ("managers_group", "기관 관리자")):
        group = getattr(institute, attribute)
        if group is None:
            group_name = f"{name} · {label}"
            group, _created = Group.objects.get_or_create(name=group_name[:150])
            setattr(institute, attribute, group)
        group.permissions.add(access_admin)
        created_groups[attribute] = group
    instructors, managers = created_groups["instructors_group"], created_groups["managers_group"]

    for group, types in ((instructors, INSTRUCTOR_PAGE_PERMISSIONS), (managers, MANAGER_PAGE_PERMISSIONS)):
        for permission_type in types:
            permission = _permission("wagtailcore", f"{permission_type}_page")
            GroupPagePermission.objects.get_or_create(group=group, page=institute, permission=permission)

    if institute.collection is None:
        root = Collection.get_first_root_node()
        institute.collection = root.add_child(name=name)
    for group in (instructors, managers):
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=institute.collection, permission=_permission(app_label, codename)
            )

    workflow_page = WorkflowPage.objects.filter(page=institute).select_related("workflow").first()
    if workflow_page is None:
        workflow = Workflow.objects.create(name=f"{name} · 과정 검토"[:255], active=True)
        task = GroupApprovalTask.objects.create(name=f"{name} · 기관 관리자 승인"[:255], active=True)
        task.groups.set([managers])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(page=institute, workflow=workflow)

    InstitutePage.objects.filter(pk=institute.pk).update(
        instructors_group=instructors, managers_group=managers, collection=institute.collection
    )
    from pagecache.generation import bump_generation

    bump_generation()  # update() sends no signal; cached routes and course structures hold this page
    institute.refresh_from_db()
    for listener in _institute_listeners:
        listener(institute)
    return institute


def institute_add_staff(*, institute: InstitutePage, user, role: str) -> None:
    """Put a user in the institute's instructors (``role="instructor"``) or managers group."""
    group = institute.instructors_group if role == "instructor" else institute.managers_group
    if group is None:
        raise ValueError("Run institute_setup first.")
    user.groups.add(group)
    forget_institute_roles(user)
