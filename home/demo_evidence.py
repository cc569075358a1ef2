"""The demo's inspection evidence pack (DOMAIN-KR §1.9): the funded trainee who is waiting for the
final test (``data/funded.json``, stage ``waiting_final``) gets a stored pack at load, as the nightly
task stores every trainee's the day after the 훈련기간 (the demo run is still running, so the task
would not yet). The staff of the institute also download any trainee's pack on demand from the run's
enrolment list (증빙자료 CSV / PDF, and the run's ZIP, which uses this stored pack as stored)."""

from __future__ import annotations

from compliance.evidence import evidence_pack_store
from courses.models import Enrolment

from .demo import content

#: The demo trainee whose pack is stored at load.
STAGE = "waiting_final"


def ensure_demo_evidence_pack() -> bool:
    """Store the pack once (the service is idempotent); answer whether this call stored it."""
    data = content.read("funded")
    email = next(person["email"] for person in data["trainees"] if person["stage"] == STAGE)
    enrolment = Enrolment.objects.filter(
        user__email__iexact=email, run__title=data["run"]["title"], run__emp_ins_flag__gt=0
    ).first()
    return enrolment is not None and evidence_pack_store(enrolment_id=enrolment.pk)
