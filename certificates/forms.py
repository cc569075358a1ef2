"""Admin forms: a manager picks only their own institutes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.forms import InstituteModelForm

from .models import RevocationCategory


class CertificateTemplateForm(InstituteModelForm):
    """An institute the user manages; the logo, seal and signature images from its own collection."""


class RevokeForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Reason category"),
        choices=[("", "---------"), *RevocationCategory.choices],
        help_text=_("Shown to anyone who verifies the certificate."),
    )
    reason = forms.CharField(
        label=_("Reason for revocation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("For the institute's staff and the certificate's history; never shown to verifiers."),
    )


class ReissueForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for reissue"),
        required=False,
        max_length=2000,
        help_text=_("e.g. Name corrected. The code stays the same; the new PDF replaces the old one."),
    )
