"""The history of institute-owned objects, kept apart so that each institute reads only its own.

Wagtail writes every create, edit and delete of a model to a log entry model; its generic
``ModelLogEntry`` shows a user every entry of a model they have any permission for, so the
site-history report would show one institute's instructors another's activity. The models with an
institute policy (``courses.permissions.register_institute_policy``) log here instead, with the
owning institute stamped on each entry when it is written (so the history of a deleted object
stays with its institute), and a user reads the entries of the institutes whose policy lets them
see that model.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseLogEntry
from wagtail.models.audit_log import ModelLogEntryManager


class InstituteLogEntryManager(ModelLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        from ..permissions import InstitutePermissionPolicy, policy_for

        policy = policy_for(type(instance))
        if isinstance(policy, InstitutePermissionPolicy):
            kwargs.setdefault("institute_id", policy.owner_institute_id(instance))
        return super().log_action(instance, action, **kwargs)

    def viewable_by_user(self, user):
        from ..permissions import InstitutePermissionPolicy, institute_models, policy_for

        if user.is_superuser:
            return self.all()
        condition = Q(pk__in=[])
        for model in institute_models():
            policy = policy_for(model)
            if not isinstance(policy, InstitutePermissionPolicy):
                continue
            institutes = policy.institutes_for(user, ["view", "change", "delete"])
            if institutes:
                condition |= Q(
                    content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
                    institute_id__in=[role.institute_id for role in institutes],
                )
        return self.filter(condition)


class InstituteLogEntry(BaseLogEntry):
    object_id = models.CharField(max_length=255, db_index=True)
    institute = models.ForeignKey(
        "courses.InstitutePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = InstituteLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("institute log entry")
        verbose_name_plural = _("institute log entries")
