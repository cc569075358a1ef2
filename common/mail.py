"""E-mail bodies in Korean, then English: one template rendered in each language, joined by a rule.

The rule (a line of dashes) is what ``accounts.mail.email_html`` turns into a horizontal line.
"""

from __future__ import annotations

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils import translation

LANGUAGES = ("ko", "en")
SEPARATOR = "\n\n----------\n\n"


def bilingual_body(template_name: str, context: dict, *, per_language: Callable[[str], dict] | None = None) -> str:
    """``template_name`` rendered with ``context`` in Korean, then in English, as one plain-text body.

    ``per_language(language)`` adds context that differs by language (a name written differently).
    """
    parts = []
    for language in LANGUAGES:
        extra = per_language(language) if per_language else {}
        with translation.override(language):
            parts.append(render_to_string(template_name, {**context, **extra}).strip())
    return SEPARATOR.join(parts)
