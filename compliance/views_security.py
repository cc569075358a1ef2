"""The trainee's security-training page (``/learn/security-training/``): their status per
organisation and their external completions, with the form to submit one (DOMAIN-KR §3.3 F3.6)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, Organisation

from . import security_training as sec
from .forms_security import ExternalTrainingForm


@login_required
def security_training(request):
    """나의 보안교육: the status each organisation sees, the submissions and the form."""
    now = timezone.now()
    organisations = list(Organisation.objects.filter(memberships__user=request.user).order_by("name_ko"))
    form = ExternalTrainingForm(request.POST or None, request.FILES or None, organisations=organisations)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                sec.external_training_submit(
                    user=request.user,
                    organisation=data["organisation"],
                    title=data["title"],
                    provider=data["provider"],
                    provider_name=data["provider_name"],
                    completed_on=data["completed_on"],
                    upload=data["certificate"],
                    now=now,
                )
            except sec.SecurityTrainingError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Your training was submitted. Your HR will approve it."))
                return redirect("security_training")
        status = 400
    memberships = sec.with_training(Membership.objects.filter(user=request.user).select_related("organisation"))
    today = timezone.localdate(now)
    statuses = [
        (m.organisation, sec.status_of_membership(m, today=today))
        for m in memberships.order_by("organisation__name_ko")
    ]
    if not organisations:
        statuses = [(None, sec.security_training_status(user=request.user, organisation=None, now=now))]
    return render(
        request,
        "compliance/security_training/learn.html",
        {
            "statuses": statuses,
            "form": form if organisations else None,
            "trainings": sec.own_external_trainings(request.user),
        },
        status=status,
    )
