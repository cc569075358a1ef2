"""CSV and XLSX exports of enrolment lists (one writer for both formats)."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _safe(value):
    """Neutralise spreadsheet formulas in user-provided text (CSV/formula injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def table_response(*, filename: str, header: list[str], rows, file_format: str) -> HttpResponse:
    """An attachment with ``header`` and ``rows`` as CSV (UTF-8 with BOM, for Excel) or XLSX."""
    if file_format == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append([_safe(value) for value in header])
        for row in rows:
            sheet.append([_safe(value) for value in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
        extension = "xlsx"
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([_safe(value) for value in header])
        for row in rows:
            writer.writerow([_safe(value) for value in row])
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
        extension = "csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response
