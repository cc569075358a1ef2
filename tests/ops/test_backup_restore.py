"""Backup and restore: a certificate's code and its PDF's SHA-256 survive into a fresh database."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import connection

from certificates.models import Certificate
from courses import services as course_services
from tests import factories
from tests.conftest import ROOT
from tests.support.worker import database_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def fresh_database():
    name = f"{connection.settings_dict['NAME']}_restore"[:63]
    base = database_url().rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{base}/{name}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def issued_certificate() -> Certificate:
    course = factories.course_page(factories.institute_page(), min_progress_percent=0)
    enrolment = factories.enrolment(factories.course_run(course))
    assert course_services.enrolment_evaluate_completion(enrolment=enrolment)  # renders at once (eager)
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.state == Certificate.State.ISSUED and certificate.pdf
    return certificate


def restore(backup_dir, database_url, var_dir):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "academy_restore", str(backup_dir)],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.test",
            "DATABASE_URL": database_url,
            "ACADEMY_VAR_DIR": str(var_dir),  # a fresh media folder (test settings: var/test-media)
        },
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_certificate_survives_backup_and_restore_into_a_fresh_database(tmp_path, fresh_database):
    certificate = issued_certificate()
    evidence = storages["evidence"]
    private_name = evidence.save("packs/2026/run-1.zip", ContentFile(b"PK private evidence"))
    backup_dir = tmp_path / "backup"
    try:
        call_command("academy_backup", str(backup_dir))
    finally:
        evidence.delete(private_name)

    manifest = json.loads((backup_dir / "manifest.json").read_text())
    assert certificate.pdf.name in {entry["name"] for entry in manifest["media"]}
    assert private_name in {entry["name"] for entry in manifest["storages"]["evidence"]}

    restored_var = tmp_path / "restored-var"
    result = restore(backup_dir, fresh_database, restored_var)
    assert result.returncode == 0, result.stderr

    with psycopg.connect(fresh_database) as restored:
        code, sha256, pdf = restored.execute(
            "SELECT code, sha256, pdf FROM certificates_certificate WHERE id = %s", [certificate.pk]
        ).fetchone()
    assert (code, sha256, pdf) == (certificate.code, certificate.sha256, certificate.pdf.name)
    restored_pdf = restored_var / "test-media" / pdf
    assert hashlib.sha256(restored_pdf.read_bytes()).hexdigest() == certificate.sha256
    # The private evidence folder comes back too, outside the media folder (no URL reaches it).
    assert (restored_var / "test-private" / "evidence" / private_name).read_bytes() == b"PK private evidence"

    # A second restore over the now filled database is refused and changes nothing.
    again = restore(backup_dir, fresh_database, restored_var)
    assert again.returncode != 0
    assert "is not empty" in again.stderr


def test_a_damaged_backup_is_refused_before_anything_is_written(tmp_path, fresh_database):
    certificate = issued_certificate()
    backup_dir = tmp_path / "backup"
    call_command("academy_backup", str(backup_dir))
    damaged = backup_dir / "media" / certificate.pdf.name
    damaged.write_bytes(damaged.read_bytes()[:-10] + b"tampered!!")

    result = restore(backup_dir, fresh_database, tmp_path / "restored-var")
    assert result.returncode != 0
    assert "does not match the manifest" in result.stderr
    with psycopg.connect(fresh_database) as restored:
        assert restored.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone() == (0,)


def test_backing_up_into_a_folder_that_is_not_empty_is_refused(tmp_path):
    (tmp_path / "something").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("academy_backup", str(tmp_path))
