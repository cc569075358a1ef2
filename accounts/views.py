from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.account import AccountView, BaseSettingsPanel, NameEmailSettingsPanel

from common.i18n import reader_is_english

from .forms import NameForm


def admin_login_redirect(request):
    """``/cms/login/`` hands over to allauth's login, keeping where the user was going."""
    next_url = request.GET.get("next") or reverse("wagtailadmin_home")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("wagtailadmin_home")
    return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")


class NameSettingsPanel(BaseSettingsPanel):
    name = "name"
    title = gettext_lazy("Names (as printed on certificates)")
    order = 100
    form_class = NameForm


class AdminAccountView(AccountView):
    """Wagtail's account page, with the Academy's names instead of first and last names.

    E-mail and password are managed by allauth under ``/accounts/``.
    """

    def get_panels(self):
        panels = []
        for panel in super().get_panels():
            if isinstance(panel, NameEmailSettingsPanel):
                panel = NameSettingsPanel(self.request, self.request.user, panel.profile)
            panels.append(panel)
        return panels


@login_required
def organisation_join(request, token):
    """The employee's consent: accept (or decline) an organisation's invitation."""
    from . import services
    from .models import OrganisationInvitation

    invitation = OrganisationInvitation.objects.pending().select_related("organisation").filter(token=token).first()
    if invitation is None:
        raise Http404
    if request.method == "POST":
        try:
            if request.POST.get("decision") == "accept":
                services.invitation_accept(token=token, user=request.user)
                messages.success(request, _("You joined %(organisation)s.") % {"organisation": invitation.organisation})
            else:
                services.invitation_decline(token=token, user=request.user)
                messages.info(request, _("You declined the invitation."))
        except services.MembershipError as error:
            messages.error(request, str(error))
        return redirect("learn")
    return render(request, "accounts/organisation_join.html", {"invitation": invitation})


# --------------------------------------------------------------------------------------------
# Policies, profile and name corrections
# --------------------------------------------------------------------------------------------


def policy_page(request, slug: str):
    """이용약관 and 개인정보처리방침, in the reader's language, with the version consents refer to."""
    from .policies import POLICIES

    policy = POLICIES.get(slug)
    if policy is None:
        raise Http404
    language = "en" if reader_is_english() else "ko"
    return render(
        request,
        "accounts/policy.html",
        {"policy": policy, "body_template": policy.template.format(language=language), "policies": POLICIES},
    )


@login_required
def profile(request):
    """The trainee's own details, consents, and a request to correct the names on certificates."""
    from . import services
    from .forms import BirthDateForm, MarketingConsentForm, NameCorrectionForm
    from .presenters import profile_context

    correction_form = NameCorrectionForm(prefix="correction")
    birth_date_form = BirthDateForm(instance=request.user, prefix="birth")
    marketing_form = None
    if request.method == "POST" and request.POST.get("action") == "birth_date":
        birth_date_form = BirthDateForm(request.POST, instance=request.user, prefix="birth")
        if birth_date_form.is_valid():
            services.user_birth_date_set(user=request.user, birth_date=birth_date_form.cleaned_data["birth_date"])
            messages.success(request, _("Your date of birth was saved."))
            return redirect("account_profile")
        request.user.refresh_from_db(fields=["birth_date"])  # the form wrote the refused value on the instance
    elif request.method == "POST" and request.POST.get("action") == "correction":
        correction_form = NameCorrectionForm(request.POST, prefix="correction")
        if correction_form.is_valid():
            try:
                services.name_correction_request_create(
                    user=request.user,
                    name_ko=correction_form.cleaned_data["new_name_ko"],
                    name_en=correction_form.cleaned_data["new_name_en"],
                    reason=correction_form.cleaned_data["reason"],
                )
            except services.NameCorrectionError as error:
                correction_form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Your request was sent. A manager of the institute that issued your certificate will decide it."),
                )
                return redirect("account_profile")
    elif request.method == "POST" and request.POST.get("action") == "marketing":
        from .clients import client_address

        marketing_form = MarketingConsentForm(request.POST)
        if marketing_form.is_valid():
            agreed = marketing_form.cleaned_data["agree_marketing"]
            services.consents_record(
                user=request.user, answers={"marketing": agreed}, ip=client_address(request) or None
            )
            messages.success(
                request,
                _("You will receive news of courses by e-mail.")
                if agreed
                else _("You will no longer receive news of courses by e-mail."),
            )
            return redirect("account_profile")
    context = profile_context(
        user=request.user,
        correction_form=correction_form,
        marketing_form=marketing_form,
        birth_date_form=birth_date_form,
    )
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/profile.html", context, status=status)


# --------------------------------------------------------------------------------------------
# Two-step login: allauth's views, keeping where the user was going
# --------------------------------------------------------------------------------------------

#: Where a user who was sent to set up two-step login was going (e.g. ``/hr/``), kept across the
#: password re-check, the e-mail confirmation and the recovery codes.
MFA_NEXT_KEY = "academy_mfa_next"


def _safe_next(request, url: str | None) -> str:
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=False):
        return url
    return ""


def mfa_next(request) -> str:
    """The page to continue to after two-step login is set up ('' if none)."""
    return _safe_next(request, request.GET.get("next")) or _safe_next(request, request.session.get(MFA_NEXT_KEY))


def _activate_totp_view():
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.views import ActivateTOTPView

    class AcademyActivateTOTPView(ActivateTOTPView):
        """allauth's set-up page; a user with an unconfirmed e-mail address is offered to confirm
        it first (allauth would refuse and leave them stuck), and ``next`` is kept to the end."""

        def dispatch(self, request, *args, **kwargs):
            if request.user.is_authenticated:
                target = mfa_next(request)
                if target:
                    request.session[MFA_NEXT_KEY] = target
                unverified = EmailAddress.objects.filter(user_id=request.user.pk, verified=False).first()
                if unverified is not None:
                    return render(request, "mfa/verify_email_first.html", {"address": unverified, "next_url": target})
            return super().dispatch(request, *args, **kwargs)

        def get_context_data(self, **kwargs):
            return super().get_context_data(next_url=mfa_next(self.request), **kwargs)

        def get_success_url(self) -> str:
            url = super().get_success_url()
            target = mfa_next(self.request)
            if target and url == reverse("mfa_index"):
                self.request.session.pop(MFA_NEXT_KEY, None)
                return target
            return url

    return AcademyActivateTOTPView.as_view()


def _recovery_codes_view():
    from allauth.mfa.recovery_codes.views import ViewRecoveryCodesView

    class AcademyViewRecoveryCodesView(ViewRecoveryCodesView):
        """The recovery codes, with a button on to where the user was going."""

        def get_context_data(self, **kwargs):
            next_url = mfa_next(self.request)
            self.request.session.pop(MFA_NEXT_KEY, None)
            return super().get_context_data(next_url=next_url, **kwargs)

    return AcademyViewRecoveryCodesView.as_view()


activate_totp = _activate_totp_view()
view_recovery_codes = _recovery_codes_view()


@login_required
def mfa_email_resend(request):
    """Send the e-mail confirmation again from the two-step set-up page (POST only)."""
    from allauth.account.models import EmailAddress

    if request.method != "POST":
        return redirect("mfa_activate_totp")
    from allauth.core import ratelimit

    address = EmailAddress.objects.filter(user_id=request.user.pk, verified=False).first()
    if address is not None:
        # allauth's own limit on confirmation e-mails (ACCOUNT_RATE_LIMITS["confirm_email"]), which a
        # direct send_confirmation skips; like allauth, a resend over it is silently not sent.
        if ratelimit.consume(request, action="confirm_email", key=address.email.lower()):
            address.send_confirmation(request)
        messages.info(
            request,
            _("We sent a confirmation link to %(email)s. Open it, then set up two-step login.")
            % {"email": address.email},
        )
    target = mfa_next(request)
    url = reverse("mfa_activate_totp")
    return redirect(f"{url}?{urlencode({'next': target})}" if target else url)
