"""CSV and XLSX exports (one writer for both formats), with spreadsheet formulas neutralised.

Every table the Academy hands out as a file goes through here, so text someone else typed (a name,
a code in an uploaded CSV) never runs as a formula when the file is opened in a spreadsheet.
Reading uploaded tables is ``common.uploads``.
"""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """Neutralise spreadsheet formulas in user-provided text (CSV/formula injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
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
