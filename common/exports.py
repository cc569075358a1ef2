"""CSV and XLSX exports (one writer for both formats), with spreadsheet formulas neutralised.

Every table the Academy hands out as a file goes through here, so text someone else typed (a name,
a code in an uploaded CSV) never runs as a formula when the file is opened in a spreadsheet.
Reading uploaded tables is ``common.uploads``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata

from django.http import HttpResponse
from openpyxl import Workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# What a spreadsheet may read as the start of a formula (OWASP "CSV Injection"): = + - @, and a tab or
# carriage return, which some programs skip before looking for one.
_FORMULA_START = frozenset("=+-@\t\r")
# A signed decimal number and nothing else ("-3.5", "+82"): a spreadsheet reads it as that number,
# which runs nothing, so it is written unchanged rather than shown as '-3.5.
_PLAIN_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d+)?|\.\d+)")


def safe_cell(value):
    """Neutralise spreadsheet formulas in user-provided text (CSV/formula injection).

    A text cell that a spreadsheet could run as a formula gets a leading apostrophe: one starting
    with = + - @, a tab or a carriage return; one where such a sign follows leading spaces (some
    programs trim them); and one starting with the full-width ＝ ＋ － ＠ (or another compatibility
    form of the four signs), which East Asian input methods type and some spreadsheets read as
    the ASCII sign. Numbers are never changed: ints, floats and Decimals are written as numbers,
    and a text that is only a signed decimal number ("-3.5") stays as it is, because a spreadsheet
    reads it as that number and nothing runs. Anything longer that starts with a sign ("-2+3",
    "+82 10-1234-5678") is neutralised.
    """
    if not isinstance(value, str) or not value or _PLAIN_NUMBER.fullmatch(value):
        return value
    if value[0] in _FORMULA_START:
        return "'" + value
    first = value.lstrip()[:1]
    if first and unicodedata.normalize("NFKC", first) in _FORMULA_START:
        return "'" + value
    return value


def csv_text(*, header: list[str], rows) -> str:
    """``header`` and ``rows`` as CSV text, every cell neutralised (no byte-order mark)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(value) for value in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return buffer.getvalue()


def csv_response(*, filename: str, content: str) -> HttpResponse:
    """An attachment of CSV text from ``csv_text``, in UTF-8 with a byte-order mark (for Excel)."""
    response = HttpResponse("\ufeff" + content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def table_response(*, filename: str, header: list[str], rows, file_format: str) -> HttpResponse:
    """An attachment with ``header`` and ``rows`` as CSV (UTF-8 with BOM, for Excel) or XLSX."""
    if file_format != "xlsx":
        return csv_response(filename=filename, content=csv_text(header=header, rows=rows))
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append([safe_cell(value) for value in header])
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
