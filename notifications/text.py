"""Lazy pieces for ``notify`` messages, so each stored language gets its own words."""

from __future__ import annotations

from django.utils.functional import lazy

from common.dates import kdate
from common.i18n import bilingual


def _pick(korean: str, english: str) -> str:
    return bilingual(korean, english)


#: A content pair (``title``, ``title_en``) read in the language the message is rendered in:
#: ``format_lazy(_("… {course} …"), course=bilingual_lazy(course.title, course.title_en))``.
bilingual_lazy = lazy(_pick, str)

#: A date as the reader's language writes it (``common.dates.kdate``), decided when rendered.
kdate_lazy = lazy(kdate, str)
