"""System checks: one idea of who the client is, for allauth and for the Academy."""

from django.conf import settings
from django.core.checks import Warning, register


@register()
def trusted_proxy_check(app_configs, **kwargs):
    academy = settings.ACADEMY_TRUSTED_PROXY_COUNT
    allauth = getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0)
    if allauth != academy:
        return [
            Warning(
                f"ALLAUTH_TRUSTED_PROXY_COUNT ({allauth}) differs from ACADEMY_TRUSTED_PROXY_COUNT ({academy}): "
                "login limits and the Academy's own limits would count different clients.",
                hint="Set ALLAUTH_TRUSTED_PROXY_COUNT = ACADEMY_TRUSTED_PROXY_COUNT (lms/settings/base.py does).",
                id="accounts.W001",
            )
        ]
    return []
