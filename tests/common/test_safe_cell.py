"""Formulas typed by someone else never run when an export is opened in a spreadsheet (OWASP CSV
injection), and numbers, including negative ones, are still numbers."""

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from common.exports import csv_text, safe_cell, table_response

FORMULAS = [
    '=HYPERLINK("https://evil.example","확인")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "   +cmd|' /C calc'!A0",
    "\u3000=1+1",  # an ideographic (full-width) space first
    '＝HYPERLINK("https://evil.example")',
    "＋1＋1",
    "－2＋3",
    "＠SUM(A1)",
    "  ＝1+1",
    "﹦1+1",  # the small form of =, another compatibility form
    "-",
    "+82 10-1234-5678",
    "-3.5e2",  # an exponent is more than a plain number: neutralised, to be safe
]


@pytest.mark.parametrize("text", FORMULAS)
def test_text_a_spreadsheet_could_run_gets_an_apostrophe(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["-3.5", "+82", "-12", "0.5", ".5", "-0", "홍길동", "A-1", "a=b", "3-1", ""])
def test_plain_numbers_and_ordinary_text_are_unchanged(value):
    assert safe_cell(value) == value


@pytest.mark.parametrize("value", [-3, -3.5, Decimal("-63.00"), 0, None, True])
def test_values_that_are_not_text_are_unchanged(value):
    assert safe_cell(value) is value


def test_csv_and_xlsx_exports_write_numbers_as_numbers_and_formulas_as_text():
    header = ["이름", "점수"]
    rows = [[" =1+1", Decimal("-3.5")], ["＝SUM(A1)", "-12"], ["-2+3", -4]]

    text = csv_text(header=header, rows=rows)
    assert text.splitlines()[1:] == ["' =1+1,-3.5", "'＝SUM(A1),-12", "'-2+3,-4"]

    response = table_response(filename="t", header=header, rows=rows, file_format="xlsx")
    sheet = load_workbook(BytesIO(response.content)).active
    cells = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert cells == [["' =1+1", -3.5], ["'＝SUM(A1)", "-12"], ["'-2+3", -4]]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
