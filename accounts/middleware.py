from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .selectors import user_has_mfa, user_is_staff


class StaffMFAMiddleware:
    """Send staff without two-factor authentication to set it up before any staff page.

    Active where ``ACADEMY_REQUIRE_STAFF_MFA`` is on. Staff pages are the URL prefixes in
    ``ACADEMY_STAFF_PATH_PREFIXES`` (the Wagtail admin, the HR area); the sign-in and MFA pages
    themselves live under ``/accounts/`` and stay reachable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.ACADEMY_REQUIRE_STAFF_MFA
            and request.path.startswith(tuple(settings.ACADEMY_STAFF_PATH_PREFIXES))
            and request.user.is_authenticated
            and user_is_staff(request.user)
            and not user_has_mfa(request.user)
        ):
            messages.warning(request, _("Set up two-factor authentication (OTP) before using the staff pages."))
            return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
