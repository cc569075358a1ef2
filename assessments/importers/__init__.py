"""Read question banks in GIFT and Moodle XML format into plain dataclasses.

Nothing here touches the database: the parsers turn a file into an :class:`ImportResult` holding the
questions that could be read, the *errors* (malformed questions; the caller should import nothing
while there are any) and the *unsupported* questions (well-formed, but of a type the Academy does not
offer, such as essays or matching). Every problem names where it is — ``"line 12"`` in a GIFT file,
``"question 3"`` in a Moodle XML file, ``"file"`` for the file as a whole — and its message says what
is wrong and how to fix it, in the active language.

GIFT is described at https://docs.moodle.org/en/GIFT_format and Moodle XML at
https://docs.moodle.org/en/Moodle_XML_format; where the two leave room, the parsers follow what
Moodle itself exports.

The public entry points are here: :func:`parse_question_bank` (either format, by file name) and
the two parsers; the dataclasses and limits they share are in :mod:`.common`.
"""

from __future__ import annotations

from pathlib import PurePath

from django.utils.translation import gettext as _

from .common import (
    GIFT_EXTENSIONS,
    MAX_BYTES,
    MAX_QUESTIONS,
    XML_EXTENSIONS,
    ImportedChoice,
    ImportedQuestion,
    ImportProblem,
    ImportResult,
    _file_problem,
    _short,
    _too_large,
)
from .gift import parse_gift
from .moodle_xml import parse_moodle_xml

__all__ = [
    "MAX_BYTES",
    "MAX_QUESTIONS",
    "ImportProblem",
    "ImportResult",
    "ImportedChoice",
    "ImportedQuestion",
    "parse_gift",
    "parse_moodle_xml",
    "parse_question_bank",
]


def parse_question_bank(filename: str, data: bytes) -> ImportResult:
    """Pick the parser by extension (.gift/.txt → GIFT, .xml → Moodle XML).

    An unknown extension, a file over the size limit or bytes that are not UTF-8 text (with or
    without a byte-order mark) give one error at "file".
    """
    extension = PurePath(filename).suffix.lower()
    if extension not in GIFT_EXTENSIONS | XML_EXTENSIONS:
        return _file_problem(
            _(
                "“%(name)s” is not a file type that can be imported. Upload a GIFT file (.gift or .txt) or a "
                "Moodle XML file (.xml)."
            )
            % {"name": _short(PurePath(filename).name, 80)}
        )
    if len(data) > MAX_BYTES:
        return _too_large()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _file_problem(
            _(
                "The file is not UTF-8 text. Save it with the UTF-8 encoding (in Notepad: Save as → Encoding: "
                "UTF-8) and upload it again."
            )
        )
    if extension in XML_EXTENSIONS:
        return parse_moodle_xml(data)
    return parse_gift(text)
