from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .selectors import user_has_mfa, user_is_staff

#: Session key of the last request's time (whole seconds since the epoch), written at most once
#: per ``ACTIVITY_STAMP_SECONDS`` so an active session is not saved on every request.
LAST_ACTIVITY_KEY = "academy_last_activity"
ACTIVITY_STAMP_SECONDS = 60


class StaffIdleTimeoutMiddleware:
    """Sign staff out after ``ACADEMY_STAFF_IDLE_MINUTES`` without a request.

    Staff are who the MFA rule calls staff (``accounts.selectors.user_is_staff``: anyone who may
    open the Wagtail admin, and HR of an organisation); trainees keep the normal session age.
    The session records the time of the last request at most once a minute, so the timeout is
    exact to within that minute: a staff session ends between 30 and 31 minutes after its last
    request, never earlier. Signing out deletes the stored session; the request then goes on as
    anonymous, so a staff page sends the person to the login page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Wagtail's preview renders a page on a dummy request inside the real one, which was checked.
        if request.user.is_authenticated and not getattr(request, "is_dummy", False):
            self._check(request)
        return self.get_response(request)

    @staticmethod
    def _check(request) -> None:
        session = request.session
        now = int(timezone.now().timestamp())
        last = session.get(LAST_ACTIVITY_KEY)
        limit = settings.ACADEMY_STAFF_IDLE_MINUTES * 60 + ACTIVITY_STAMP_SECONDS
        if not isinstance(last, int) or last > now:
            last = None
        if last is not None and now - last > limit and user_is_staff(request.user):
            logout(request)
            messages.info(
                request,
                _("You were signed out after %(minutes)d minutes without activity. Please sign in again.")
                % {"minutes": settings.ACADEMY_STAFF_IDLE_MINUTES},
            )
            return
        if last is None or now - last >= ACTIVITY_STAMP_SECONDS:
            session[LAST_ACTIVITY_KEY] = now


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


#: The browser's own random id (never stored: only its keyed hash is, ``ops.requestcontext``).
DEVICE_COOKIE = "academy_device"
DEVICE_COOKIE_AGE = 2 * 365 * 24 * 3600


class ClientContextMiddleware:
    """Sets ``ops.requestcontext`` for the request: address, device hash, user-agent hash.

    The device cookie is given to signed-in users only (an anonymous, cacheable page never carries
    a ``Set-Cookie``); a browser that signs in receives it on the login response.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        import secrets

        from ops.requestcontext import ClientContext, client_context, keyed_hash

        from .clients import client_address

        device_id = request.COOKIES.get(DEVICE_COOKIE, "")
        if not (16 <= len(device_id) <= 64 and device_id.isalnum()):
            device_id = ""
        fresh = not device_id
        if fresh:
            device_id = secrets.token_hex(16)
        context = ClientContext(
            address=client_address(request),
            device_hash=keyed_hash(device_id),
            user_agent_hash=keyed_hash(request.META.get("HTTP_USER_AGENT", "")[:512]),
        )
        with client_context(context):
            response = self.get_response(request)
        user = getattr(request, "user", None)
        if fresh and user is not None and user.is_authenticated:
            response.set_cookie(
                DEVICE_COOKIE,
                device_id,
                max_age=DEVICE_COOKIE_AGE,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response
