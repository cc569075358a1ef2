"""Context every page needs, without a database query on most requests."""

from __future__ import annotations

from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

FOOTER_SECONDS = 300
ADMIN_LINK_SECONDS = 300


def _footer(request) -> SimpleNamespace:
    """Contact details from the site settings, cached for a few minutes (they change rarely)."""
    key = f"academy:footer:{request.get_host()}"
    footer = cache.get(key)
    if footer is None:
        from home.models import SiteSettings

        site_settings = SiteSettings.for_request(request)
        footer = SimpleNamespace(
            contact_email=site_settings.contact_email,
            contact_phone=site_settings.contact_phone,
            address=site_settings.address,
            address_en=site_settings.address_en,
        )
        cache.set(key, footer, FOOTER_SECONDS)
    return footer


def _show_admin_link(request) -> bool:
    """Whether the account menu links to the Wagtail admin (display only: the admin checks access itself)."""
    user = request.user
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    key = f"academy:admin-link:{user.pk}"
    shown = cache.get(key)
    if shown is None:
        shown = user.has_perm("wagtailadmin.access_admin")
        cache.set(key, shown, ADMIN_LINK_SECONDS)
    return shown


def _show_hr_link(request) -> bool:
    user = request.user
    if not user.is_authenticated:
        return False
    key = f"academy:hr-link:{user.pk}"
    shown = cache.get(key)
    if shown is None:
        from accounts.models import Membership

        shown = Membership.objects.hr().for_user(user).exists()
        cache.set(key, shown, ADMIN_LINK_SECONDS)
    return shown


def academy(request):
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "footer": SimpleLazyObject(lambda: _footer(request)),
        "show_admin_link": SimpleLazyObject(lambda: _show_admin_link(request)),
        "show_hr_link": SimpleLazyObject(lambda: _show_hr_link(request)),
    }
