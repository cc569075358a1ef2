"""Templates and certificates in the Wagtail admin: each institute's managers see only their own."""

import pytest

from certificates.models import Certificate, CertificateTemplate
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(institute):
    return factories.manager_of(institute)


@pytest.fixture
def other_template():
    return CertificateTemplate.objects.create(institute=factories.institute_page(), name="남의 양식")


def test_manager_lists_only_their_institutes_templates(client, manager, template, other_template):
    client.force_login(manager)

    response = client.get("/cms/certificate_templates/")

    assert response.status_code == 200
    assert template.name in response.content.decode()
    assert other_template.name not in response.content.decode()


@pytest.mark.parametrize("action", ["edit/", "delete/", "history/", "usage/"])
def test_another_institutes_template_is_a_404(client, manager, other_template, action):
    client.force_login(manager)

    assert client.get(f"/cms/certificate_templates/{action}{other_template.pk}/").status_code == 404


def test_another_institutes_template_cannot_be_changed_by_post(client, manager, other_template):
    client.force_login(manager)

    response = client.post(f"/cms/certificate_templates/edit/{other_template.pk}/", {"name": "hijacked"})

    assert response.status_code == 404
    assert CertificateTemplate.objects.get(pk=other_template.pk).name == "남의 양식"


def test_manager_creates_a_template_only_for_their_institute(client, manager, institute, other_template):
    client.force_login(manager)
    form = {
        "name": "새 양식",
        "title_ko": "수료증",
        "title_en": "Certificate of Completion",
        "body_ko": "본문",
        "body_en": "Body",
        "primary_colour": "#112233",
        "accent_colour": "#445566",
        "validity_months": "12",
        "signatories-TOTAL_FORMS": "1",
        "signatories-INITIAL_FORMS": "0",
        "signatories-MIN_NUM_FORMS": "0",
        "signatories-MAX_NUM_FORMS": "3",
        "signatories-0-name_ko": "홍원장",
        "signatories-0-name_en": "Wonjang Hong",
        "signatories-0-title_ko": "원장",
        "signatories-0-title_en": "President",
        "signatories-0-ORDER": "1",
        "signatories-0-id": "",
        "signatories-0-DELETE": "",
    }

    refused = client.post("/cms/certificate_templates/new/", {**form, "institute": other_template.institute_id})
    created = client.post("/cms/certificate_templates/new/", {**form, "institute": institute.pk})

    assert refused.status_code == 200 and "institute" in refused.context["form"].errors
    assert created.status_code == 302, created.context["form"].errors if created.context else created
    template = CertificateTemplate.objects.get(name="새 양식")
    assert template.institute_id == institute.pk
    assert template.signatories.get().name_ko == "홍원장"


def test_colours_must_be_hex(client, manager, institute):
    template = CertificateTemplate(institute=institute, name="x", primary_colour="red")

    with pytest.raises(Exception, match="RRGGBB"):
        template.full_clean()


def test_instructors_and_trainees_cannot_open_templates(client, institute, template):
    client.force_login(factories.instructor_of(institute))
    assert client.get("/cms/certificate_templates/").status_code in (302, 403)
    assert client.get(f"/cms/academy/certificates/templates/{template.pk}/preview/").status_code == 404


def test_preview_pdf_with_sample_data_for_the_institutes_managers_only(client, manager, template, other_template):
    client.force_login(manager)

    response = client.get(f"/cms/academy/certificates/templates/{template.pk}/preview/")
    other = client.get(f"/cms/academy/certificates/templates/{other_template.pk}/preview/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response).startswith(b"%PDF")
    assert other.status_code == 404


def test_menu_shows_templates_and_certificates_to_managers(client, manager):
    client.force_login(manager)

    page = client.get("/cms/").content.decode()

    assert "/cms/certificate_templates/" in page
    assert "/cms/academy/certificates/" in page


def test_manager_revokes_from_the_admin_and_staff_of_other_institutes_get_404(client, issue, institute, manager):
    certificate = issue()
    outsider = factories.manager_of(factories.institute_page())
    client.force_login(outsider)
    assert client.get(f"/cms/academy/certificates/{certificate.pk}/").status_code == 404
    assert client.post(f"/cms/academy/certificates/{certificate.pk}/revoke/", {"reason": "x"}).status_code == 404

    client.force_login(factories.instructor_of(institute))
    assert client.get(f"/cms/academy/certificates/{certificate.pk}/").status_code == 200
    refused = client.post(f"/cms/academy/certificates/{certificate.pk}/revoke/", {"reason": "x"})
    assert refused.status_code == 302 and refused["Location"] == "/cms/"  # Wagtail's answer to PermissionDenied
    assert Certificate.objects.get(pk=certificate.pk).state == Certificate.State.ISSUED

    client.force_login(manager)
    listing = client.get("/cms/academy/certificates/").content.decode()
    assert certificate.code in listing
    form = client.get(f"/cms/academy/certificates/{certificate.pk}/").content.decode()
    assert "수료 요건 미충족" in form and "부정행위" in form and "본인 요청" in form and "발급 오류" in form
    no_category = client.post(f"/cms/academy/certificates/{certificate.pk}/revoke/", {"reason": "수료 기준 오적용"})
    assert no_category.status_code == 302
    assert Certificate.objects.get(pk=certificate.pk).state == Certificate.State.ISSUED
    response = client.post(
        f"/cms/academy/certificates/{certificate.pk}/revoke/",
        {"category": "requirements_not_met", "reason": "수료 기준 오적용"},
    )

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.REVOKED
    assert certificate.revocation_reason == "수료 기준 오적용"
    assert certificate.revocation_category == "requirements_not_met"


def test_manager_reissues_from_the_admin(client, issue, manager, django_capture_on_commit_callbacks):
    certificate = issue()
    client.force_login(manager)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/cms/academy/certificates/{certificate.pk}/reissue/", {"reason": "성명 정정"})

    assert response.status_code == 302
    reissued = Certificate.objects.get(pk=certificate.pk)
    assert reissued.code == certificate.code
    assert reissued.superseded_pdfs.get().sha256 == certificate.sha256


def test_certificate_list_exports_csv_and_xlsx_for_the_institute_only(client, issue, manager):
    """The listing's export (Wagtail's list_export, written by common.exports): the institute's own
    certificates with their status, in UTF-8 with a BOM for Excel; another institute's manager
    exports none of them."""
    import io

    from openpyxl import load_workbook

    certificate = issue()
    Certificate.objects.filter(pk=certificate.pk).update(holder_name_en="=HYPERLINK(1)")
    client.force_login(manager)
    listing = client.get("/cms/academy/certificates/").content.decode()
    assert "export=csv" in listing and "export=xlsx" in listing

    assert "reason" in client.get("/cms/academy/certificates/?export=csv").content.decode()  # the form first
    assert client.post("/cms/academy/certificates/?export=csv", {}).status_code == 400
    response = client.post("/cms/academy/certificates/?export=csv", {"reason": "발급 현황 보고"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="certificates.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    header, row = text.lstrip("\ufeff").splitlines()[:2]
    assert header == "수료증 번호,한글 이름,영문 이름,이메일,교육과정,차수,교육기관,교육시간,수료일,발급일,만료일,상태"
    assert certificate.code in row and certificate.holder_name_ko in row and "유효" in row
    assert "'=HYPERLINK(1)" in row  # a formula typed into a name never runs in a spreadsheet

    workbook = load_workbook(
        io.BytesIO(client.post("/cms/academy/certificates/?export=xlsx", {"reason": "발급 현황 보고"}).content)
    )
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[1][0] == certificate.code and rows[1][-1] == "유효"

    client.force_login(factories.manager_of(factories.institute_page()))
    other = client.post("/cms/academy/certificates/?export=csv", {"reason": "발급 현황 보고"}).content.decode("utf-8")
    assert certificate.code not in other and len(other.lstrip("\ufeff").splitlines()) == 1
