"""System checks of the course domain: ``manage.py check`` refuses funded runs that miss what they need."""

from __future__ import annotations

from django.core import checks
from django.db import DatabaseError


@checks.register()
def funded_runs_are_complete(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Every funded run has its HRD-Net identifiers, its course's 심사과정코드, a 훈련기간 long enough
    for 80 % at 8 차시 a day and a 학습시간 on every required lesson (``courses.funding``).

    It reads the database: where there is none yet (before the first migration), it has nothing to say.
    """
    if app_configs is not None and not any(config.name == "courses" for config in app_configs):
        return []
    from .funding import funding_errors
    from .models import CourseRun

    try:
        runs = list(CourseRun.objects.filter(emp_ins_flag__gt=0).select_related("course").order_by("pk"))
        problems = [(run, funding_errors(run)) for run in runs]
    except DatabaseError:
        return []
    return [
        checks.Error(
            f"Funded run {run.pk} ({run}) cannot be funded as it stands: "
            + " ".join(str(message) for messages in errors.values() for message in messages),
            hint="Complete the run in the admin (Course runs) and its course's review code, or make it unfunded.",
            obj=run,
            id="courses.E001",
        )
        for run, errors in problems
        if errors
    ]
