"""A name correction approved by the issuing institute's manager: new names, same code, new PDF."""

import shutil
import subprocess
import tempfile

import pytest
from django.core.files.storage import default_storage

from accounts.models import NameCorrectionRequest
from accounts.services import NameCorrectionError, name_correction_request_create
from certificates.models import Certificate
from certificates.name_corrections import name_correction_decide, name_correction_policy
from tests import factories

pytestmark = pytest.mark.django_db


def pdf_text(certificate) -> str:
    with default_storage.open(certificate.pdf.name, "rb") as handle, tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(handle.read())
        f.flush()
        return subprocess.run(["pdftotext", f.name, "-"], capture_output=True, check=True).stdout.decode()


@pytest.fixture
def request_(trainee):
    return name_correction_request_create(user=trainee, name_ko="김하은", name_en="Haeun Kim", reason="개명")


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs Debian's poppler-utils (bin/setup --dev)")
def test_approval_changes_the_names_and_reissues_under_the_same_code_with_a_new_pdf(
    issue, institute, trainee, request_, django_capture_on_commit_callbacks
):
    certificate = issue()
    code, old_sha = certificate.code, certificate.sha256
    assert "김하늘" in pdf_text(certificate)
    manager = factories.manager_of(institute)

    with django_capture_on_commit_callbacks(execute=True):
        reissued = name_correction_decide(correction=request_, actor=manager, approve=True)

    assert [c.pk for c in reissued] == [certificate.pk]
    trainee.refresh_from_db()
    assert (trainee.name_ko, trainee.name_en) == ("김하은", "Haeun Kim")
    certificate = Certificate.objects.get(pk=certificate.pk)
    assert certificate.code == code
    assert (certificate.holder_name_ko, certificate.holder_name_en) == ("김하은", "Haeun Kim")
    assert certificate.sha256 != old_sha
    text = pdf_text(certificate)
    assert "김하은" in text and "Haeun Kim" in text and "김하늘" not in text
    request_.refresh_from_db()
    assert (request_.status, request_.decided_by) == ("approved", manager)
    assert certificate.events.filter(kind="reissue_requested", reason__contains="김하늘 → 김하은").exists()


def test_a_manager_of_another_institute_neither_sees_nor_decides_the_request(issue, trainee, request_):
    issue()
    other = factories.manager_of(factories.institute_page("다른연구원"))

    assert not name_correction_policy.instances_user_has_any_permission_for(other, ["view", "change"]).exists()
    with pytest.raises(NameCorrectionError):
        name_correction_decide(correction=request_, actor=other, approve=True)

    trainee.refresh_from_db()
    assert trainee.name_ko == "김하늘"
    assert NameCorrectionRequest.objects.get(pk=request_.pk).status == "pending"


def test_an_instructor_of_the_issuing_institute_may_not_decide(issue, institute, request_):
    issue()
    instructor = factories.instructor_of(institute)

    assert not name_correction_policy.user_has_permission_for_instance(instructor, "change", request_)
    with pytest.raises(NameCorrectionError):
        name_correction_decide(correction=request_, actor=instructor, approve=True)


def test_a_rejection_needs_a_reason_and_keeps_the_names(issue, institute, trainee, request_):
    certificate = issue()
    manager = factories.manager_of(institute)

    with pytest.raises(NameCorrectionError):
        name_correction_decide(correction=request_, actor=manager, approve=False, note=" ")
    name_correction_decide(correction=request_, actor=manager, approve=False, note="증빙 서류가 필요합니다")

    trainee.refresh_from_db()
    assert trainee.name_ko == "김하늘"
    assert Certificate.objects.get(pk=certificate.pk).revision == certificate.revision
    request_.refresh_from_db()
    assert (request_.status, request_.decision_note) == ("rejected", "증빙 서류가 필요합니다")
    with pytest.raises(NameCorrectionError):
        name_correction_decide(correction=request_, actor=manager, approve=True)


def test_the_admin_lists_and_decides_only_for_the_issuing_institutes_manager(
    client, issue, institute, trainee, request_, django_capture_on_commit_callbacks
):
    issue()
    manager = factories.manager_of(institute)
    other = factories.manager_of(factories.institute_page("다른연구원"))
    edit_url = f"/cms/name_corrections/edit/{request_.pk}/"

    client.force_login(other)
    assert "김하은" not in client.get("/cms/name_corrections/").content.decode()
    assert client.get(edit_url).status_code in (403, 404)
    assert client.post(edit_url, {"decision": "approve", "decision_note": ""}).status_code in (403, 404)

    client.force_login(manager)
    page = client.get(edit_url)
    assert page.status_code == 200 and "김하은" in page.content.decode() and "개명" in page.content.decode()
    assert "김하은" in client.get("/cms/name_corrections/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, {"decision": "approve", "decision_note": ""}, follow=True)
    assert "재발급하고 있습니다" in response.content.decode()
    trainee.refresh_from_db()
    assert trainee.name_ko == "김하은"
