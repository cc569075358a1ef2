"""System check: production with funded runs needs the 공단's keys (DOMAIN-KR §2.3)."""

from __future__ import annotations

from django.conf import settings
from django.core import checks
from django.db import DatabaseError


@checks.register()
def emon_keys_for_funded_runs(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """In production, funded runs are reported to the 공단: the http transport and the agent id and
    API key it issued must be set (``compliance.E002``). Development and tests use the fake or none."""
    if app_configs is not None and not any(config.name == "compliance" for config in app_configs):
        return []
    if getattr(settings, "ACADEMY_ENVIRONMENT", "") != "production":
        return []
    from courses.models import CourseRun

    try:
        funded = CourseRun.objects.filter(emp_ins_flag__gt=0).exists()
    except DatabaseError:
        return []
    if not funded:
        return []
    missing = [name for name in ("ACADEMY_EMON_AGENT_PK", "ACADEMY_EMON_API_KEY") if not getattr(settings, name, "")]
    if settings.ACADEMY_EMON_TRANSPORT != "http":
        missing.append("ACADEMY_EMON_TRANSPORT=http")
    if not missing:
        return []
    return [
        checks.Error(
            "Funded runs are reported to the 공단 (EMON), but " + ", ".join(missing) + " is not set.",
            hint="Set the agent id and API key the 공단 issued (environment), or make the runs unfunded.",
            id="compliance.E002",
        )
    ]
