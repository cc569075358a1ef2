"""The runtime-only install works: ``bin/smoke`` in a virtualenv made from requirements.txt alone.

It builds (or reuses) that virtualenv, runs the production settings on PostgreSQL and Redis, and
proves ``check --deploy``, migrate, gunicorn's ``/healthz`` and one certificate issued by a real
Celery worker. Its own database is named after this run's test database, so parallel runs differ.
"""

from __future__ import annotations

import os
import subprocess

import pytest
from django.db import connection

from tests.conftest import ROOT

pytestmark = [pytest.mark.smoke, pytest.mark.django_db]


def test_runtime_only_install_serves_and_issues_a_certificate():
    env = {
        **os.environ,
        "SMOKE_DB": f"{connection.settings_dict['NAME']}_smoke"[:63],
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(  # noqa: S603
        [str(ROOT / "bin/smoke")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    assert '"status": "ok"' in output
    assert "SMOKE OK: certificate" in output
