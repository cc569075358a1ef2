"""Where people land after logging in: staff in the admin, HR in the HR area, trainees in 나의 강의실."""

import pytest
from django.urls import reverse

from accounts.models import Membership
from tests.factories import PASSWORD, AdminUserFactory, MembershipFactory, StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def log_in(client, user, next_url=None):
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"login": user.email, "password": PASSWORD})


@pytest.mark.parametrize("factory", [StaffUserFactory, AdminUserFactory])
def test_staff_land_in_the_admin(client, factory):
    response = log_in(client, factory())
    assert response.status_code == 302 and response["Location"] == "/cms/"


def test_hr_land_in_the_hr_area(client):
    membership = MembershipFactory(role=Membership.Role.HR)
    response = log_in(client, membership.user)
    assert response["Location"] == "/hr/"


def test_trainees_land_in_my_learning(client):
    assert log_in(client, UserFactory())["Location"] == "/learn/"


def test_next_still_wins(client):
    membership = MembershipFactory(role=Membership.Role.HR)
    assert log_in(client, membership.user, next_url="/courses/")["Location"] == "/courses/"
