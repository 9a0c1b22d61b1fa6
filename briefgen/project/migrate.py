"""Bringing ``.briefgen`` project JSON written by older briefgen versions up to :data:`SCHEMA_VERSION`.

The same pattern as :mod:`briefgen.templates.migrate`: each step in :data:`MIGRATIONS` turns the JSON of version
*n* into version *n + 1* (a pure function on dicts). Version 1 is the first and current version, so there are no
steps yet. When version 2 arrives::

    def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
        data = dict(data)
        ...                                   # rename / reshape fields
        data["schema"] = 2
        return data

    MIGRATIONS[1] = _v1_to_v2                 # and SCHEMA_VERSION = 2 below

A file from a *newer* briefgen is refused with a plain reason rather than half-read. Problems are raised as
``ValueError``; :func:`briefgen.project.format.parse_project` words them with the file's name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

FORMAT_TAG = "briefgen-project"
SCHEMA_VERSION = 1
"""The schema version this briefgen writes."""

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
"""``{n: step}``: *step* turns version-*n* JSON into version *n + 1*."""


def schema_version_of(raw: dict[str, Any]) -> int:
    """The ``schema`` version of project JSON, refusing missing, malformed and unknown (newer) versions."""
    version = raw.get("schema")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValueError("missing or invalid 'schema' version")
    if version > SCHEMA_VERSION:
        raise ValueError(f"made by a newer briefgen (schema {version}; this version reads up to {SCHEMA_VERSION})")
    return version


def migrate(raw: dict[str, Any]) -> dict[str, Any]:
    """*raw* brought up to :data:`SCHEMA_VERSION` (a new dict when anything changed; *raw* is not modified)."""
    version = schema_version_of(raw)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValueError(f"schema {version} cannot be migrated (no migration step)")
        raw = step(raw)
        version += 1
    return raw
