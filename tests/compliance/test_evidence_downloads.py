"""Evidence packs on demand in the admin (per enrolment, CSV or PDF, and a run's zip) for the staff of
the run's institute only, every download in the audit trail; and the packs stored, once, in private
storage the day after the 훈련기간 (DOMAIN-KR §1.9)."""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from compliance import evidence, tasks
from compliance.models import StoredEvidencePack
from courses.models import Enrolment
from ops.audit import audit_chain_verify
from ops.models import AuditEvent
from tests import factories as f
from tests.assessments.test_completion_decision import world  # noqa: F401

from .evidence_support import evidence_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack_world(world):  # noqa: F811
    return evidence_world(world)


def urls(enrolment):
    return {
        "csv": f"/cms/academy/evidence/enrolments/{enrolment.pk}/csv/",
        "pdf": f"/cms/academy/evidence/enrolments/{enrolment.pk}/pdf/",
        "zip": f"/cms/academy/evidence/runs/{enrolment.run_id}/zip/",
    }


def test_staff_of_the_runs_institute_download_csv_and_pdf_and_each_download_is_audited(client, pack_world):
    enrolment = pack_world["enrolment"]
    client.force_login(pack_world["instructor"])
    before = AuditEvent.objects.filter(action=evidence.EXPORT_ACTION).count()

    as_csv = client.post(urls(enrolment)["csv"], {"reason": "공단 실시상황 점검 제출"})
    as_pdf = client.post(urls(enrolment)["pdf"], {"reason": "공단 실시상황 점검 제출"})

    assert as_csv.status_code == 200 and as_csv["Content-Type"].startswith("text/csv")
    assert f'enrolment{enrolment.pk}.csv"' in as_csv["Content-Disposition"]
    assert as_csv.content.startswith(b"\xef\xbb\xbf") and "1차시".encode() in as_csv.content
    assert as_pdf.status_code == 200 and as_pdf.content.startswith(b"%PDF")
    exports = AuditEvent.objects.filter(action=evidence.EXPORT_ACTION).order_by("pk")[before:]
    assert [(e.actor_id, e.subject_user_id, e.data["format"]) for e in exports] == [
        (pack_world["instructor"].pk, enrolment.user_id, "csv"),
        (pack_world["instructor"].pk, enrolment.user_id, "pdf"),
    ]
    # The next pack lists the download itself.
    audit = next(table for table in evidence.evidence_pack(enrolment).tables if table.key == "audit")
    assert evidence.EXPORT_ACTION in [row[1] for row in audit.rows]
    assert audit_chain_verify().ok


def test_the_runs_zip_holds_both_files_of_every_enrolment_and_a_manifest(client, pack_world):
    other = f.enrolment(pack_world["run"])
    f.enrolment(pack_world["run"], status=Enrolment.Status.PENDING)  # never admitted: no pack
    client.force_login(pack_world["manager"])

    response = client.post(urls(pack_world["enrolment"])["zip"], {"reason": "공단 실시상황 점검 제출"})

    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    names = set(zipfile.ZipFile(io.BytesIO(response.content)).namelist())
    run = pack_world["run"].pk
    assert names == {
        "manifest.csv",
        *(f"evidence-run{run}-enrolment{e.pk}.{x}" for e in (pack_world["enrolment"], other) for x in ("csv", "pdf")),
    }
    (entry,) = AuditEvent.objects.filter(action=evidence.RUN_EXPORT_ACTION)
    assert entry.actor_id == pack_world["manager"].pk and entry.data["enrolments"] == 2


def test_other_institutes_trainees_and_unfunded_runs_get_no_pack(client, pack_world):
    enrolment = pack_world["enrolment"]
    outsider = f.manager_of(f.institute_page())
    for user, refused in ((outsider, {404}), (enrolment.user, {302, 403}), (f.UserFactory(), {302, 403})):
        client.force_login(user)
        for url in urls(enrolment).values():
            assert client.get(url).status_code in refused, (user, url)
    client.logout()
    assert client.get(urls(enrolment)["csv"]).status_code == 302

    plain = f.enrolment(f.course_run(pack_world["course"]))  # unfunded run of the same institute
    client.force_login(pack_world["manager"])
    for url in urls(plain).values():
        assert client.get(url).status_code == 404
    assert client.get("/cms/academy/evidence/enrolments/999999/csv/").status_code == 404
    assert not AuditEvent.objects.filter(action__startswith="compliance.evidence").exists()


def test_the_run_page_links_the_packs_of_a_funded_run(client, pack_world):
    client.force_login(pack_world["manager"])
    text = client.get(reverse("course_runs:detail", args=[pack_world["run"].pk])).content.decode()
    for url in urls(pack_world["enrolment"]).values():
        assert url in text


# --------------------------------------------------------------------------------------------
# Stored after the 훈련기간
# --------------------------------------------------------------------------------------------


def test_the_day_after_the_training_period_every_pack_is_stored_once_in_private_storage(pack_world):
    enrolment = pack_world["enrolment"]
    running = f.enrolment(
        f.course_run(
            pack_world["course"],
            emp_ins_flag=1,
            hrd_tracse_id="AIG20260000123457",
            hrd_tracse_tme="2",
            training_start=pack_world["today"],
            training_end=pack_world["today"] + datetime.timedelta(days=30),
        )
    )

    assert evidence.evidence_packs_due() == [enrolment.pk]  # the running run's trainee waits
    assert tasks.evidence_packs_due_task() == 1  # eager in tests: the store task ran

    stored = StoredEvidencePack.objects.get()
    assert stored.enrolment_id == enrolment.pk and stored.training_end == pack_world["run"].training_end
    path = Path(stored.pdf_file.path)
    private = Path(settings.STORAGES["evidence"]["OPTIONS"]["location"])
    assert path.is_relative_to(private) and not path.is_relative_to(Path(settings.MEDIA_ROOT))
    assert path.read_bytes().startswith(b"%PDF") and len(stored.csv_sha256) == 64
    with pytest.raises(ValueError):  # no URL serves it
        stored.pdf_file.url  # noqa: B018
    # Idempotent: nothing is due, and storing again does nothing.
    assert evidence.evidence_packs_due() == []
    assert evidence.evidence_pack_store(enrolment_id=enrolment.pk) is False
    assert StoredEvidencePack.objects.count() == 1
    assert AuditEvent.objects.filter(action=evidence.STORED_ACTION, subject_user_id=enrolment.user_id).count() == 1
    assert not StoredEvidencePack.objects.filter(enrolment=running).exists()


def test_the_zip_uses_a_stored_pack_as_stored(client, pack_world):
    evidence.evidence_pack_store(enrolment_id=pack_world["enrolment"].pk)
    stored = StoredEvidencePack.objects.get()
    client.force_login(pack_world["manager"])
    archive = zipfile.ZipFile(
        io.BytesIO(client.post(urls(pack_world["enrolment"])["zip"], {"reason": "공단 실시상황 점검 제출"}).content)
    )
    name = f"evidence-run{pack_world['run'].pk}-enrolment{pack_world['enrolment'].pk}.pdf"
    assert archive.read(name) == Path(stored.pdf_file.path).read_bytes()


def test_the_beat_schedule_stores_packs_nightly(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["compliance-evidence-packs"]
    assert entry["task"] == "compliance.tasks.evidence_packs_due_task"
