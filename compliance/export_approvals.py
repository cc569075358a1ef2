"""Export approvals in the Wagtail admin (DOMAIN-KR §3.3 F3.2, F3.4): administrators record them.

The approval itself is decided outside the Academy (수출허가 by 산업부·DAPA, 비해당 판정 by
전략물자관리원); an administrator keeps its kind, number, scope, expiry and document here for one
person and one restricted course. The policy is Wagtail's model permissions, which no group holds:
administrators (superusers) only. Recording and changing are audited.
"""

from __future__ import annotations

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.widgets import UserEmailInput
from ops.audit import audit_record

from .models import ExportApproval

AUDIT_ACTION = "compliance.export_approval_saved"


def _audit(instance, user, created: bool) -> None:
    audit_record(
        action=AUDIT_ACTION,
        actor=user,
        subject_user=instance.user,
        obj=instance,
        data={
            "created": created,
            "course": instance.course_id,
            "kind": instance.kind,
            "number": instance.number,
            "valid_until": instance.valid_until.isoformat(),
        },
    )


class ExportApprovalCreateView(generic.CreateView):
    def save_instance(self):
        with transaction.atomic():
            instance = self.form.save(commit=False)
            instance.recorded_by = self.request.user
            instance.save()
            _audit(instance, self.request.user, True)
        return instance


class ExportApprovalEditView(generic.EditView):
    def save_instance(self):
        with transaction.atomic():
            instance = super().save_instance()
            _audit(instance, self.request.user, False)
        return instance


class ExportApprovalViewSet(ModelViewSet):
    model = ExportApproval
    icon = "doc-full"
    menu_label = _("Export approvals")
    add_to_settings_menu = True
    name = "export_approvals"
    url_prefix = "compliance/export-approvals"
    # A plain file input: the document is in private storage and has no URL to link to.
    panels = [
        FieldPanel("user", widget=UserEmailInput),
        FieldPanel("course"),
        FieldPanel("kind"),
        FieldPanel("number"),
        FieldPanel("scope"),
        FieldPanel("valid_until"),
        FieldPanel("evidence", widget=forms.FileInput),
    ]
    list_display = ["user", "course", "kind", "number", "valid_until"]
    search_fields = ["number", "user__email"]
    add_view_class = ExportApprovalCreateView
    edit_view_class = ExportApprovalEditView
    inspect_view_enabled = False
    copy_view_enabled = False
