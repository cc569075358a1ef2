"""Every user-facing string is translated into Korean."""

import shutil
from pathlib import Path

import polib
import pytest

from tests.support.i18n import SOURCES, makemessages_on_copy

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "ko" / "LC_MESSAGES" / "django.po"


def test_korean_catalogue_is_complete():
    catalogue = polib.pofile(str(PO))

    assert len(catalogue) > 100
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path):
    """Extract the strings afresh from a copy of the sources and compare with the committed catalogue."""
    if shutil.which("xgettext") is None:
        pytest.fail("gettext is not installed (the setup installs it)")
    (tmp_path / "locale").mkdir()
    result = makemessages_on_copy(tmp_path, SOURCES)
    assert result.returncode == 0, result.stderr

    extracted = {(e.msgctxt, e.msgid) for e in polib.pofile(str(tmp_path / "locale/ko/LC_MESSAGES/django.po"))}
    committed = {(e.msgctxt, e.msgid) for e in polib.pofile(str(PO)) if not e.obsolete}
    assert extracted - committed == set(), "run `bin/i18n` and translate the new strings"


def test_compiled_catalogue_translates(settings):
    from django.utils import translation

    with translation.override("ko"):
        assert translation.gettext("My learning") == "나의 강의실"
        assert translation.gettext("Page not found") == "페이지를 찾을 수 없습니다"
    with translation.override("en"):
        assert translation.gettext("My learning") == "My learning"
