"""Demo accounts, one per role, and the demo organisation; who they are is in ``data/people.json``."""

from __future__ import annotations

import os
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group, Permission

from accounts import services as account_services
from accounts.models import Membership, Organisation, User

from . import content

DEFAULT_DEMO_PASSWORD = "academy-demo-2026"


@dataclass(frozen=True)
class DemoPerson:
    key: str
    email: str
    name_ko: str
    name_en: str


def _people(records: list[dict]) -> list[DemoPerson]:
    return [DemoPerson(**record) for record in records]


_DATA = content.read("people")
#: One account per role, keyed ``trainee``, ``instructor``, ``manager``, ``hr`` and ``admin``.
PEOPLE = _people(_DATA["accounts"])
ORGANISATION = _DATA["organisation"]
#: More employees of the demo organisation (``organisation.py``).
EMPLOYEES = _people(_DATA["employees"])


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


def ensure_user(person: DemoPerson, *, superuser: bool = False) -> User:
    """Create the person once, with a verified primary e-mail; never touch an existing account."""
    user = User.objects.filter(email=person.email).first()
    if user is None:
        factory = User.objects.create_superuser if superuser else User.objects.create_user
        user = factory(person.email, demo_password(), name_ko=person.name_ko, name_en=person.name_en)
    EmailAddress.objects.get_or_create(user=user, email=person.email, defaults={"verified": True, "primary": True})
    return user


def ensure_member(organisation: Organisation, user: User, *, role: str, invited_by: User) -> None:
    """Make ``user`` a member the way anyone becomes one: invited by e-mail, then accepting.

    Nothing happens when they already are a member in that role, so the loader stays idempotent.
    """
    if Membership.objects.filter(organisation=organisation, user=user, role=role).exists():
        return
    invitation = account_services.organisation_invite(
        organisation=organisation,
        email=user.email,
        role=role,
        actor=invited_by,
        base_url=settings.WAGTAILADMIN_BASE_URL,
    )
    account_services.invitation_accept(token=invitation.token, user=user)


def ensure_staff_group(name: str) -> Group:
    """A group whose members may open the Wagtail admin (the institute groups come with the catalog)."""
    group, _ = Group.objects.get_or_create(name=name)
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(access_admin)
    return group


def load_people() -> dict[str, User]:
    users = {person.key: ensure_user(person, superuser=person.key == "admin") for person in PEOPLE}
    organisation, _ = Organisation.objects.get_or_create(
        name_ko=ORGANISATION["name_ko"],
        defaults={"name_en": ORGANISATION["name_en"], "business_number": ORGANISATION["business_number"]},
    )
    # The administrator invites the organisation's first HR person, who invites the trainee.
    ensure_member(organisation, users["hr"], role=Membership.Role.HR, invited_by=users["admin"])
    ensure_member(organisation, users["trainee"], role=Membership.Role.EMPLOYEE, invited_by=users["hr"])
    return users
