"""Template helpers shared by every page."""

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def bilingual(obj, field: str):
    """``{{ page|bilingual:"title" }}``: the English field (``title_en``) for English readers when set."""
    if obj is None:
        return ""
    if (get_language() or "ko").startswith("en"):
        english = getattr(obj, f"{field}_en", None)
        if english:
            return english
    return getattr(obj, field, "")


@register.simple_tag(takes_context=True)
def other_language(context):
    """The language the switch offers: English on Korean pages, Korean on English ones."""
    current = (get_language() or "ko")[:2]
    return ("en", "English") if current == "ko" else ("ko", "한국어")
