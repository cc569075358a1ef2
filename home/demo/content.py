"""The demo content: the JSON files under ``home/demo/data/`` (its README.md says which holds what)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


def read(name: str) -> Any:
    """The parsed file ``home/demo/data/<name>.json`` (``name`` may name a subfolder: ``courses/<slug>``)."""
    with (DATA_DIR / f"{name}.json").open(encoding="utf-8") as file:
        return json.load(file)
