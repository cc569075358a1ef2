"""System checks of the identity checks (DOMAIN-KR §1.7): real providers where funded runs exist.

Decision: the check looks at the deployment (``ACADEMY_ENVIRONMENT == "production"``), not at
``DEBUG`` (the development settings run with DEBUG off too). In production,

- **compliance.E001** (Error) while a funded run exists and the ``phone`` route is the fake or the
  PortOne secret is missing, or the ``motp`` route is the fake or the 공단 agent id is missing:
  funded trainees would be "verified" by nobody, so ``manage.py check`` (and the deploy) fails;
- nothing while no funded run exists (``check --deploy`` stays clean for unfunded training); the
  first funded run makes the next ``check`` fail until the providers are configured.
"""

from __future__ import annotations

from django.conf import settings
from django.core import checks
from django.db import DatabaseError


def identity_setting_problems() -> list[str]:
    routes = settings.ACADEMY_IDENTITY_ROUTES
    problems = []
    if routes.get("phone") != "phone":
        problems.append(f"the phone route uses {routes.get('phone')!r}, not the 휴대폰 본인확인 provider 'phone'")
    elif not (settings.ACADEMY_PORTONE_API_SECRET and settings.ACADEMY_PORTONE_START_URL):
        problems.append("ACADEMY_PORTONE_API_SECRET or ACADEMY_PORTONE_START_URL is not set")
    if routes.get("motp") != "hrd_motp":
        problems.append(f"the motp route uses {routes.get('motp')!r}, not the 공단 mOTP 'hrd_motp'")
    elif not settings.ACADEMY_HRD_AGENT_ID:
        problems.append("ACADEMY_HRD_AGENT_ID is not set")
    return problems


@checks.register()
def funded_runs_have_identity_providers(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if app_configs is not None and not any(config.name == "compliance" for config in app_configs):
        return []
    if settings.ACADEMY_ENVIRONMENT != "production":
        return []
    problems = identity_setting_problems()
    if not problems:
        return []
    from courses.models import CourseRun

    try:
        funded = CourseRun.objects.filter(emp_ins_flag__gt=0).exists()
    except DatabaseError:
        funded = False
    if not funded:
        return []
    return [
        checks.Error(
            f"Funded runs exist but their identity checks have no real provider: {'; '.join(problems)}.",
            hint="Set ACADEMY_IDENTITY_PHONE_BACKEND=phone with the PortOne settings and "
            "ACADEMY_IDENTITY_MOTP_BACKEND=hrd_motp with ACADEMY_HRD_AGENT_ID, or make the runs unfunded.",
            id="compliance.E001",
        )
    ]
