"""Forms of security-training tracking (보안교육, ``compliance.security_training``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ExternalTrainingProvider


class ExternalTrainingForm(forms.Form):
    """A member's external completion: which organisation's HR should approve it, what, when, and the
    certificate. The file's content and size are checked by the service."""

    organisation = forms.TypedChoiceField(label=_("Organisation (approved by its HR)"), coerce=str)
    title = forms.CharField(label=_("Training title"), max_length=200)
    provider = forms.ChoiceField(label=_("Provider"), choices=ExternalTrainingProvider.choices)
    provider_name = forms.CharField(
        label=_("Provider name"), max_length=120, required=False, help_text=_("Only for another provider.")
    )
    completed_on = forms.DateField(
        label=_("Completed on"), widget=forms.DateInput(attrs={"type": "date"}), help_text=_("As on the certificate.")
    )
    certificate = forms.FileField(
        label=_("Certificate (PDF, PNG or JPEG)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"}),
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.public_id): o for o in organisations}
        self.fields["organisation"].choices = [(key, str(o)) for key, o in self.organisations.items()]

    def clean_organisation(self):
        return self.organisations[self.cleaned_data["organisation"]]


class PolicyForm(forms.Form):
    """Months between trainings, one field per role (``Membership.Role``)."""

    def __init__(self, *args, roles=(), initial_months=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_months = initial_months or {}
        for value, label in roles:
            self.fields[f"months_{value}"] = forms.IntegerField(
                label=label, min_value=1, max_value=60, initial=initial_months.get(value)
            )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("reject", _("Reject"))])
    note = forms.CharField(
        label=_("Note to the member"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when you reject."),
    )
