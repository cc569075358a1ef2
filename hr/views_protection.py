"""The deletion attestation of an organisation whose agreement ended (DOMAIN-KR §3.3 F3.8).

When the agreement ends (``accounts.services.organisation_agreement_end``) a pending
``DeletionAttestation`` waits here, and the HR home shows a banner, until one of the
organisation's HR staff files it: a statement of what was returned or deleted and the confirmation
(audited). Only the organisation's own HR staff see or file it.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import services as account_services
from accounts.models import DeletionAttestation

from .views import _organisation


class AttestationForm(forms.Form):
    statement = forms.CharField(
        label=gettext_lazy("What was returned or deleted"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        help_text=gettext_lazy("e.g. course notes and downloaded documents on 3 PCs deleted on 2026-12-02"),
    )
    confirmed = forms.BooleanField(
        label=gettext_lazy("I confirm that the organisation keeps no copy of the Academy's restricted material."),
        required=True,
    )


def pending_attestations(organisation):
    return DeletionAttestation.objects.pending().filter(organisation=organisation)


@login_required
def attestations(request):
    organisation = _organisation(request)
    rows = DeletionAttestation.objects.filter(organisation=organisation).select_related("filed_by")
    return render(request, "hr/attestations.html", {"organisation": organisation, "attestations": rows})


@login_required
def attestation_file(request, attestation_id):
    organisation = _organisation(request)
    attestation = get_object_or_404(pending_attestations(organisation), pk=attestation_id)
    form = AttestationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account_services.deletion_attestation_file(
                attestation=attestation,
                actor=request.user,
                statement=form.cleaned_data["statement"],
                confirmed=form.cleaned_data["confirmed"],
            )
        except account_services.ProtectionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The deletion attestation is filed."))
            return redirect(f"/hr/attestations/?org={organisation.public_id}")
    return render(
        request,
        "hr/attestation_file.html",
        {"organisation": organisation, "attestation": attestation, "form": form},
        status=400 if request.method == "POST" else 200,
    )
