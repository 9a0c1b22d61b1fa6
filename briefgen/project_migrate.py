"""Schema versions of the ``.briefgen`` project file and the steps that bring old files up to date.

Each step takes the JSON object of version *n* and returns version *n + 1*; :func:`migrate` chains them.
A file from a newer briefgen is refused with a plain reason rather than half-read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

FORMAT_TAG = "briefgen-project"
SCHEMA_VERSION = 1

_STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""``version -> step`` turning that version into the next one (none yet: version 1 is the first)."""


def migrate(raw: dict[str, Any]) -> dict[str, Any]:
    """*raw* brought to :data:`SCHEMA_VERSION`; ``ValueError`` for a missing, bad or future version."""
    version = raw.get("schema")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValueError("missing or invalid 'schema' version")
    if version > SCHEMA_VERSION:
        raise ValueError(f"made by a newer briefgen (schema {version}; this version reads up to {SCHEMA_VERSION})")
    while version < SCHEMA_VERSION:
        raw = _STEPS[version](raw)
        version += 1
        raw["schema"] = version
    return raw
