"""The trainee's pledge pages under ``/learn/pledge/`` (``compliance.pledges`` does the work).

Signing needs a passed step-up check: without one the page shows the text and a link to the
identity page, which comes back here; a POST without one is sent there too and signs nothing.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from courses.models import InstitutePage

from . import pledges
from .models import ExitPledge, PledgeKind, PledgeSignature
from .stepup import step_up_recent, step_up_url


class PledgeSignForm(forms.Form):
    typed_name = forms.CharField(
        label=gettext_lazy("Your name"),
        max_length=120,
        help_text=gettext_lazy("Type your name as it is on your account, in Korean or English."),
    )
    agree = forms.BooleanField(
        label=gettext_lazy("I have read the pledge above and agree to keep it."),
        error_messages={"required": gettext_lazy("Tick the box to confirm that you agree to the pledge.")},
    )


def _next_url(request) -> str:
    url = request.GET.get("next") or request.POST.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=False):
        return url
    return "/learn/"


def _sign(request, *, text, exit_pledge=None, template_context=None):
    """The shared GET/POST of both pages: the text, the step-up state, the form, the signing."""
    now = timezone.now()
    check = step_up_recent(request.user, now=now)
    form = PledgeSignForm(request.POST or None)
    status = 200
    if request.method == "POST" and request.POST.get("action") != "decline":
        if check is None:
            return redirect(step_up_url(user=request.user, return_url=request.get_full_path(), now=now))
        if form.is_valid():
            try:
                signature = pledges.pledge_sign(
                    user=request.user,
                    text=text,
                    typed_name=form.cleaned_data["typed_name"],
                    agreed=form.cleaned_data["agree"],
                    identity_check=check,
                    now=now,
                    exit_pledge=exit_pledge,
                )
            except pledges.PledgeError as error:
                form.add_error(error.field if error.field in form.fields else None, str(error))
            else:
                messages.success(
                    request,
                    _("You signed the pledge (version %(version)s). The receipt is on its way to %(email)s.")
                    % {"version": signature.version, "email": request.user.email},
                )
                return redirect(_next_url(request))
        status = 400
    context = {
        "text": text,
        "form": form,
        "step_up": check,
        "step_up_url": step_up_url(user=request.user, return_url=request.get_full_path(), now=now),
        "step_up_minutes": settings.ACADEMY_STEP_UP_MINUTES,
        "next": _next_url(request),
        "exit_pledge": exit_pledge,
        **(template_context or {}),
    }
    return render(request, "compliance/pledge_sign.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def pledge_sign(request, institute_id: int):
    """기술보호 서약서 of an institute (0: the Academy's built-in text, for institutes without one)."""
    institute = get_object_or_404(InstitutePage, pk=institute_id) if institute_id else None
    text = pledges.current_text(institute_id=institute.pk if institute else None, kind=PledgeKind.JOIN)
    signature = pledges.valid_signature(user=request.user, text=text, now=timezone.now())
    return _sign(request, text=text, template_context={"institute": institute, "signature": signature})


@login_required
@require_http_methods(["GET", "POST"])
def exit_pledge(request, exit_id: int):
    """퇴직·전보 서약: the person signs it or declines; either answer is recorded."""
    pending = get_object_or_404(ExitPledge, pk=exit_id, user=request.user)
    if pending.status != ExitPledge.Status.PENDING:
        messages.info(request, _("You have already answered this exit pledge."))
        return redirect("/learn/")
    if request.method == "POST" and request.POST.get("action") == "decline":
        pledges.exit_pledge_decline(exit_pledge=pending, user=request.user)
        messages.info(request, _("Recorded: you did not sign the exit pledge."))
        return redirect("/learn/")
    return _sign(request, text=pledges.exit_text_for(request.user), exit_pledge=pending)


@login_required
def pledge_receipt(request, signature_id: int):
    """The signer's PDF receipt; anyone else (HR and staff included) gets 404."""
    signature = PledgeSignature.objects.select_related("text", "user", "identity_check", "organisation").filter(
        pk=signature_id, user=request.user
    )
    signature = signature.first()
    if signature is None:
        raise Http404
    response = HttpResponse(pledges.receipt_pdf(signature), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pledges.receipt_filename(signature)}"'
    response["Cache-Control"] = "private, no-store"
    return response
