"""Administrators manage organisations and their members in the Wagtail admin."""

import pytest

from accounts.models import Membership, Organisation
from tests.factories import AdminUserFactory, StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/cms/snippets/accounts/organisation/add/"


def form_data(**overrides):
    data = {
        "name_ko": "(주)대전드론",
        "name_en": "Daejeon Drone Inc.",
        "business_number": "123-45-67890",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-user": "hr.person@example.com",
        "memberships-0-role": "hr",
        "memberships-0-ORDER": "1",
        "memberships-0-id": "",
        "memberships-0-DELETE": "",
    }
    data.update(overrides)
    return data


def test_admin_adds_an_organisation_with_an_hr_member_by_email(client):
    client.force_login(AdminUserFactory())
    hr = UserFactory(email="hr.person@example.com")

    response = client.post(ADD_URL, form_data())

    assert response.status_code == 302, response.content.decode()[:2000]
    organisation = Organisation.objects.get(name_ko="(주)대전드론")
    membership = Membership.objects.get(organisation=organisation)
    assert (membership.user, membership.role) == (hr, Membership.Role.HR)


def test_unknown_member_email_is_an_error_and_nothing_is_saved(client):
    client.force_login(AdminUserFactory())

    response = client.post(ADD_URL, form_data(**{"memberships-0-user": "nobody@example.com"}))

    assert response.status_code == 200
    assert not Organisation.objects.exists()


def test_malformed_business_number_is_refused(client):
    client.force_login(AdminUserFactory())
    UserFactory(email="hr.person@example.com")

    response = client.post(ADD_URL, form_data(business_number="12345"))

    assert response.status_code == 200
    assert "000-00-00000" in response.content.decode()
    assert not Organisation.objects.exists()


def test_staff_who_are_not_administrators_cannot_manage_organisations(client):
    client.force_login(StaffUserFactory())

    assert client.get("/cms/snippets/accounts/organisation/").status_code in (302, 403)
    response = client.post(ADD_URL, form_data())
    assert response.status_code in (302, 403)
    assert not Organisation.objects.exists()


def test_admin_user_editor_uses_korean_and_english_names(client):
    client.force_login(AdminUserFactory())

    response = client.post(
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
