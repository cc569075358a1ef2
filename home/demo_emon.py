"""The demo's 공단 reports (EMON, DOMAIN-KR §2): the funded run's outbox in every state, so the
staff screen (*Course runs → run → EMON reports*) has something to show without a 공단 to talk to.

The trainees' enrolments, tests and survey (``home.demo.funded``) already wrote their rows through
the services; this adds the run's class_hist row and sends the outbox once through a scripted
transport: the 공단 accepts the member and class rows (code 200), refuses the score rows (code 500, as
a server error would), and the attendance rows are not sent yet (pending, as between two hourly runs).
A run whose rows were sent already is left alone, so a second load changes nothing.
"""

from __future__ import annotations

from django.utils import timezone

from compliance.emon.sending import emon_send
from compliance.emon.transport import Answer
from compliance.emon.writers import on_course_run_saved
from compliance.models import EmonRecord
from courses.models import CourseRun

ACCEPTED = {"user_hist", "class_hist"}
REFUSED = {"score_hist"}


class DemoTransport:
    """The 공단 as the demo plays it: no network."""

    def send(self, endpoint: str, rows: list[dict]) -> Answer | None:
        if endpoint in ACCEPTED:
            return Answer(code="200", msg="success (demo)")
        if endpoint in REFUSED:
            return Answer(code="500", msg="server error (demo)")
        return None


def load_emon() -> None:
    runs = list(CourseRun.objects.filter(emp_ins_flag__gt=0))
    if not runs or EmonRecord.objects.filter(run__in=runs).exclude(state=EmonRecord.State.PENDING).exists():
        return
    for run in runs:
        on_course_run_saved(run=run, created=True, changed=[])
    emon_send(now=timezone.now(), transport=DemoTransport())
