"""Administrators manage organisations in the Wagtail admin; people join only by invitation.

The edit form shows the members read-only and has no way to create, change or re-role one (a
forged inline formset creates nothing). The invite action sends the existing invitation, in the
role chosen (HR staff or employee); the membership starts only when the person accepts it.
Removing a member stays possible: it withdraws access and grants nothing.
"""

import re

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from accounts.models import Membership, Organisation, OrganisationInvitation
from accounts.selectors import user_is_staff
from tests.factories import AdminUserFactory, MembershipFactory, OrganisationFactory, StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/cms/snippets/accounts/organisation/"
ADD_URL = f"{LIST_URL}add/"


def edit_url(organisation):
    return f"{LIST_URL}edit/{organisation.pk}/"


def invite_url(organisation):
    return f"{LIST_URL}invite/{organisation.pk}/"


def remove_url(membership):
    return f"{LIST_URL}members/{membership.organisation_id}/remove/{membership.pk}/"


def organisation_fields(**overrides):
    data = {
        "name_ko": "(주)대전드론",
        "name_en": "Daejeon Drone Inc.",
        "business_number": "123-45-67890",
        "vetting_status": "not_vetted",  # the form's select always posts its value (restricted-course vetting)
    }
    data.update(overrides)
    return data


def forged_membership_formset(*rows, initial=0):
    """What the old inline panel posted: a formset of memberships (user by e-mail, role)."""
    data = {
        "memberships-TOTAL_FORMS": str(len(rows)),
        "memberships-INITIAL_FORMS": str(initial),
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in {"id": "", "ORDER": str(index + 1), "DELETE": "", **row}.items():
            data[f"memberships-{index}-{key}"] = value
    return data


@pytest.fixture
def admin_client(client):
    client.force_login(AdminUserFactory())
    return client


# --------------------------------------------------------------------------------------------
# The edit form cannot make, change or re-role a membership
# --------------------------------------------------------------------------------------------


def test_admin_creates_an_organisation_and_is_told_to_invite_its_members(admin_client):
    form = admin_client.get(ADD_URL).content.decode()
    assert "memberships-" not in form
    assert "초대를 수락하지 않으면 아무도 구성원으로 추가되지 않습니다" in form

    response = admin_client.post(ADD_URL, organisation_fields())

    assert response.status_code == 302, response.content.decode()[:2000]
    organisation = Organisation.objects.get(name_ko="(주)대전드론")
    assert not organisation.memberships.exists()


def test_a_forged_inline_membership_on_a_new_organisation_creates_nothing(admin_client):
    hr = UserFactory(email="hr.person@example.com")

    admin_client.post(ADD_URL, {**organisation_fields(), **forged_membership_formset({"user": hr.email, "role": "hr"})})
    admin_client.post(
        ADD_URL, {**organisation_fields(), **forged_membership_formset({"user": str(hr.pk), "role": "hr"})}
    )

    assert Organisation.objects.filter(name_ko="(주)대전드론").exists()
    assert not Membership.objects.exists()
    assert not user_is_staff(hr)


def test_a_forged_formset_cannot_add_re_role_or_delete_members_of_an_existing_organisation(admin_client):
    organisation = OrganisationFactory()
    employee = MembershipFactory(organisation=organisation, role="employee")
    outsider = UserFactory(email="outsider@example.com")
    forged = forged_membership_formset(
        {"id": str(employee.pk), "user": employee.user.email, "role": "hr", "DELETE": ""},
        {"user": outsider.email, "role": "hr"},
        initial=1,
    )

    response = admin_client.post(edit_url(organisation), {**organisation_fields(name_ko="새 이름"), **forged})
    admin_client.post(
        edit_url(organisation),
        {**organisation_fields(), **forged_membership_formset({"id": str(employee.pk), "DELETE": "on"}, initial=1)},
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name_ko == "(주)대전드론"  # the form's own fields still save
    assert list(Membership.objects.values_list("user__email", "role")) == [(employee.user.email, "employee")]


def test_the_edit_form_lists_members_and_invitations_read_only(admin_client):
    organisation = OrganisationFactory(name_ko="(주)한빛드론")
    hr = MembershipFactory(organisation=organisation, role="hr", user=UserFactory(email="insa@example.com"))
    MembershipFactory(organisation=organisation, role="employee", user=UserFactory(email="jikwon@example.com"))
    OrganisationInvitation.objects.create(
        organisation=organisation,
        email="waiting@example.com",
        role="employee",
        token="t" * 43,
        expires_at="2999-01-01T00:00:00Z",
    )

    page = admin_client.get(edit_url(organisation)).content.decode()

    for email in ("insa@example.com", "jikwon@example.com", "waiting@example.com"):
        assert email in page
    assert invite_url(organisation) in page
    assert remove_url(hr) in page
    assert not re.search(r'name="memberships-', page)
    assert 'name="role"' not in page and 'name="user"' not in page


# --------------------------------------------------------------------------------------------
# The invite action: an e-mail, and no membership until accepted
# --------------------------------------------------------------------------------------------


def test_invite_action_sends_the_invitation_and_makes_no_membership(admin_client):
    organisation = OrganisationFactory(name_ko="(주)대전드론")

    assert admin_client.get(invite_url(organisation)).status_code == 200
    response = admin_client.post(invite_url(organisation), {"email": "First.HR@Example.com", "role": "hr"})

    assert response.status_code == 302
    assert response["Location"] == edit_url(organisation)
    invitation = OrganisationInvitation.objects.get(organisation=organisation)
    assert (invitation.email, invitation.role) == ("first.hr@example.com", "hr")
    assert mail.outbox[-1].to == ["first.hr@example.com"]
    assert f"/accounts/organisations/join/{invitation.token}/" in mail.outbox[-1].body
    assert "(주)대전드론" in mail.outbox[-1].body
    assert "HR staff" in mail.outbox[-1].body  # the English half names the role
    assert not Membership.objects.exists()
    history = ModelLogEntry.objects.for_instance(organisation).get(action="academy.organisation.invite")
    assert history.data == {"email": "first.hr@example.com", "role": "hr"}


def test_accepting_the_invitation_makes_the_first_hr_person(admin_client, client):
    organisation = OrganisationFactory()
    admin_client.post(invite_url(organisation), {"email": "first.hr@example.com", "role": "hr"})
    invitation = OrganisationInvitation.objects.get()
    person = UserFactory(email="first.hr@example.com")
    assert not user_is_staff(person)

    client.force_login(person)
    page = client.get(f"/accounts/organisations/join/{invitation.token}/").content.decode()
    client.post(f"/accounts/organisations/join/{invitation.token}/", {"decision": "accept"})

    assert "인사담당자는 기업 구성원의 수강 현황" in page  # the join page says what HR staff see
    membership = Membership.objects.get(user=person)
    assert (membership.organisation, membership.role) == (organisation, "hr")
    assert user_is_staff(person)
    assert client.get("/hr/").status_code == 200


def test_inviting_someone_already_in_that_role_is_a_clear_error(admin_client):
    organisation = OrganisationFactory()
    MembershipFactory(organisation=organisation, role="hr", user=UserFactory(email="insa@example.com"))

    response = admin_client.post(invite_url(organisation), {"email": "insa@example.com", "role": "hr"})

    assert response.status_code == 200
    assert "insa@example.com" in response.content.decode()
    assert not OrganisationInvitation.objects.exists()


@pytest.mark.parametrize(
    "data", [{"email": "not-an-address", "role": "hr"}, {"email": "a@example.com", "role": "owner"}, {}]
)
def test_bad_invite_input_is_a_form_error_not_a_500(admin_client, data):
    organisation = OrganisationFactory()

    response = admin_client.post(invite_url(organisation), data)

    assert response.status_code == 200
    assert "error" in response.content.decode()
    assert not OrganisationInvitation.objects.exists()


# --------------------------------------------------------------------------------------------
# Removing a member withdraws access
# --------------------------------------------------------------------------------------------


def test_admin_removes_a_member_after_confirming(admin_client):
    organisation = OrganisationFactory()
    hr = MembershipFactory(organisation=organisation, role="hr", user=UserFactory(email="insa@example.com"))

    assert "insa@example.com" in admin_client.get(remove_url(hr)).content.decode()
    response = admin_client.post(remove_url(hr))

    assert response.status_code == 302
    assert not Membership.objects.filter(pk=hr.pk).exists()
    assert not user_is_staff(hr.user)
    assert ModelLogEntry.objects.for_instance(organisation).filter(action="academy.organisation.remove_member").exists()
    assert "insa@example.com" in admin_client.get(f"{LIST_URL}history/{organisation.pk}/").content.decode()


def test_another_organisations_membership_cannot_be_removed_through_this_one(admin_client):
    mine, theirs = OrganisationFactory(), OrganisationFactory()
    member = MembershipFactory(organisation=theirs)

    response = admin_client.post(f"{LIST_URL}members/{mine.pk}/remove/{member.pk}/")

    assert response.status_code == 404
    assert Membership.objects.filter(pk=member.pk).exists()


# --------------------------------------------------------------------------------------------
# Only administrators
# --------------------------------------------------------------------------------------------


def test_staff_who_are_not_administrators_cannot_manage_organisations(client):
    organisation = OrganisationFactory()
    member = MembershipFactory(organisation=organisation)
    client.force_login(StaffUserFactory())

    assert client.get(LIST_URL).status_code in (302, 403)
    assert client.post(ADD_URL, organisation_fields()).status_code in (302, 403)
    # 404: the admin guard hides organisations from staff without a permission on them
    assert client.post(invite_url(organisation), {"email": "x@example.com", "role": "hr"}).status_code in (
        302,
        403,
        404,
    )
    assert client.post(remove_url(member)).status_code in (302, 403, 404)
    assert Organisation.objects.count() == 1
    assert not OrganisationInvitation.objects.exists()
    assert Membership.objects.filter(pk=member.pk).exists()


def test_malformed_business_number_is_refused(admin_client):
    response = admin_client.post(ADD_URL, organisation_fields(business_number="12345"))

    assert response.status_code == 200
    assert "000-00-00000" in response.content.decode()
    assert not Organisation.objects.exists()


def test_admin_user_editor_uses_korean_and_english_names(admin_client):
    response = admin_client.post(
        "/cms/users/new/",
        {
            "email": "new.instructor@example.com",
            "name_ko": "강사김",
            "name_en": "Gangsa Kim",
            "password1": "instructor-pass-2026",
            "password2": "instructor-pass-2026",
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    from accounts.models import User

    user = User.objects.get(email="new.instructor@example.com")
    assert (user.name_ko, user.name_en) == ("강사김", "Gangsa Kim")
