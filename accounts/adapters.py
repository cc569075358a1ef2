from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied

from .clients import client_address


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up stores the Korean and English names printed on certificates; allauth sees the client
    as the rest of the Academy does; failed logins warn the account's owner."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.name_ko = form.cleaned_data["name_ko"].strip()
        user.name_en = " ".join(form.cleaned_data["name_en"].split())
        if commit:
            user.save()
        return user

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
