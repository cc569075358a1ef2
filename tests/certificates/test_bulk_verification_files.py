"""Bulk verification reads what Korean Excel saves and answers every row, refused ones included."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def certs():
    valid = f.certificate(holder_name_ko="김하늘", holder_name_en="Haneul Kim")
    revoked = f.certificate(
        holder_name_ko="이바다",
        holder_name_en="Bada Lee",
        state="revoked",
        revoked_at=timezone.now(),
        revocation_reason="내부 메모",
        revocation_category="misconduct",
        expires_on=timezone.localdate() + datetime.timedelta(days=100),
    )
    expired = f.certificate(holder_name_ko="박산", expires_on=timezone.localdate() - datetime.timedelta(days=1))
    return {"valid": valid, "revoked": revoked, "expired": expired}


def _post(client, text: str, encoding: str):
    return client.post("/verify/bulk/", {"file": SimpleUploadedFile("codes.csv", text.encode(encoding))})


def _download(client, response):
    download = client.get(f"/verify/bulk/{response.context['token']}.csv")
    assert download.content.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    return list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("encoding", ["cp949", "euc-kr", "utf-8", "utf-8-sig"])
@pytest.mark.parametrize("header", ["수료증 번호,성명", "Certificate code,Name", "code,name", "번호,이름"])
def test_every_encoding_excel_saves_and_a_header_row_in_either_language(client, certs, encoding, header):
    text = f"{header}\r\n{certs['valid'].code},김하늘\r\n"

    response = _post(client, text, encoding)

    assert response.status_code == 200
    rows = response.context["rows"]
    assert [(r.row, r.name_matches) for r in rows] == [(2, True)]
    assert "김하늘" in response.content.decode()  # the name typed matches, so it is shown whole
    assert not response.context["errors"]


def test_malformed_rows_stay_in_the_result_csv_with_their_number_and_reason(client, certs):
    text = f"수료증 번호,성명\n{certs['valid'].code},김하늘\n아무거나,홍길동\n,이름만\n00000-00000-00000-00000,\n"

    response = _post(client, text, "cp949")

    page = response.content.decode()
    assert "3번째 행" in page and "4번째 행" in page
    rows = _download(client, response)
    assert [row[0] for row in rows[1:]] == ["2", "3", "4", "5"]
    by_row = {row[0]: row for row in rows[1:]}
    assert by_row["3"][2] == "확인 안 함" and "아무거나" in by_row["3"][8]
    assert by_row["4"][2] == "확인 안 함" and by_row["4"][8]
    assert by_row["5"][2] == "해당 수료증 없음"
    assert by_row["2"][2] == "유효" and by_row["2"][3] == "김하늘 (Haneul Kim)"


def test_revoked_and_expired_rows_are_highlighted_and_names_masked(client, certs):
    text = "\n".join(certs[key].code for key in ("valid", "revoked", "expired"))

    response = _post(client, text, "utf-8")

    page = response.content.decode()
    assert page.count('<tr class="is-warning">') == 2
    assert "취소됨" in page and "만료됨" in page and "badge badge--danger" in page and "badge badge--warn" in page
    assert "김*늘" in page and "김하늘" not in page and "내부 메모" not in page
    rows = _download(client, response)
    revoked = next(row for row in rows if row[1] == certs["revoked"].code)
    assert revoked[2] == "취소됨" and revoked[7] == "" and revoked[3] == "이*다 (B*** L**)"


def test_a_file_of_only_bad_rows_is_a_400_with_its_reasons(client):
    response = _post(client, "code\nnope\n", "utf-8")

    assert response.status_code == 400 and "2번째 행" in response.content.decode()


def test_the_sample_csv_opens_in_excel_in_korean(client):
    response = client.get("/verify/bulk/sample.csv")

    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["수료증 번호", "이름"] and rows[1][1] == "홍길동"
    assert "/verify/bulk/sample.csv" in client.get("/verify/bulk/").content.decode()


def test_the_sample_file_is_read_back_without_errors(client):
    sample = client.get("/verify/bulk/sample.csv").content

    response = client.post("/verify/bulk/", {"file": SimpleUploadedFile("sample.csv", sample)})

    assert response.status_code == 200 and [r.row for r in response.context["rows"]] == [2, 3]
