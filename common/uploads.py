"""Reading uploaded tables (CSV) the same way everywhere: bounded, decoded, parsed without surprises.

- The size is checked (``UploadedFile.size``) before a byte is read, and no more than the limit is
  ever read.
- Text is UTF-8 (with or without the byte-order mark Excel writes for "CSV UTF-8") or CP949, what
  Excel on a Korean Windows saves as plain "CSV". UTF-8 is tried first: Korean text in CP949 is
  practically never valid UTF-8, so the two are told apart reliably; bytes that are neither, or
  that hold control characters no CSV contains (a workbook, a PDF, UTF-16), are refused.
- A malformed row (a value longer than the csv module's limit, usually a quotation mark that is
  never closed) is reported with its row number, never raised as a server error.

Every problem is an ``UploadError`` with a translated message meant for the person who uploaded.
Writing tables is ``common.exports``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

#: Control characters that never occur in CSV text (tab, line feed and carriage return do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class UploadError(ValueError):
    """An uploaded file that cannot be read; the message is translated and meant for the user."""


def upload_bytes(upload, *, max_bytes: int) -> bytes:
    """The content of an uploaded file, refused before reading when it is larger than ``max_bytes``."""
    if upload.size is None or upload.size > max_bytes:
        raise UploadError(_("The file is larger than %(size)s.") % {"size": filesizeformat(max_bytes)})
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:  # the announced size was wrong
        raise UploadError(_("The file is larger than %(size)s.") % {"size": filesizeformat(max_bytes)})
    return data


def decode_text(data: bytes) -> str:
    """The text of a CSV file saved as UTF-8 (with or without BOM) or CP949 (Excel's Korean "CSV")."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp949")
        except UnicodeDecodeError:
            text = None
    if text is None or _CONTROL.search(text):
        raise UploadError(
            _(
                "The file is not a CSV text file. In Excel, choose File → Save As → “CSV UTF-8 (comma "
                "delimited)” or “CSV (comma delimited)” and upload that file."
            )
        )
    return text


def csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """``(row number, values)`` of each row of CSV ``text``, numbered as a spreadsheet shows them
    (a value with line breaks stays in its row); a malformed row raises ``UploadError``."""
    reader = csv.reader(io.StringIO(text))
    number = 0
    while True:
        number += 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise UploadError(
                _(
                    "Row %(row)s is not valid CSV: a value is longer than %(n)s characters, or a quotation "
                    "mark is not closed."
                )
                % {"row": number, "n": f"{csv.field_size_limit():,}"}
            ) from None
        yield number, values


def read_csv(upload, *, max_bytes: int) -> list[tuple[int, list[str]]]:
    """Every row of an uploaded CSV file (size-checked, decoded and parsed as above)."""
    return list(csv_rows(decode_text(upload_bytes(upload, max_bytes=max_bytes))))
