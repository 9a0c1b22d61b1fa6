"""What the user named: files as given, folders expanded to the supported files in them, web addresses untouched."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from briefgen.ingest.pipeline import is_url
from briefgen.ingest.registry import supported_extensions


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files and addresses as given; a folder stands for the supported files below it (sorted by path, hidden files
    and folders skipped). Used alike by the command line and the desktop app."""
    suffixes = set(supported_extensions())
    out: list[str] = []
    for given in paths:
        folder = Path(given)
        if is_url(given) or not folder.is_dir():
            out.append(given)
            continue
        for found in sorted(folder.rglob("*")):
            hidden = any(part.startswith(".") for part in found.relative_to(folder).parts)
            if found.is_file() and found.suffix.lower() in suffixes and not hidden:
                out.append(str(found))
    return out
