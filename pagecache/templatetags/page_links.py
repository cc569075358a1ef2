"""``{% page_url page %}``: Wagtail's ``{% pageurl %}`` without its site query.

It answers what ``{% pageurl %}`` answers (a local URL for a page of the request's site, a full one
otherwise; the fallback when the page is None), with the request's site from the cache
(``pagecache.sites``) handed to Wagtail's public ``Page.relative_url``.
"""

from django import template
from django.shortcuts import resolve_url
from wagtail.models import Page

from ..sites import site_for_request

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, page, fallback=None):
    if page is None and fallback:
        return resolve_url(fallback)
    if not isinstance(page, Page):
        raise ValueError(f"page_url expected a Page object, got {page!r}")
    request = context.get("request")
    return page.relative_url(site_for_request(request), request)
