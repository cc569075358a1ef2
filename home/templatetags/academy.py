"""Template helpers shared by every page."""

from django import template

from common import dates, i18n

register = template.Library()


@register.filter
def bilingual(obj, field: str):
    """``{{ page|bilingual:"title" }}``: the English field (``title_en``) for English readers when set.

    Works for text, rich text and StreamFields alike (``{% include_block page|bilingual:"body" %}``):
    an empty English field falls back to the Korean one (see ``korean_fallback``).
    """
    if obj is None:
        return ""
    return i18n.bilingual(getattr(obj, field, ""), getattr(obj, f"{field}_en", None))


@register.filter
def korean_fallback(obj, fields: str = "") -> bool:
    """True when an English reader sees Korean text of ``obj`` because its English field is empty.

    ``fields`` is a comma-separated list (``"title,body"``); without it the model's
    ``ENGLISH_FIELDS``. A field empty in both languages does not count: nothing Korean is shown.
    """
    if obj is None or not i18n.reader_is_english():
        return False
    names = [name.strip() for name in fields.split(",") if name.strip()] or list(getattr(obj, "ENGLISH_FIELDS", ()))
    return any(getattr(obj, name, None) and not getattr(obj, f"{name}_en", None) for name in names)


@register.simple_tag(takes_context=True)
def other_language(context):
    """The language the switch offers: English on Korean pages, Korean on English ones."""
    return ("ko", "한국어") if i18n.reader_is_english() else ("en", "English")


@register.filter
def kdate(value) -> str:
    """A date as Koreans write it, ``2027.01.29`` (English readers: ``29 Jan 2027``); ``common.dates``."""
    return dates.kdate(value)


@register.filter
def kdatetime(value) -> str:
    """A moment in the Academy's time zone: ``2027.01.29 14:05`` (English: ``29 Jan 2027, 14:05 KST``)."""
    return dates.kdatetime(value)
