"""Admin forms: a manager picks only their own institutes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from courses.models import InstitutePage


class CertificateTemplateForm(WagtailAdminModelForm):
    """The institute field offers only the institutes the user manages (checked again on save)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .selectors import managed_institute_ids

        user = getattr(self, "for_user", None)
        allowed = managed_institute_ids(user) if user is not None else set()
        if "institute" in self.fields:
            self.fields["institute"].queryset = InstitutePage.objects.filter(pk__in=allowed).order_by("title")


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revocation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Shown to anyone who verifies the certificate."),
    )


class ReissueForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for reissue"),
        required=False,
        max_length=2000,
        help_text=_("e.g. Name corrected. The code stays the same; the new PDF replaces the old one."),
    )
