"""HR of an organisation sees its own members' training and nobody else's; enrols in bulk; exports."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import Membership
from courses.models import Enrolment
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def orgs():
    alpha, beta = f.OrganisationFactory(name_ko="알파드론"), f.OrganisationFactory(name_ko="베타드론")
    hr = f.MembershipFactory(organisation=alpha, role="hr").user
    employee = f.MembershipFactory(
        organisation=alpha, user=f.UserFactory(name_ko="김알파", email="kim@alpha.example")
    ).user
    outsider = f.MembershipFactory(organisation=beta, user=f.UserFactory(name_ko="박베타", email="park@beta.example"))
    institute = f.institute_page()
    course = f.course_page(institute, "군용드론 정비 실무")
    run = f.course_run(course, capacity=3, starts_on=timezone.localdate() + datetime.timedelta(days=1))
    f.enrolment(run, user=employee, progress_percent=40)
    f.enrolment(run, user=outsider.user)
    return {"alpha": alpha, "beta": beta, "hr": hr, "employee": employee, "outsider": outsider, "run": run}


def test_hr_sees_own_members_and_their_training(client, orgs):
    client.force_login(orgs["hr"])

    text = client.get("/hr/").content.decode()

    assert "김알파" in text and "kim@alpha.example" in text
    assert "박베타" not in text


def test_other_organisations_member_is_404(client, orgs):
    client.force_login(orgs["hr"])

    assert client.get(f"/hr/members/{orgs['outsider'].pk}/").status_code == 404
    assert client.get(f"/hr/?org={orgs['beta'].public_id}").status_code == 404


def test_employees_and_strangers_cannot_open_the_hr_area(client, orgs):
    for user in (orgs["employee"], f.UserFactory()):
        client.force_login(user)
        assert client.get("/hr/").status_code == 404
        assert client.get("/hr/records.csv").status_code == 404


def test_member_page_shows_progress_and_certificates(client, orgs):
    client.force_login(orgs["hr"])
    membership = Membership.objects.get(user=orgs["employee"])

    text = client.get(f"/hr/members/{membership.pk}/").content.decode()

    assert "군용드론 정비 실무" in text and 'value="40"' in text


def test_dashboard_queries_do_not_grow_with_members(client, orgs):
    client.force_login(orgs["hr"])

    def queries():
        client.get("/hr/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/hr/").status_code == 200
        return len(captured)

    def add_members(n):
        for _ in range(n):
            user = f.MembershipFactory(organisation=orgs["alpha"]).user
            f.enrolment(orgs["run"], user=user, status="pending")

    add_members(8)
    small = queries()
    add_members(60)
    large = queries()

    assert small == large, (small, large)


def test_bulk_enrolment_is_all_or_nothing_with_errors_by_row(client, orgs):
    client.force_login(orgs["hr"])
    second = f.MembershipFactory(organisation=orgs["alpha"], user=f.UserFactory(email="lee@alpha.example")).user
    bad = b"email\nlee@alpha.example\nnot-an-email\npark@beta.example\nlee@alpha.example\n"

    response = client.post("/hr/enrol/", {"run": orgs["run"].pk, "file": SimpleUploadedFile("staff.csv", bad)})

    text = response.content.decode()
    assert "3번째 행" in text and "4번째 행" in text and "5번째 행" in text
    assert not Enrolment.objects.filter(user=second).exists()

    good = b"email\nlee@alpha.example\n"
    client.post("/hr/enrol/", {"run": orgs["run"].pk, "file": SimpleUploadedFile("staff.csv", good)})
    assert Enrolment.objects.get(user=second).status == "active"


def test_exports_cover_only_the_organisation(client, orgs):
    client.force_login(orgs["hr"])

    rows = list(
        csv.reader(
            io.StringIO(
                client.post("/hr/records.csv", {"reason": "분기 교육 실적 보고"}).content.decode().lstrip("\ufeff")
            )
        )
    )
    sheet = load_workbook(io.BytesIO(client.post("/hr/records.xlsx", {"reason": "분기 교육 실적 보고"}).content)).active

    emails = [row[2] for row in rows[1:]]
    assert "kim@alpha.example" in emails and "park@beta.example" not in emails
    assert sheet.cell(row=2, column=3).value == "kim@alpha.example"


def test_hr_invites_an_employee(client, orgs):
    from django.core import mail

    client.force_login(orgs["hr"])

    client.post("/hr/invite/", {"email": "new@alpha.example"})

    assert mail.outbox[-1].to == ["new@alpha.example"]


def test_hr_creates_a_key_that_works_once_shown_and_can_revoke_it(client, orgs):
    from accounts.models import OrganisationApiKey

    client.force_login(orgs["hr"])

    response = client.post("/hr/api-keys/", {"action": "create", "name": "인사 시스템"})

    key = response.context["new_key"]
    assert key.startswith("acad_") and key in response.content.decode()
    row = OrganisationApiKey.objects.get()
    assert key not in (row.key_hash, row.prefix) and row.organisation == orgs["alpha"]
    assert key not in client.get("/hr/api-keys/").content.decode()  # shown once
    code = f.certificate().code
    assert client.get(f"/api/v1/certificates/{code}", HTTP_X_API_KEY=key).status_code == 200
    client.post("/hr/api-keys/", {"action": "revoke", "key": row.pk})
    assert client.get(f"/api/v1/certificates/{code}", HTTP_X_API_KEY=key).status_code == 401


def test_hr_cannot_revoke_another_organisations_key(client, orgs):
    from accounts.models import OrganisationApiKey
    from accounts.services import api_key_create

    foreign, _key = api_key_create(organisation=orgs["beta"], name="남의 키", actor=None)
    client.force_login(orgs["hr"])

    response = client.post("/hr/api-keys/", {"action": "revoke", "key": foreign.pk})

    assert response.status_code == 404
    assert OrganisationApiKey.objects.get(pk=foreign.pk).revoked_at is None
