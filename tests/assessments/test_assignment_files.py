"""Submitted files: checked by content, and served only to their trainee and the course's institute staff."""

from __future__ import annotations

import zipfile
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from assessments import assignments
from common.uploads import UploadError, check_file_kind
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages are matched in English (the msgids); pages are read in Korean, the default."""
    with translation.override("en"):
        yield


PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504  # the header of an HWP 5 / .doc file


def _zip() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


ALLOWED = ["pdf", "hwp", "hwpx", "docx", "zip", "txt"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("보고서.pdf", PDF),
        ("보고서.PDF", PDF),
        ("보고서.hwp", OLE2),
        ("old.hwp", b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05"),
        ("보고서.hwpx", _zip()),
        ("report.docx", _zip()),
        ("code.zip", _zip()),
        ("notes.txt", "비행 기록 메모\n".encode()),
        ("notes-cp949.txt", "비행 기록 메모\n".encode("cp949")),
    ],
)
def test_files_whose_content_matches_their_name_are_accepted(name, content):
    assert check_file_kind(name, content, allowed=ALLOWED) == name.rsplit(".", 1)[1].lower()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("renamed.pdf", b"MZ\x90\x00\x03", "not a real .pdf"),
        ("html.pdf", b"<html><script>", "not a real .pdf"),
        ("text.hwp", b"just text", "not a real .hwp"),
        ("pdf.docx", PDF, "not a real .docx"),
        ("ole.zip", OLE2, "not a real .zip"),
        ("binary.txt", b"\x00\x01\x02\x03", "not a text file"),
        ("virus.exe", b"MZ\x90\x00", "not accepted"),
        ("noextension", PDF, "not accepted"),
        ("image.png", b"\x89PNG\r\n\x1a\n", "not accepted"),  # a known type, but not allowed here
    ],
)
def test_files_whose_content_or_type_is_wrong_are_refused(name, content, message):
    with pytest.raises(UploadError, match=message):
        check_file_kind(name, content, allowed=ALLOWED)


# --------------------------------------------------------------------------------------------
# Who reads a submitted file
# --------------------------------------------------------------------------------------------


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    alpha, beta = f.institute_page(), f.institute_page()
    course = f.course_page(alpha, min_progress_percent=0)
    page = f.assignment_page(course)
    run = f.course_run(course)
    owner = f.enrolment(run)
    classmate = f.enrolment(run)
    submission = assignments.submission_save(
        assignment=page, user=owner.user, uploads=[SimpleUploadedFile("내 보고서.pdf", PDF)], submit=True
    )
    item = submission.files.get()
    return {
        "url": reverse("assessments:submission_file", args=[item.public_id]),
        "owner": owner.user,
        "classmate": classmate.user,
        "instructor": f.instructor_of(alpha),
        "manager": f.manager_of(alpha),
        "other_instructor": f.instructor_of(beta),
        "other_manager": f.manager_of(beta),
        "admin": f.AdminUserFactory(),
    }


@pytest.mark.parametrize("who", ["owner", "instructor", "manager", "admin"])
def test_the_trainee_and_the_institutes_staff_download_the_file(client, world, who):
    client.force_login(world[who])
    response = client.get(world["url"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("who", ["classmate", "other_instructor", "other_manager"])
def test_another_trainee_and_another_institutes_staff_are_refused(client, world, who):
    client.force_login(world[who])
    response = client.get(world["url"])
    assert response.status_code == 403
    assert PDF not in response.content


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, world):
    response = client.get(world["url"])
    assert response.status_code == 302 and "login" in response["Location"]


def test_an_unknown_file_is_a_404(client, world):
    client.force_login(world["owner"])
    assert (
        client.get(reverse("assessments:submission_file", args=["00000000-0000-0000-0000-000000000000"])).status_code
        == 404
    )
