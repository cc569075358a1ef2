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


def funded_step_done(user: User) -> bool:
    """Has the person completed the personal-data step of funded training (``accounts.resident``):
    a stored 주민등록번호 and the 제3자 제공 to 고용노동부/한국산업인력공단 agreed (the latest answer)?"""
    from .models import Consent, ResidentNumber

    if not ResidentNumber.objects.filter(user=user).exists():
        return False
    latest = (
        Consent.objects.filter(user=user, kind=Consent.Kind.FUNDED_THIRD_PARTY)
        .order_by("-at", "-pk")
        .values_list("agreed", flat=True)
        .first()
    )
    return bool(latest)
