from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
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
    title = _("Names (as printed on certificates)")
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
