"""수료증 번호: the certificate code people type, read aloud and print.

``ABCDE-FGHJK-MNPQR-STVW7``: nineteen random Crockford base-32 symbols (95 bits, so codes can be
neither guessed nor enumerated) and one check symbol, in four groups of five. Crockford's alphabet
leaves out I, L, O and U, so what a person reads is what they type; when they type one of the
look-alikes anyway, ``parse`` reads O as 0 and I or L as 1, ignores case, spaces and hyphens
(also full-width characters from a Korean keyboard), and the check symbol catches a mistyped
symbol and most swapped neighbours before a code is looked up.

The check symbol is Luhn mod 32 rather than Crockford's optional mod-37 symbol, whose extra
characters (``*~$=U``) are awkward in a URL and on a phone keyboard; Luhn mod N detects every
single-symbol error and every swap of adjacent symbols except one pair.
"""

from __future__ import annotations

import secrets
import unicodedata

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
BASE = len(ALPHABET)
RANDOM_SYMBOLS = 19
RANDOM_BITS = RANDOM_SYMBOLS * 5
GROUP = 5
LENGTH = RANDOM_SYMBOLS + 1

_VALUES = {symbol: value for value, symbol in enumerate(ALPHABET)}
_CONFUSABLE = {"O": "0", "I": "1", "L": "1"}
_IGNORED = set(" -_.\t\u00a0\u2010\u2011\u2012\u2013\u2014\u2212\u3000")


class InvalidCode(ValueError):
    """The text is not a certificate code (wrong symbols, length or check symbol)."""


def check_symbol(symbols: str) -> str:
    """Luhn mod 32 over canonical symbols: the symbol that makes the whole code check out."""
    factor = 2
    total = 0
    for symbol in reversed(symbols):
        addend = factor * _VALUES[symbol]
        factor = 1 if factor == 2 else 2
        total += addend // BASE + addend % BASE
    return ALPHABET[(BASE - total % BASE) % BASE]


def format_code(symbols: str) -> str:
    """Canonical symbols (check included) in hyphenated groups of five."""
    return "-".join(symbols[i : i + GROUP] for i in range(0, len(symbols), GROUP))


def generate() -> str:
    """A new random code, formatted. Uniqueness is the database's job (a unique constraint)."""
    symbols = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_SYMBOLS))
    return format_code(symbols + check_symbol(symbols))


def normalise(text: str) -> str:
    """The canonical symbols a person meant, without checking length or check symbol."""
    text = unicodedata.normalize("NFKC", text or "").upper()
    symbols = []
    for char in text:
        if char in _IGNORED:
            continue
        char = _CONFUSABLE.get(char, char)
        if char not in _VALUES:
            raise InvalidCode(f"{char!r} is not a symbol of a certificate code")
        symbols.append(char)
    return "".join(symbols)


def parse(text: str) -> str:
    """Read a code as typed and answer it formatted, or raise ``InvalidCode``."""
    symbols = normalise(text)
    if len(symbols) != LENGTH:
        raise InvalidCode(f"a certificate code has {LENGTH} symbols, not {len(symbols)}")
    if check_symbol(symbols[:-1]) != symbols[-1]:
        raise InvalidCode("the check symbol does not match: a symbol was mistyped")
    return format_code(symbols)


def is_valid(text: str) -> bool:
    try:
        parse(text)
    except InvalidCode:
        return False
    return True
