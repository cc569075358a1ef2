"""The trainee's identity-check page (본인인증, DOMAIN-KR §1.7): ``/learn/identity/<requirement>/``.

The address carries the signed requirement (``compliance.identity.Requirement``) the gate answered;
the page offers the routes the policy allows (only 휴대폰 본인확인 while the mOTP is locked), takes
codes by plain form POSTs (no JavaScript needed), sends the phone route to its provider's window and
takes it back at ``…/complete/<challenge>/``, and returns the trainee to the lesson or test once a
check passes. Every completed attempt is recorded (``compliance.services.identity_verify``).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from accounts.identity import IdentityError, backend_for, route_backend_key
from accounts.identity.base import challenge_state
from courses.models import Enrolment

from .identity import (
    Requirement,
    challenge_claim,
    identity_attempt_allowed,
    motp_locked,
    offered_routes,
    requirement_still_due,
)
from .models import IdentityMoment, IdentityResult, PledgeSignature
from .services import identity_verify

ROUTE_LABELS = {
    "motp": gettext_lazy("HRD Korea OTP (공단 mOTP)"),
    "phone": gettext_lazy("Mobile phone verification (휴대폰 본인확인)"),
    "totp": gettext_lazy("Authenticator app"),
    "email_otp": gettext_lazy("Code by e-mail"),
}
ROUTE_HELP = {
    "motp": gettext_lazy("Enter the 6-digit code your 공단 OTP app shows now."),
    "phone": gettext_lazy("Verify with a mobile phone in your name. You will come back here afterwards."),
    "totp": gettext_lazy("Enter the 6-digit code of the authenticator app you set up for this account."),
    "email_otp": gettext_lazy("We send a 6-digit code to your e-mail address; it is valid for 10 minutes."),
}


_TOO_MANY = gettext_lazy("Too many identity attempts. Wait a few minutes and try again.")


def _requirement_and_enrolment(request, token: str) -> tuple[Requirement, Enrolment | None]:
    requirement = Requirement.from_token(token)
    if requirement is None:
        raise Http404
    if requirement.enrolment_id is None:  # a step-up check (compliance.stepup): the user's own
        if requirement.moment != IdentityMoment.STEP_UP or requirement.user_id != request.user.pk:
            raise Http404
        return requirement, None
    enrolment = (
        Enrolment.objects.select_related("run", "run__course")
        .filter(pk=requirement.enrolment_id, user=request.user)
        .first()
    )
    if enrolment is None:
        raise Http404
    return requirement, enrolment


def _return_url(request, requirement: Requirement) -> str:
    url = requirement.return_url
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=False):
        return url
    return reverse("learn")


def _session_key(token: str, route: str) -> str:
    return f"identity:{route}:{token[-24:]}"


def _after(request, token: str, requirement: Requirement, check):
    if check.result == IdentityResult.OK:
        messages.success(request, _("Your identity was verified."))
        return redirect(_return_url(request, requirement))
    messages.error(request, check.message or _("The identity check failed. Try again."))
    return redirect("identity_check", token)


@login_required
@require_http_methods(["GET", "POST"])
def identity_check(request, token: str):
    requirement, enrolment = _requirement_and_enrolment(request, token)
    if not requirement_still_due(requirement, enrolment=enrolment, user=request.user):
        return redirect(_return_url(request, requirement))
    routes = offered_routes(requirement, user=request.user)
    if request.method == "POST":
        route = request.POST.get("route", "")
        if route not in routes:
            messages.error(request, _("This way of verifying is not offered for this check."))
            return redirect("identity_check", token)
        action = request.POST.get("action", "verify")
        if route == "phone" and action != "start":  # the provider's window is the only way in
            return redirect("identity_check", token)
        if not identity_attempt_allowed(request.user):
            messages.error(request, str(_TOO_MANY))
            return redirect("identity_check", token)
        backend = backend_for(route)
        try:
            if action == "start":
                challenge = backend.start(
                    user=request.user,
                    purpose=requirement.purpose(enrolment),
                    context={"complete_url": lambda cid: reverse("identity_complete", args=[token, cid])},
                )
                if challenge.kind == "redirect":
                    return redirect(challenge.redirect_url)
                request.session[_session_key(token, route)] = challenge.id
                messages.info(request, _("We sent a code to %(address)s.") % {"address": challenge.sent_to})
                return redirect("identity_check", token)
            challenge_id = request.session.pop(_session_key(token, route), None) if route == "email_otp" else None
            if route == "email_otp" and challenge_id is None:
                messages.error(request, _("Send yourself a code first."))
                return redirect("identity_check", token)
            if challenge_id is None:
                challenge_id = backend.start(user=request.user, purpose=requirement.purpose(enrolment), context={}).id
            elif route == "email_otp":
                request.session[_session_key(token, route)] = challenge_id  # until it passes or runs out
        except IdentityError as error:
            messages.error(request, str(error))
            return redirect("identity_check", token)
        check = identity_verify(
            request=request, enrolment=enrolment, requirement=requirement, route=route, challenge_id=challenge_id
        )
        if check.result == IdentityResult.OK:
            request.session.pop(_session_key(token, route), None)
        return _after(request, token, requirement, check)
    options = [
        {
            "route": route,
            "label": ROUTE_LABELS.get(route, route),
            "help": ROUTE_HELP.get(route, ""),
            "kind": "redirect" if route == "phone" else "code",
            "code_sent": route == "email_otp" and _session_key(token, route) in request.session,
            "needs_start": route == "email_otp",
        }
        for route in routes
    ]
    context = {
        "requirement": requirement,
        "moment": requirement.describe(),
        "course": enrolment.run.course if enrolment else None,
        "step_up": enrolment is None,
        "step_up_minutes": settings.ACADEMY_STEP_UP_MINUTES,
        "options": options,
        "locked": "motp" in requirement.routes and motp_locked(request.user),
        "return_url": _return_url(request, requirement),
    }
    return render(request, "compliance/identity_check.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def identity_complete(request, token: str, challenge_id: str):
    """The provider's window sends the trainee back here (the phone route)."""
    requirement, enrolment = _requirement_and_enrolment(request, token)
    if not requirement_still_due(requirement, enrolment=enrolment, user=request.user):  # a reload after it passed
        return redirect(_return_url(request, requirement))
    if "phone" not in offered_routes(requirement, user=request.user):
        raise Http404
    if not identity_attempt_allowed(request.user):
        messages.error(request, str(_TOO_MANY))
        return redirect("identity_check", token)
    known = challenge_state(challenge_id, user=request.user, backend=route_backend_key("phone"))
    if known is None or not challenge_claim(challenge_id):  # unknown, expired, someone else's or replayed
        messages.error(request, _("This verification has expired or was already used. Start again."))
        return redirect("identity_check", token)
    check = identity_verify(
        request=request, enrolment=enrolment, requirement=requirement, route="phone", challenge_id=challenge_id
    )
    return _after(request, token, requirement, check)


# --------------------------------------------------------------------------------------------
# 회원 탈퇴 (DOMAIN-KR §5.2): /accounts/withdraw/
# --------------------------------------------------------------------------------------------


@login_required
@sensitive_post_parameters("password", "code")
@require_http_methods(["GET", "POST"])
def account_withdraw(request):
    """The trainee closes their account: the password again (and a current authenticator code for
    an account with two-step login) and a confirmation; the account is disabled and signed out at
    once, and the page says what the law keeps and until when. Wrong attempts are limited (see
    ``accounts.forms.WithdrawalForm``): once used up, 429 until the window passes."""
    from django.contrib.auth import logout

    from accounts.forms import WithdrawalForm

    from .withdrawal import WithdrawalError, funded_history_end, retained_until
    from .withdrawal import account_withdraw as withdraw

    form = WithdrawalForm(request.POST or None, user=request.user, request=request)
    if request.method == "POST" and form.is_valid():
        try:
            result = withdraw(user=request.user)
        except WithdrawalError as error:
            form.add_error(None, str(error))
        else:
            logout(request)
            return render(request, "accounts/withdrawn.html", {"retain_until": result.retain_until})
    end = funded_history_end(request.user)
    status = 200
    if request.method == "POST":
        status = 429 if form.rate_limited else 400
    response = render(
        request,
        "accounts/withdraw.html",
        {
            "form": form,
            "retain_until": retained_until(end) if end else None,
            "signed_pledges": PledgeSignature.objects.filter(user=request.user).exists(),
        },
        status=status,
    )
    if form.rate_limited:
        response["Retry-After"] = "900"
    return response
