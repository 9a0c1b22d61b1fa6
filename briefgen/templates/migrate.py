"""Bringing template JSON written by older briefgen versions up to :data:`SCHEMA_VERSION`.

Each step in :data:`MIGRATIONS` turns the JSON of version *n* into version *n + 1* (a pure function on dicts).
Version 1 is the first and current version, so there are no steps yet. When version 2 arrives::

    def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
        data = dict(data)
        ...                                   # rename / reshape fields
        data["schema_version"] = 2
        return data

    MIGRATIONS[1] = _v1_to_v2                 # and SCHEMA_VERSION = 2 in schema.py

A template from a *newer* briefgen is refused with a clear message rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefgen.errors import TemplateError
from briefgen.templates.fields import shown
from briefgen.templates.schema import SCHEMA_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
"""``{n: step}``: *step* turns version-*n* JSON into version *n + 1*."""


def schema_version_of(data: dict[str, Any], origin: str) -> int:
    """The ``schema_version`` of template JSON, refusing missing, malformed and unknown (newer) versions."""
    if "schema_version" not in data:
        raise TemplateError(origin, "schema_version", f"is missing (this briefgen writes {SCHEMA_VERSION})")
    version = data["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise TemplateError(origin, "schema_version", f"must be a whole number from 1, got {shown(version)}")
    if version > SCHEMA_VERSION:
        raise TemplateError(
            origin,
            "schema_version",
            f"is {version}: the template was made by a newer briefgen (this one reads versions up to "
            f"{SCHEMA_VERSION}); update briefgen to use it",
        )
    return version


def migrate(data: dict[str, Any], origin: str = "<template>") -> dict[str, Any]:
    """*data* brought up to :data:`SCHEMA_VERSION` (a new dict when anything changed; *data* is not modified)."""
    version = schema_version_of(data, origin)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise TemplateError(origin, "schema_version", f"{version} cannot be migrated (no migration step)")
        data = step(data)
        version += 1
    return data
