"""Who may do what with an institute's things: the one permission model of the Academy.

Everything that belongs to an institute (its pages, question banks, questions, practical
assessments, runs, certificate templates, certificates, and the images and documents in its
collection) is answered by one institute-aware Wagtail permission policy per model, registered
with :func:`wagtail.permissions.register_permission_policy`, so every view Wagtail generates asks
the same question: index, edit, copy, delete, history, usage, inspect, bulk actions, choosers and
their ``chosen/`` endpoints, and the site-history report.

- **Pages** keep Wagtail's page policy: the institute's groups hold page permissions on the
  institute page only (``courses.institutes.institute_setup``).
- **Images and documents** keep Wagtail's collection policies: the institute's groups hold
  permissions on the institute's collection only.
- **Everything else** an institute owns uses :class:`InstitutePermissionPolicy`, which reads the
  owning institute from a foreign key (``institute_field``) or from a course's place in the page
  tree (``course_field``).

Roles: an institute's *staff* are the members of its instructors or managers group; some actions
(``manager_actions``) need its managers group. Administrators (superusers) may do everything.
A user's roles are read once per user object (two queries) and kept on it for the request.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

STAFF = "staff"
MANAGER = "manager"

#: The actions an institute-owned object knows, as Wagtail names them.
ALL_ACTIONS = frozenset({"add", "change", "delete", "view", "choose"})


@dataclass(frozen=True)
class InstituteRole:
    institute_id: int
    path: str
    manager: bool


_ROLES_ATTRIBUTE = "_academy_institute_roles"


def institute_roles(user) -> dict[int, InstituteRole]:
    """The institutes the user works for, by id, with their tree path and whether they manage it."""
    if user is None or not user.is_authenticated:
        return {}
    cached = getattr(user, _ROLES_ATTRIBUTE, None)
    if cached is not None:
        return cached
    from .models import InstitutePage

    group_ids = set(user.groups.values_list("id", flat=True))
    roles: dict[int, InstituteRole] = {}
    if group_ids:
        for pk, path, managers in InstitutePage.objects.filter(
            Q(instructors_group_id__in=group_ids) | Q(managers_group_id__in=group_ids)
        ).values_list("pk", "path", "managers_group_id"):
            roles[pk] = InstituteRole(institute_id=pk, path=path, manager=managers in group_ids)
    setattr(user, _ROLES_ATTRIBUTE, roles)
    return roles


def forget_institute_roles(user) -> None:
    """Read the user's roles afresh next time (after their groups changed)."""
    if hasattr(user, _ROLES_ATTRIBUTE):
        delattr(user, _ROLES_ATTRIBUTE)


def staff_institute_ids(user) -> set[int]:
    """Ids of the institutes whose instructors or managers group the user belongs to."""
    return set(institute_roles(user))


def managed_institute_ids(user) -> set[int]:
    """Ids of the institutes the user manages (every institute for administrators)."""
    if user is not None and user.is_authenticated and user.is_superuser:
        from .models import InstitutePage

        return set(InstitutePage.objects.values_list("pk", flat=True))
    return {pk for pk, role in institute_roles(user).items() if role.manager}


def is_institute_staff(user) -> bool:
    """Administrators and anyone on an institute's staff: who sees the institutes' admin screens."""
    return bool(user is not None and user.is_authenticated and (user.is_superuser or institute_roles(user)))


def user_is_institute_staff(*, user, institute) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return user.is_superuser or institute.pk in institute_roles(user)


def user_is_institute_manager(*, user, institute) -> bool:
    if user is None or not user.is_authenticated:
        return False
    role = institute_roles(user).get(institute.pk)
    return user.is_superuser or (role is not None and role.manager)


def under_paths(paths, *, field: str = "path") -> Q:
    """Rows whose page-tree ``field`` lies at or below one of ``paths`` (no paths: no row).

    The one way to scope by the page tree: an institute's or a course's pages are those whose path
    starts with its own."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def staff_tree_scope(user, *, field: str = "path") -> Q | None:
    """Rows in the part of the page tree of the institutes the user works for (None: every row,
    for administrators)."""
    if user is not None and user.is_authenticated and user.is_superuser:
        return None
    return under_paths([role.path for role in institute_roles(user).values()], field=field)


def institute_for_path(user, path: str) -> InstituteRole | None:
    """The user's role in the institute whose part of the tree holds ``path`` (None: not theirs)."""
    return next((role for role in institute_roles(user).values() if path.startswith(role.path)), None)


def institute_of_collection(collection_id: int | None):
    """The institute whose collection (or a collection inside it) holds ``collection_id``."""
    from wagtail.models import Collection

    from .models import InstitutePage

    if collection_id is None:
        return None
    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is None:
        return None
    ancestors = Collection.objects.filter(path__in=[collection.path[:n] for n in range(0, len(collection.path) + 1, 4)])
    return InstitutePage.objects.filter(collection__in=ancestors).order_by("-collection__depth").first()


# --------------------------------------------------------------------------------------------
# The policy
# --------------------------------------------------------------------------------------------


class InstitutePermissionPolicy(BasePermissionPolicy):
    """Staff of the owning institute may act on an object; managers alone on ``manager_actions``.

    Give exactly one way to the owning institute:

    - ``institute_field``: a lookup to a ``ForeignKey`` to ``InstitutePage`` (``"institute"``,
      ``"bank__institute"``);
    - ``course_field``: a lookup to a ``CoursePage`` (``"course"``, ``"enrolment__run__course"``);
      the institute is the one whose part of the page tree holds the course.

    ``no_staff_actions`` are actions no institute role grants (only administrators), e.g. adding
    certificates, which only issuance creates.
    """

    def __init__(
        self,
        model,
        *,
        institute_field: str | None = None,
        course_field: str | None = None,
        manager_actions=(),
        no_staff_actions=(),
    ):
        super().__init__(model)
        if (institute_field is None) == (course_field is None):
            raise ValueError("Give exactly one of institute_field and course_field.")
        self.institute_field = institute_field
        self.course_field = course_field
        self.manager_actions = frozenset(manager_actions)
        self.no_staff_actions = frozenset(no_staff_actions)

    # -- which institutes grant an action -------------------------------------------------

    def _grants(self, role: InstituteRole, action: str) -> bool:
        if action in self.no_staff_actions:
            return False
        return role.manager or action not in self.manager_actions

    def institutes_for(self, user, actions) -> list[InstituteRole]:
        return [
            role for role in institute_roles(user).values() if any(self._grants(role, action) for action in actions)
        ]

    def _is_admin(self, user) -> bool:
        return bool(user is not None and user.is_active and user.is_authenticated and user.is_superuser)

    # -- the owning institute of an instance ------------------------------------------------

    def _follow(self, instance, lookup: str):
        value = instance
        for name in lookup.split("__"):
            if value is None:
                return None
            value = getattr(value, name, None)
        return value

    def institute_role_of(self, user, instance) -> InstituteRole | None:
        """The user's role in the institute that owns ``instance`` (None: not one of theirs)."""
        roles = institute_roles(user)
        if self.institute_field is not None:
            return roles.get(self.owner_institute_id(instance))
        course = self._follow(instance, self.course_field)
        if course is None:
            return None
        return next((role for role in roles.values() if course.path.startswith(role.path)), None)

    def owner_institute_id(self, instance) -> int | None:
        """The id of the institute that owns ``instance``, whoever asks (one query at most)."""
        from .models import InstitutePage

        if self.institute_field is not None:
            *path, last = self.institute_field.split("__")
            holder = self._follow(instance, "__".join(path)) if path else instance
            return getattr(holder, f"{last}_id", None) if holder is not None else None
        course = self._follow(instance, self.course_field)
        if course is None:
            return None
        return InstitutePage.objects.filter(path=course.path[: -course.steplen]).values_list("pk", flat=True).first()

    def institute_filter(self, roles: list[InstituteRole]) -> Q:
        """Rows owned by the given institutes."""
        if not roles:
            return Q(pk__in=[])
        if self.institute_field is not None:
            return Q(**{f"{self.institute_field}_id__in": [role.institute_id for role in roles]})
        return under_paths([role.path for role in roles], field=f"{self.course_field}__path")

    # -- Wagtail's interface -----------------------------------------------------------------

    def user_has_permission(self, user, action):
        if self._is_admin(user):
            return True
        if user is None or not user.is_active:
            return False
        return bool(self.institutes_for(user, [action]))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if self._is_admin(user):
            return True
        if user is None or not user.is_active:
            return False
        role = self.institute_role_of(user, instance)
        return role is not None and self._grants(role, action)

    def instances_user_has_any_permission_for(self, user, actions):
        manager = self.model._default_manager
        if self._is_admin(user):
            return manager.all()
        if user is None or not user.is_active:
            return manager.none()
        roles = self.institutes_for(user, actions)
        return manager.filter(self.institute_filter(roles)) if roles else manager.none()

    def users_with_any_permission(self, actions):
        from .models import InstitutePage

        for_managers = any(action not in self.no_staff_actions for action in actions)
        for_instructors = any(action not in self.manager_actions | self.no_staff_actions for action in actions)
        groups = set()
        for instructors, managers in InstitutePage.objects.values_list("instructors_group_id", "managers_group_id"):
            if for_managers:
                groups.add(managers)
            if for_instructors:
                groups.add(instructors)
        groups.discard(None)
        return (
            get_user_model()
            ._default_manager.filter(Q(is_superuser=True) | Q(groups__in=groups), is_active=True)
            .distinct()
        )


#: Models registered with an institute policy, in registration order (the site-history report,
#: the chooser and bulk-action scoping and the permission test matrix read this).
_institute_models: list = []


def register_institute_policy(model, **options) -> InstitutePermissionPolicy:
    """Register the institute policy of an institute-owned model with Wagtail (once, at start-up)."""
    policy = InstitutePermissionPolicy(model, **options)
    register_permission_policy(model, policy)
    if model not in _institute_models:
        _institute_models.append(model)
    return policy


def institute_models() -> list:
    return list(_institute_models)


def permitted_instances(user, model, actions):
    """The objects of ``model`` the user holds any of ``actions`` on, under the model's policy
    (ours, or Wagtail's collection policy for images and documents). Every admin listing, chooser
    and API endpoint of an institute-owned model is narrowed by it."""
    return policy_for(model).instances_user_has_any_permission_for(user, list(actions))


def policy_for(model) -> BasePermissionPolicy:
    """The permission policy Wagtail uses for ``model`` (ours, Wagtail's page or collection one)."""
    from wagtail.permissions import policy_registry

    return policy_registry.get_by_type(model)
