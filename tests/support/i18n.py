"""``manage.py makemessages`` on a copy of the sources, as ``bin/i18n`` runs it, for the tests of the
catalogues (the committed files are never touched)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Every app of ours (a folder with apps.py); with ``common`` (helpers, no app), ``lms`` and
#: ``templates``, every source of strings.
APPS = sorted(path.parent.name for path in ROOT.glob("*/apps.py"))
SOURCES = [*APPS, "common", "lms", "templates"]


def makemessages_on_copy(tmp_path: Path, names: list[str]) -> subprocess.CompletedProcess:
    """Copy ``names`` (folders of the project) and manage.py into ``tmp_path`` and extract the Korean
    strings there with the development settings; returns the finished process."""
    for name in names:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    return subprocess.run(  # noqa: S603
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
