"""HR sees certificates as verifiers do: the XLSX export works with them, revoked and expired ones are marked."""

import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import Membership
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    alpha = f.OrganisationFactory(name_ko="알파드론")
    hr = f.MembershipFactory(organisation=alpha, role="hr").user
    employee = f.MembershipFactory(
        organisation=alpha, user=f.UserFactory(name_ko="김알파", name_en="Alpha Kim", email="kim@alpha.example")
    ).user
    course = f.course_page(f.institute_page(), "군용드론 정비 실무")
    run = f.course_run(course)
    return {"org": alpha, "hr": hr, "employee": employee, "course": course, "run": run}


def _certificate(org, title, **fields):
    course = f.course_page(org["course"].get_parent().specific, title)
    enrolment = f.enrolment(f.course_run(course), user=org["employee"], status="completed")
    return f.certificate(enrolment, **fields)


def _revoked(org):
    return _certificate(
        org,
        "대드론 체계 운용",
        state="revoked",
        revoked_at=timezone.now(),
        revocation_reason="내부 메모: 부정 수강",
    )


def _expired(org):
    return _certificate(org, "드론 비행안전", expires_on=timezone.localdate() - datetime.timedelta(days=1))


def test_the_xlsx_export_works_when_a_member_has_a_certificate(client, org):
    certificate = _certificate(org, "임무SW 기초")
    client.force_login(org["hr"])

    response = client.post("/hr/records.xlsx", {"reason": "분기 교육 실적 보고"})

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    row = next(r for r in rows if r[8] == certificate.code)
    assert row[2] == "kim@alpha.example" and row[9] == "유효"


def test_the_exports_name_revoked_and_expired_certificates(client, org):
    revoked, expired = _revoked(org), _expired(org)
    client.force_login(org["hr"])

    sheet = load_workbook(io.BytesIO(client.post("/hr/records.xlsx", {"reason": "분기 교육 실적 보고"}).content)).active
    status = {row[8].value: row[9].value for row in sheet.iter_rows(min_row=2)}
    text = client.post("/hr/records.csv", {"reason": "분기 교육 실적 보고"}).content.decode("utf-8-sig")

    assert status[revoked.code] == "취소됨" and status[expired.code] == "만료됨"
    assert "취소됨" in text and "만료됨" in text


def test_the_dashboard_marks_revoked_and_expired_certificates_with_words(client, org):
    revoked, expired = _revoked(org), _expired(org)
    client.force_login(org["hr"])

    text = client.get("/hr/").content.decode()

    assert revoked.code in text and expired.code in text
    assert 'class="badge badge--danger"' in text and "취소됨" in text and "만료됨" in text
    assert "내부 메모" not in text


def test_the_member_page_marks_revoked_and_expired_certificates(client, org):
    _revoked(org), _expired(org)
    membership = Membership.objects.get(user=org["employee"])
    client.force_login(org["hr"])

    text = client.get(f"/hr/members/{membership.pk}/").content.decode()

    assert text.count('class="badge badge--danger"') >= 1 and "취소됨" in text
    assert 'class="badge badge--warn"' in text and "만료됨" in text
