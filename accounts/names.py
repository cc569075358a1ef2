"""People's names as the Academy shows them to strangers: masked, and compared without fuss.

A verifier who has a certificate's code sees the holder's name masked (``홍*동``, ``H***** K**``);
only someone who already knows the name (and types it) sees it whole. Comparison ignores case,
spaces and Unicode width forms, so ``haneul kim`` matches ``Haneul KIM`` and ``홍 길동`` matches ``홍길동``.
"""

from __future__ import annotations

import unicodedata

MASK = "*"


def _is_hangul(character: str) -> bool:
    return "\uac00" <= character <= "\ud7a3" or "\u1100" <= character <= "\u11ff" or "\u3130" <= character <= "\u318f"


def normalise_name(name: str) -> str:
    """A name reduced for comparison: NFKC, case-folded, without any whitespace."""
    return "".join(unicodedata.normalize("NFKC", name or "").casefold().split())


def names_match(typed: str, *names: str) -> bool:
    """Whether ``typed`` is one of ``names`` (normalised); an empty ``typed`` matches nothing."""
    wanted = normalise_name(typed)
    return bool(wanted) and any(wanted == normalise_name(name) for name in names if name)


def _mask_korean(name: str) -> str:
    letters = "".join(name.split())
    if len(letters) <= 1:
        return MASK * len(letters)
    if len(letters) == 2:
        return letters[0] + MASK
    return letters[0] + MASK * (len(letters) - 2) + letters[-1]


def _mask_word(word: str) -> str:
    """The first letter kept, every later letter or digit masked; hyphens and apostrophes stay."""
    return word[0] + "".join(MASK if c.isalnum() else c for c in word[1:])


def mask_name(name: str) -> str:
    """The name as a stranger may see it.

    Korean (any Hangul): the first and last syllables kept, those between masked (홍길동 → 홍*동,
    남궁민수 → 남**수); a two-syllable name keeps its first (이선 → 이*). Other scripts: each word
    keeps its first letter (Gildong Hong → G****** H***).
    """
    name = " ".join(unicodedata.normalize("NFC", name or "").split())
    if not name:
        return ""
    if any(_is_hangul(c) for c in name):
        return _mask_korean(name)
    return " ".join(_mask_word(word) for word in name.split(" "))


def mask_email(email: str) -> str:
    """An e-mail address as an inspector's copy shows it: the first two characters of the local
    part and the domain kept (hong.gildong@drone.example → ho**********@drone.example); a local
    part of one or two characters keeps its first. Enough to tell two trainees apart, not to write
    to either."""
    local, at, domain = (email or "").strip().rpartition("@")
    if not at:
        local, domain = domain, ""
    if not local:
        return ""
    kept = 2 if len(local) > 2 else 1
    return local[:kept] + MASK * (len(local) - kept) + (f"@{domain}" if domain else "")
