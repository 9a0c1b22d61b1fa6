"""Where briefgen's bundled data lives (``resources/``), with clear errors when something is missing."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from briefgen.errors import ResourceError


def resources_dir() -> Path:
    """The ``resources/`` folder: ``$BRIEFGEN_RESOURCES``, a frozen app's bundle, or beside the package."""
    env = os.environ.get("BRIEFGEN_RESOURCES")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource; raises :class:`ResourceError` naming it when it is missing."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise ResourceError("bundled resource is missing", str(path))
    return path


def read_resource_text(*parts: str) -> str:
    path = resource_path(*parts)
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(f"cannot read bundled resource ({exc})", str(path)) from None
