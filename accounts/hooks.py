"""Listeners other apps register for moments ``accounts`` owns (``accounts`` may import none of them).

``membership_ended``: a person's membership of an organisation ended (``membership_remove``, and any
later place that ends one). Listeners run **inside** the transaction that ends it, so what they write
(the exit pledge of DOMAIN-KR §3.3 F3.3) commits or rolls back with the end itself. A listener takes
keyword arguments only: ``user``, ``organisation``, ``role``, ``actor``, ``at``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

_membership_ended: list[Callable[..., None]] = []


def on_membership_ended(listener: Callable[..., None]) -> None:
    """Register a listener (once: registering the same function again is harmless)."""
    if listener not in _membership_ended:
        _membership_ended.append(listener)


def membership_ended(*, user, organisation, role: str, actor, at: datetime.datetime) -> None:
    """Tell every listener; call it inside the transaction that ends the membership."""
    for listener in list(_membership_ended):
        listener(user=user, organisation=organisation, role=role, actor=actor, at=at)
