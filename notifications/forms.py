"""The preferences form: one e-mail checkbox per kind (``notifications.kinds``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .kinds import KINDS
from .services import email_choices

ALWAYS_NOTE = _("Always sent by e-mail: you need this message to take part.")


class PreferencesForm(forms.Form):
    """Every kind with its e-mail checkbox (staff-only kinds for staff only); a kind whose e-mail is not
    optional is checked and disabled."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = email_choices(user=user)
        staff = user.is_superuser or user.has_perm("wagtailadmin.access_admin")
        for key, spec in KINDS.items():
            if spec.staff_only and not staff:
                continue
            optional = spec.email_optional
            self.fields[key] = forms.BooleanField(
                label=spec.label,
                required=False,
                initial=chosen[key],
                disabled=not optional,
                help_text="" if optional else ALWAYS_NOTE,
            )

    def email_by_kind(self) -> dict[str, bool]:
        return {key: value for key, value in self.cleaned_data.items() if KINDS[key].email_optional}
