"""The fake 휴대폰 본인확인 provider's window (development, tests, the demo; 404 elsewhere).

It plays the provider's part of the phone route: the trainee "verifies" a name and birth date
(prefilled with the account's; change them to see a refusal) and is sent back to the Academy's
completion page, which reads the result like the real one's.
"""

from __future__ import annotations

import datetime
import secrets

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from .backends import FakeBackend
from .base import challenge_save, challenge_state
from .routes import fake_phone_enabled


class FakeVerificationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=60)
    birth_date = forms.DateField(label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date"}))
    phone = forms.CharField(label=_("Mobile phone"), max_length=20, required=False)


@login_required
def fake_provider(request, challenge_id: str):
    if not fake_phone_enabled():
        raise Http404
    state = challenge_state(challenge_id, user=request.user, backend=FakeBackend.key)
    return_url = request.GET.get("return_url", "")
    if state is None or not url_has_allowed_host_and_scheme(return_url, allowed_hosts={request.get_host()}):
        raise Http404
    user = request.user
    if request.method == "POST":
        form = FakeVerificationForm(request.POST)
        if form.is_valid():
            now = timezone.now().isoformat()
            state.data["verification"] = {
                "status": "VERIFIED",
                "id": f"fake-{secrets.token_hex(6)}",
                "pgTxId": f"fake-{secrets.token_hex(8)}",
                "requestedAt": now,
                "verifiedAt": now,
                "verifiedCustomer": {
                    "name": form.cleaned_data["name"],
                    "birthDate": form.cleaned_data["birth_date"].isoformat(),
                    "phoneNumber": form.cleaned_data["phone"],
                    "isForeigner": False,
                    "ci": f"fake-ci-{user.pk}",
                },
            }
            challenge_save(challenge_id, state)
            return redirect(return_url)
    else:
        form = FakeVerificationForm(
            initial={
                "name": user.name_ko,
                "birth_date": user.birth_date or datetime.date(1990, 1, 1),
                "phone": user.mobile_phone,
            }
        )
    return render(request, "accounts/identity_fake_provider.html", {"form": form})
