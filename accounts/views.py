from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.account import AccountView, BaseSettingsPanel, NameEmailSettingsPanel

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
