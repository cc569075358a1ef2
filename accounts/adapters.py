from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from .clients import client_address


def academy_site() -> SimpleNamespace:
    """The Academy as e-mails name it (allauth's ``current_site``): its name, never a host name."""
    from django.utils.translation import gettext

    return SimpleNamespace(
        name=gettext("Daejeon Defense Innovation Cluster Academy"),
        domain=urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc,
    )


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up stores the Korean and English names printed on certificates and the consents given;
    allauth sees the client as the rest of the Academy does; failed logins warn the account's
    owner; staff land on their own pages after login."""

    def save_user(self, request, user, form, commit=True):
        from .services import consents_record

        user = super().save_user(request, user, form, commit=False)
        user.name_ko = " ".join(form.cleaned_data["name_ko"].split())
        user.name_en = " ".join(form.cleaned_data["name_en"].split())
        if commit:
            user.save()
            if hasattr(form, "consents"):
                consents_record(user=user, answers=form.consents(), ip=client_address(request) or None)
        return user

    def get_login_redirect_url(self, request) -> str:
        """Staff of an institute (and administrators) land in the admin, HR in the HR area,
        trainees in 나의 강의실. A ``next`` parameter still wins (allauth reads it first)."""
        from .models import Membership

        user = request.user
        if user.is_superuser or user.has_perm("wagtailadmin.access_admin"):
            return reverse("wagtailadmin_home")
        if Membership.objects.hr().for_user(user).exists():
            return reverse("hr:dashboard")
        return super().get_login_redirect_url(request)

    def get_email_verification_redirect_url(self, email_address) -> str:
        """Back to the two-step set-up when that is where the user was stopped to confirm."""
        from .views import MFA_NEXT_KEY

        request = self.request
        if request.user.is_authenticated and request.session.get(MFA_NEXT_KEY):
            return reverse("mfa_activate_totp")
        return super().get_email_verification_redirect_url(email_address)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        super().send_mail(template_prefix, email, {"current_site": academy_site(), **context})

    def get_client_ip(self, request) -> str:
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def authentication_failed(self, request, **credentials) -> None:
        """A wrong password: counted per account, and past a threshold the owner gets one notice
        (instead of a lock that would keep the owner out too)."""
        from .services import login_failure_record

        login_failure_record(email=credentials.get("email") or "")
