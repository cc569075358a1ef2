"""Every user-facing string is translated into Korean."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "ko" / "LC_MESSAGES" / "django.po"
SOURCE_DIRS = ["accounts", "assessments", "certificates", "courses", "home", "lms", "ops", "templates"]


def test_korean_catalogue_is_complete():
    catalogue = polib.pofile(str(PO))

    assert len(catalogue) > 100
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path):
    """Extract the strings afresh from a copy of the sources and compare with the committed catalogue."""
    if shutil.which("xgettext") is None:
        pytest.fail("gettext is not installed (the setup installs it)")
    for name in SOURCE_DIRS:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    (tmp_path / "locale").mkdir()

    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "makemessages", "-l", "ko", "--no-location", "--ignore", "var/*"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={
            "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
            "ACADEMY_VAR_DIR": str(tmp_path / "var"),
            "PATH": "/usr/bin:/bin",
        },
    )
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
