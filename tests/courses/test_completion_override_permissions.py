"""The 수료 decision screen of a funded run (``course_runs:completion``) by role: the permission
matrix's run is unfunded (a 404 for everyone there), so this file proves the institute policy on a
funded run whose decisions are final: only A's staff open it and override; everyone else is refused
by GET and by POST, and nothing changes."""

import pytest
from django.urls import reverse

from accounts.models import Membership
from courses.models import Enrolment, EnrolmentEvent
from tests import factories as f
from tests.assessments.funded_support import funded_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = funded_course()  # training period in 2026-03: past its grading deadline on the real clock
    world["enrolment"] = f.enrolment(world["run"], f.UserFactory(name_ko="알파교육생"), progress_percent=50)
    world["url"] = reverse("course_runs:completion", args=[world["run"].pk])
    return world


def _foreign_users(world):
    beta = f.institute_page()
    return {
        "instructor_b": f.instructor_of(beta),
        "manager_b": f.manager_of(beta),
        "hr_other": f.MembershipFactory(role=Membership.Role.HR).user,
        "trainee": world["enrolment"].user,
        "anonymous": None,
    }


@pytest.mark.parametrize("role", ["instructor_b", "manager_b", "hr_other", "trainee", "anonymous"])
def test_nobody_outside_the_institute_opens_or_overrides(client, world, role):
    user = _foreign_users(world)[role]
    if user is not None:
        client.force_login(user)

    opened = client.get(world["url"])
    posted = client.post(world["url"], {"enrolment": world["enrolment"].pk, "complete": "1", "reason": "침입"})

    assert opened.status_code in {302, 403, 404}
    assert posted.status_code in {302, 403, 404}
    assert "알파교육생" not in opened.content.decode()
    assert Enrolment.objects.get(pk=world["enrolment"].pk).status == Enrolment.Status.ACTIVE
    assert not EnrolmentEvent.objects.filter(is_override=True).exists()


@pytest.mark.parametrize("role", ["manager", "instructor"])
def test_the_institutes_staff_open_it_and_override(client, world, role):
    user = world["manager"] if role == "manager" else f.instructor_of(world["institute"])
    client.force_login(user)

    assert "알파교육생" in client.get(world["url"]).content.decode()
    response = client.post(
        world["url"], {"enrolment": world["enrolment"].pk, "complete": "1", "reason": "공단 승인 (진도 장애)"}
    )

    assert response.status_code == 302
    assert Enrolment.objects.get(pk=world["enrolment"].pk).status == Enrolment.Status.COMPLETED
    assert EnrolmentEvent.objects.get(is_override=True).actor == user


def test_an_enrolment_of_another_run_cannot_be_overridden_through_this_one(client, world):
    other = funded_course()
    stranger = f.enrolment(other["run"], progress_percent=10)
    client.force_login(world["manager"])

    response = client.post(world["url"], {"enrolment": stranger.pk, "complete": "1", "reason": "다른 차수"})

    assert response.status_code == 404
    assert Enrolment.objects.get(pk=stranger.pk).status == Enrolment.Status.ACTIVE
