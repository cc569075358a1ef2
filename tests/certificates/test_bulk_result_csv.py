"""The bulk-verification result CSV neutralises formulas like every other export."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests import factories as f

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("https://evil.example","확인")', "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0"]


def test_formulas_typed_into_the_uploaded_csv_come_back_inert(client):
    codes = [f.certificate().code for _ in FORMULAS]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(zip(codes, FORMULAS, strict=True))

    response = client.post("/verify/bulk/", {"file": SimpleUploadedFile("codes.csv", buffer.getvalue().encode())})
    download = client.get(f"/verify/bulk/{response.context['token']}.csv")

    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    names_given = [row[4] for row in rows[1:]]
    assert names_given == ["'" + formula for formula in FORMULAS]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert download["Content-Type"] == "text/csv; charset=utf-8"
