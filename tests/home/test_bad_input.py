"""Bad input never gives a 500: each input a security review sent gets a clear, translated 4xx.

One test per input, over HTTP as a browser or a script would send it, in Korean (the default
language): a numeric answer that overflows, a "code" with a slash, a CSV value longer than the csv
module's limit, CSV files that are not UTF-8, an API key id that is not a number, and uploads over
the size limit (refused before they are read).
"""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership
from assessments.models import Attempt
from common.uploads import UploadError, upload_bytes
from tests import factories as f

pytestmark = pytest.mark.django_db


def csv_upload(content: bytes, name: str = "codes.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_a_numeric_answer_that_overflows_is_refused_with_a_message(client):
    institute = f.institute_page()
    course = f.course_page(institute, min_progress_percent=0)
    question = f.question(
        f.question_bank(institute, course),
        "numeric",
        text="값은?",
        numeric_answer=Decimal("3.7"),
        tolerance=Decimal("0"),
    )
    quiz = f.quiz_page(course, [question])
    enrolment = f.enrolment(f.course_run(course))
    client.force_login(enrolment.user)
    client.post(reverse("assessments:start", args=[quiz.pk]))
    attempt = Attempt.objects.get()

    autosave = client.post(
        reverse("assessments:save_answer", args=[attempt.public_id]),
        {"question": question.pk, "answer": "9e999999999"},
    )
    page = client.post(
        reverse("assessments:attempt", args=[attempt.public_id]), {f"q-{question.pk}": "-9e999999999"}, follow=True
    )

    assert autosave.status_code == 400
    assert autosave.json()["error"].endswith("숫자를 입력하세요. 예: 3.7")
    assert page.status_code == 200 and "숫자를 입력하세요. 예: 3.7" in page.content.decode()


def test_a_code_with_a_slash_gets_the_not_found_answer(client):
    response = client.get("/verify/", {"code": "a/b"})

    assert response.status_code == 404
    assert "일치하는 수료증이 없습니다" in response.content.decode()


def test_a_bulk_csv_value_over_the_csv_field_limit_is_a_400(client):
    code = f.certificate().code
    content = f"{code},김하늘\n{code},{'가' * 131_073}\n".encode()

    response = client.post("/verify/bulk/", {"file": csv_upload(content)})

    assert response.status_code == 400
    text = response.content.decode()
    assert "2번째 행은 올바른 CSV가 아닙니다" in text and "131,072자" in text


def test_a_bulk_csv_saved_by_korean_excel_in_cp949_is_read(client):
    certificate = f.certificate(holder_name_ko="김하늘", holder_name_en="Haneul Kim")
    content = f"수료증 번호,이름\n{certificate.code},김하늘\n".encode("cp949")

    response = client.post("/verify/bulk/", {"file": csv_upload(content)})

    assert response.status_code == 200
    [row] = response.context["rows"]
    assert row.verification.found and row.name_matches is True


@pytest.mark.parametrize(
    "content",
    ["코드\n가나다\n".encode("utf-16"), b"PK\x03\x04\x14\x00\x06\x00 an xlsx workbook", b"\xff\xfe\xfd\x80\x81"],
    ids=["utf-16", "xlsx", "binary"],
)
def test_a_bulk_csv_in_no_readable_encoding_is_a_400_with_what_to_do(client, content):
    response = client.post("/verify/bulk/", {"file": csv_upload(content)})

    assert response.status_code == 400
    assert "CSV 텍스트 파일이 아닙니다" in response.content.decode()


def test_a_bulk_csv_over_the_size_limit_is_a_400(client):
    response = client.post("/verify/bulk/", {"file": csv_upload(b"x" * (2 * 1024 * 1024 + 1))})

    assert response.status_code == 400
    assert "파일이 2.0 MB보다 큽니다" in response.content.decode().replace("\xa0", " ")


def test_uploads_are_size_checked_before_they_are_read():
    class Unreadable(SimpleUploadedFile):
        def read(self, *args):
            raise AssertionError("read before its size was checked")

    with pytest.raises(UploadError, match="2.0"):
        upload_bytes(Unreadable("big.csv", b"x" * 3_000_000), max_bytes=2 * 1024 * 1024)


def test_hr_bulk_enrolment_reads_cp949_and_reports_an_overlong_value(client):
    membership = f.MembershipFactory(role=Membership.Role.HR)
    employee = f.MembershipFactory(organisation=membership.organisation, user=f.UserFactory(email="kim@example.com"))
    run = f.course_run(f.course_page(f.institute_page()), starts_on=timezone.localdate() + datetime.timedelta(days=1))
    client.force_login(membership.user)

    cp949 = client.post(
        "/hr/enrol/", {"run": run.pk, "file": csv_upload("이메일\nnobody@example.com\n".encode("cp949"))}
    )
    overlong = client.post(
        "/hr/enrol/", {"run": run.pk, "file": csv_upload(f'{employee.user.email}\n"{"x" * 131_073}\n'.encode())}
    )

    assert cp949.status_code < 500 and "nobody@example.com" in cp949.content.decode()  # read, then refused by row
    assert overlong.status_code < 500 and "2번째 행은 올바른 CSV가 아닙니다" in overlong.content.decode()


@pytest.mark.parametrize("key", ["abc", "", "1" * 40, "-1"])
def test_revoking_an_api_key_that_is_not_an_id_is_a_400(client, key):
    membership = f.MembershipFactory(role=Membership.Role.HR)
    client.force_login(membership.user)

    response = client.post("/hr/api-keys/", {"action": "revoke", "key": key})

    assert response.status_code == 400
    assert "이 API 키는 없거나 다른 소속 기업의 키입니다" in response.content.decode()
