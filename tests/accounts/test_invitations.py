"""Employees join their employer's organisation only by accepting HR's invitation (their consent)."""

import re

import pytest
from django.core import mail

from accounts import services
from accounts.models import Membership, OrganisationInvitation
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return f.OrganisationFactory(name_ko="(주)한빛드론")


def invite(organisation, email="employee@example.com"):
    hr = f.MembershipFactory(organisation=organisation, role="hr").user
    return services.organisation_invite(organisation=organisation, email=email, actor=hr, base_url="http://testserver")


def test_invitation_is_e_mailed_with_an_unguessable_link(organisation):
    invitation = invite(organisation)

    assert len(invitation.token) >= 40
    assert mail.outbox[0].to == ["employee@example.com"]
    assert f"/accounts/organisations/join/{invitation.token}/" in mail.outbox[0].body
    assert "(주)한빛드론" in mail.outbox[0].body
    assert not Membership.objects.filter(user__email="employee@example.com").exists()


def test_employee_accepts_and_becomes_a_member(client, organisation):
    employee = f.UserFactory(email="employee@example.com")
    invitation = invite(organisation)
    client.force_login(employee)

    page = client.get(f"/accounts/organisations/join/{invitation.token}/")
    assert "(주)한빛드론" in page.content.decode()
    client.post(f"/accounts/organisations/join/{invitation.token}/", {"decision": "accept"})

    membership = Membership.objects.get(user=employee)
    assert (membership.organisation, membership.role) == (organisation, "employee")
    # The link works once.
    assert client.get(f"/accounts/organisations/join/{invitation.token}/").status_code == 404


def test_declining_creates_no_membership(client, organisation):
    employee = f.UserFactory(email="employee@example.com")
    invitation = invite(organisation)
    client.force_login(employee)

    client.post(f"/accounts/organisations/join/{invitation.token}/", {"decision": "decline"})

    assert not Membership.objects.filter(user=employee).exists()
    assert OrganisationInvitation.objects.get().declined_at is not None


def test_someone_else_cannot_accept_the_invitation(client, organisation):
    f.UserFactory(email="employee@example.com")
    intruder = f.UserFactory(email="intruder@example.com")
    invitation = invite(organisation)
    client.force_login(intruder)

    response = client.post(f"/accounts/organisations/join/{invitation.token}/", {"decision": "accept"}, follow=True)

    assert "employee@example.com" in response.content.decode()
    assert not Membership.objects.filter(user=intruder).exists()


def test_unknown_or_expired_tokens_are_404(client, organisation):
    from django.utils import timezone

    invitation = invite(organisation)
    OrganisationInvitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    client.force_login(f.UserFactory(email="employee@example.com"))

    assert client.get(f"/accounts/organisations/join/{invitation.token}/").status_code == 404
    assert client.get("/accounts/organisations/join/not-a-token/").status_code == 404


def test_inviting_a_member_again_is_refused(organisation):
    member = f.MembershipFactory(organisation=organisation, user=f.UserFactory(email="member@example.com"))

    with pytest.raises(services.MembershipError):
        invite(organisation, email=member.user.email)


def test_a_new_invitation_replaces_the_pending_one(organisation):
    first = invite(organisation)
    second = invite(organisation)

    assert first.token != second.token
    assert list(OrganisationInvitation.objects.pending().values_list("pk", flat=True)) == [second.pk]
    assert re.search(second.token, mail.outbox[-1].body)


def test_an_hr_invitation_makes_an_hr_member_only_when_accepted(organisation):
    person = f.UserFactory(email="insa@example.com")
    invitation = services.organisation_invite(
        organisation=organisation, email=person.email, role="hr", actor=None, base_url="http://testserver"
    )
    assert not Membership.objects.filter(user=person).exists()

    membership = services.invitation_accept(token=invitation.token, user=person)

    assert membership.role == "hr"


def test_an_employee_becomes_hr_only_by_accepting_an_hr_invitation(organisation):
    member = f.MembershipFactory(organisation=organisation, user=f.UserFactory(email="member@example.com"))
    invitation = services.organisation_invite(
        organisation=organisation, email=member.user.email, role="hr", actor=None, base_url="http://testserver"
    )
    member.refresh_from_db()
    assert member.role == "employee"

    services.invitation_accept(token=invitation.token, user=member.user)

    member.refresh_from_db()
    assert member.role == "hr"


def test_hr_staff_are_not_invited_again_as_employees(organisation):
    hr = f.MembershipFactory(organisation=organisation, role="hr", user=f.UserFactory(email="insa@example.com"))

    with pytest.raises(services.MembershipError):
        services.organisation_invite(
            organisation=organisation, email=hr.user.email, role="employee", actor=None, base_url="http://testserver"
        )
    with pytest.raises(services.MembershipError):
        services.organisation_invite(
            organisation=organisation, email="x@example.com", role="owner", actor=None, base_url="http://testserver"
        )


def test_the_demo_members_joined_by_accepting_invitations(shared_demo):
    memberships = Membership.objects.select_related("user")
    assert memberships.filter(role="hr").exists() and memberships.filter(role="employee").exists()
    for membership in memberships:
        assert OrganisationInvitation.objects.filter(
            organisation=membership.organisation, accepted_by=membership.user, role=membership.role
        ).exists(), membership.user.email
    hr_invitation = OrganisationInvitation.objects.get(email="hr@example.com")
    assert hr_invitation.invited_by.email == "admin@example.com"
