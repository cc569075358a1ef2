"""Reads about people: who counts as staff, who has MFA."""

from __future__ import annotations

from allauth.mfa.models import Authenticator

from .models import Membership, User


def user_is_staff(user: User) -> bool:
    """Staff are instructors, institute managers, HR and administrators.

    Anyone who may open the Wagtail admin (instructors and managers get that through their
    institute's groups) or who is HR of an organisation.
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin"):
        return True
    return Membership.objects.hr().for_user(user).exists()


def user_has_mfa(user: User) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
