"""The answer grades (fractions) Moodle allows, shared by the question form and the importers.

Moodle refuses to import a question whose answer grades are not in this list
(``qformat_default::importprocess`` checks each with ``match_grade_options(..., 'error')``, which
accepts a grade within 0.00001 of a listed one). The list is ``question_bank::fraction_options_full()``
(``question/engine/bank.php``): 0, 100 % and 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333,
30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10 and 5 %, and the negative of each.
"""

from __future__ import annotations

from decimal import Decimal

_POSITIVE = (
    "1.0",
    "0.9",
    "0.8333333",
    "0.8",
    "0.75",
    "0.7",
    "0.6666667",
    "0.6",
    "0.5",
    "0.4",
    "0.3333333",
    "0.3",
    "0.25",
    "0.2",
    "0.1666667",
    "0.1428571",
    "0.125",
    "0.1111111",
    "0.1",
    "0.05",
)

#: Every grade Moodle allows, from 1 down to -1 (0 included).
MOODLE_FRACTIONS: tuple[Decimal, ...] = (
    *(Decimal(f) for f in _POSITIVE),
    Decimal("0"),
    *(-Decimal(f) for f in reversed(_POSITIVE)),
)

#: ``match_grade_options``' tolerance.
_TOLERANCE = Decimal("0.00001")


def allowed_fraction(fraction) -> Decimal | None:
    """The listed grade ``fraction`` stands for (e.g. 0.333333 → 0.3333333), or ``None`` when Moodle
    would refuse it."""
    value = Decimal(str(fraction))
    for listed in MOODLE_FRACTIONS:
        if abs(value - listed) < _TOLERANCE:
            return listed
    return None
