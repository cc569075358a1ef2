"""The demo loader leaves security training in every state for the demo organisation, once (F3.6)."""

import pytest
from django.core.management import call_command

from accounts.models import Organisation
from compliance import security_training as sec
from compliance.models import ExternalSecurityTraining, SecurityTrainingPolicy
from courses.models import CoursePage
from home.demo.people import ORGANISATION

pytestmark = pytest.mark.django_db


def test_the_demo_shows_a_policy_an_up_to_date_trainee_an_overdue_member_and_a_pending_submission(client, shared_demo):
    organisation = Organisation.objects.get(name_ko=ORGANISATION["name_ko"])
    rows = {row.membership.user.email: row for row in sec.organisation_training(organisation)}

    assert dict(
        SecurityTrainingPolicy.objects.filter(organisation=organisation).values_list("role", "every_months")
    ) == {
        "employee": 12,
        "hr": 24,
    }
    assert rows["trainee@example.com"].status.state == "ok"
    assert rows["lee.done@hanbit-drone.example.kr"].status.state == "overdue"
    assert rows["jung.studying@hanbit-drone.example.kr"].pending
    assert CoursePage.objects.get(slug="defense-tech-security").is_security_training
    before = list(ExternalSecurityTraining.objects.order_by("pk").values_list("pk", "status"))

    call_command("load_demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert list(ExternalSecurityTraining.objects.order_by("pk").values_list("pk", "status")) == before
    client.force_login(organisation.memberships.get(user__email="hr@example.com").user)
    page = client.get("/hr/security-training/").content.decode()
    assert "이수료" in page
