"""The registry of what the retention sweep destroys (DOMAIN-KR §5.2), by category.

The sweep and its policy live in ``compliance.retention``; the rows belong to many apps, some of
which ``compliance`` may not import (``assessments`` is its sibling). So each app registers, at
start-up, a *destroyer* per category for its own rows: ``destroyer(cutoff)`` irrecoverably deletes
what is due (whose retention started before ``cutoff``) and answers how many records went. It
never returns or logs the values. The registry sits on the ground floor so every app can reach it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

Destroyer = Callable[[datetime.date], int]

_destroyers: dict[str, dict[str, Destroyer]] = {}


def register_destroyer(category: str, name: str, destroyer: Destroyer) -> None:
    """``name`` identifies the part (e.g. "assessments.attempt"); registering it again replaces it."""
    _destroyers.setdefault(category, {})[name] = destroyer


def destroyers(category: str) -> dict[str, Destroyer]:
    return dict(sorted(_destroyers.get(category, {}).items()))
