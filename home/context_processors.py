"""Context every page needs, without a database query on most requests."""

from __future__ import annotations

from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

CHROME_SECONDS = 300


def _chrome(request) -> SimpleNamespace:
    """The footer's contact details and the account menu's admin and HR links, from one cache read.

    Cached for a few minutes: contact details change rarely, and the links are display only (the
    admin and the HR area check access themselves).
    """
    user = request.user
    footer_key = f"academy:footer:{request.get_host()}"
    keys = [footer_key]
    if user.is_authenticated:
        keys += [f"academy:admin-link:{user.pk}", f"academy:hr-link:{user.pk}"]
    found = cache.get_many(keys)
    fresh = {}
    footer = found.get(footer_key)
    if footer is None:
        from home.models import SiteSettings

        site_settings = SiteSettings.for_request(request)
        footer = fresh[footer_key] = {
            "contact_email": site_settings.contact_email,
            "contact_phone": site_settings.contact_phone,
            "address": site_settings.address,
            "address_en": site_settings.address_en,
        }
    admin_link = hr_link = False
    if user.is_authenticated:
        admin_link = found.get(keys[1])
        if admin_link is None:
            admin_link = fresh[keys[1]] = user.is_superuser or user.has_perm("wagtailadmin.access_admin")
        hr_link = found.get(keys[2])
        if hr_link is None:
            from accounts.models import Membership

            hr_link = fresh[keys[2]] = Membership.objects.hr().for_user(user).exists()
    if fresh:
        cache.set_many(fresh, CHROME_SECONDS)
    return SimpleNamespace(footer=SimpleNamespace(**footer), admin_link=admin_link, hr_link=hr_link)


def academy(request):
    chrome = SimpleLazyObject(lambda: _chrome(request))
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "footer": SimpleLazyObject(lambda: chrome.footer),
        "show_admin_link": SimpleLazyObject(lambda: chrome.admin_link),
        "show_hr_link": SimpleLazyObject(lambda: chrome.hr_link),
    }
