"""The nationality question of restricted courses (DOMAIN-KR §3.3 F3.4): ``/learn/restricted/nationality/``.

Asked (required) when a person enrols in or opens a restricted course without a nationality on
record or without the restricted-course notice agreed; the answer is kept with the notice's consent
row (``accounts.services.nationality_record``) and the person returns to the page they came from.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from accounts import services as account_services
from accounts.policies import RESTRICTED_NOTICE
from ops.requestcontext import current_client

#: The nationalities offered first (ISO 3166 alpha-2); any other is typed as its two-letter code.
COMMON_NATIONALITIES = [
    ("KR", _("Republic of Korea")),
    ("US", _("United States")),
    ("VN", _("Viet Nam")),
    ("CN", _("China")),
    ("JP", _("Japan")),
    ("PH", _("Philippines")),
    ("ID", _("Indonesia")),
    ("IN", _("India")),
    ("UZ", _("Uzbekistan")),
    ("OTHER", _("Other (type the two-letter code below)")),
]


class NationalityForm(forms.Form):
    nationality = forms.ChoiceField(label=_("Nationality"), choices=[("", "---------"), *COMMON_NATIONALITIES])
    other = forms.RegexField(
        label=_("Other nationality (ISO 3166 two-letter code, e.g. TH)"),
        regex=r"^[A-Za-z]{2}$",
        required=False,
        max_length=2,
        error_messages={"invalid": _("Type a two-letter country code, e.g. TH.")},
    )
    notice = forms.BooleanField(label=_("I have read the notice and agree."), required=True)

    def clean(self):
        data = super().clean()
        if data.get("nationality") == "OTHER":
            if not data.get("other"):
                self.add_error("other", _("Type the two-letter code of your nationality."))
            else:
                data["code"] = data["other"].upper()
        elif data.get("nationality"):
            data["code"] = data["nationality"]
        return data


@login_required
def nationality(request):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=False):
        next_url = ""
    initial = {}
    if request.user.nationality:
        known = {code for code, _label in COMMON_NATIONALITIES}
        if request.user.nationality in known:
            initial["nationality"] = request.user.nationality
        else:
            initial = {"nationality": "OTHER", "other": request.user.nationality}
    form = NationalityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            account_services.nationality_record(
                user=request.user,
                nationality=form.cleaned_data["code"],
                notice_agreed=form.cleaned_data["notice"],
                ip=current_client().address or None,
            )
        except account_services.ProtectionError as error:
            form.add_error("nationality", str(error))
        else:
            return redirect(next_url or "/learn/")
    return render(
        request,
        "compliance/restricted_nationality.html",
        {"form": form, "next": next_url, "notice": RESTRICTED_NOTICE},
        status=400 if request.method == "POST" else 200,
    )
