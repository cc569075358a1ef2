"""Bilingual reading: content is stored in pairs of fields (``title``, ``title_en``), Korean first.

Korean is the default language; English readers see the English field when it is set, and the
Korean one when it is empty. Every model, template filter and view asks these two functions.
"""

from __future__ import annotations

from django.utils.translation import get_language


def reader_is_english() -> bool:
    """True when the current reader reads English (the active language is ``en``; none active is Korean)."""
    return (get_language() or "ko").startswith("en")


def bilingual(korean, english):
    """``english`` for English readers when it is set, else ``korean``."""
    return (english if reader_is_english() else "") or korean
