"""The demo data shows every certificate state: an issued certificate (with its PDF) and a revoked one."""

import pytest
from django.core.management import call_command

from accounts.models import User
from certificates.models import Certificate
from certificates.status import Status, certificate_status

pytestmark = pytest.mark.django_db


def test_demo_trainee_has_an_issued_and_a_revoked_certificate(client, shared_demo):
    trainee = User.objects.get(email="trainee@example.com")
    certificates = {c.enrolment.run.course.slug: c for c in Certificate.objects.for_user(trainee)}
    issued = certificates["defense-quality-management"]
    revoked = certificates["counter-drone-intro"]
    assert certificate_status(issued) == Status.VALID
    assert issued.sha256 and issued.pdf.name and issued.template is not None
    assert issued.template.signatories.get().signature is not None
    assert certificate_status(revoked) == Status.REVOKED
    institute = revoked.enrolment.run.course.institute
    assert revoked.revocation_reason and revoked.revoked_by.groups.filter(pk=institute.managers_group_id).exists()
    assert revoked.revocation_category == "misconduct"

    client.force_login(trainee)
    page = client.get("/learn/").content.decode()
    assert issued.code in page and revoked.code in page and revoked.revocation_reason in page
    response = client.get(f"/learn/certificates/{issued.public_id}/certificate.pdf")
    assert response.status_code == 200


def test_a_second_run_renders_nothing_again(shared_demo):
    before = list(Certificate.objects.values_list("pk", "sha256", "render_attempts", "state", "updated_at"))

    call_command("load_demo_data", stdout=open("/dev/null", "w"))

    assert list(Certificate.objects.values_list("pk", "sha256", "render_attempts", "state", "updated_at")) == before
