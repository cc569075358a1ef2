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


# --------------------------------------------------------------------------------------------
# Files kept as they are (assignment submissions): the name's extension and the content agree
# --------------------------------------------------------------------------------------------

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: HWP 5, .doc, .xls, .ppt
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # a ZIP container (an empty archive starts with the second)

#: What the first bytes of a file of each accepted extension are. ``None``: plain text.
FILE_SIGNATURES: dict[str, tuple[bytes, ...] | None] = {
    "pdf": (b"%PDF-",),
    "hwp": (_OLE2, b"HWP Document File"),  # HWP 5 and the older HWP 3 format
    "hwpx": _ZIP,
    "docx": _ZIP,
    "xlsx": _ZIP,
    "pptx": _ZIP,
    "zip": _ZIP,
    "doc": (_OLE2,),
    "xls": (_OLE2,),
    "ppt": (_OLE2,),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "txt": None,
}


def file_extension(name: str) -> str:
    """The extension of a file name, lower case and without the dot (``""`` when there is none)."""
    base = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base.strip(".") else ""


def check_file_kind(name: str, head: bytes, *, allowed) -> str:
    """The extension of an uploaded file whose name is ``name`` and whose first bytes are ``head``.

    The extension must be one of ``allowed`` (and known to ``FILE_SIGNATURES``), and the content
    must be what the extension says: a ``.pdf`` starts with ``%PDF-``, an ``.hwp`` is a compound
    file, a ``.docx``, ``.hwpx`` or ``.zip`` a ZIP container, a ``.txt`` decodable text. A renamed
    executable, or a file with no extension, is refused with ``UploadError``.
    """
    extension = file_extension(name)
    allowed = [a for a in allowed if a in FILE_SIGNATURES]
    if extension not in allowed:
        raise UploadError(
            _("%(name)s: files of this type are not accepted (allowed: %(allowed)s).")
            % {"name": name, "allowed": ", ".join(f".{a}" for a in allowed)}
        )
    signatures = FILE_SIGNATURES[extension]
    if signatures is None:
        # ``head`` may end inside a character: up to three trailing bytes may be cut off.
        if not any(_is_text(head[: len(head) - cut]) for cut in range(min(4, len(head) + 1))):
            raise UploadError(_("%(name)s is not a text file.") % {"name": name})
    elif not head.startswith(signatures):
        raise UploadError(
            _("%(name)s is not a real .%(extension)s file: its content does not match its name.")
            % {"name": name, "extension": extension}
        )
    return extension


def _is_text(data: bytes) -> bool:
    try:
        decode_text(data)
    except UploadError:
        return False
    return True
