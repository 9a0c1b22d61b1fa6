"""The sample sources that ship with briefgen (``resources/samples/``): what the app opens on a first run and
builds the template editor's live sample from, and what ``briefgen demo`` summarises."""

from __future__ import annotations

from pathlib import Path

from briefgen.resources import resources_dir


def samples_dir() -> Path | None:
    """The bundled sample sources' folder, or ``None`` if they are not installed."""
    folder = resources_dir() / "samples"
    return folder if folder.is_dir() else None


def sample_paths() -> list[str]:
    """The sample files briefgen can read, by path (any supported format, hidden files skipped); empty when the
    samples are not installed. Imports the reading machinery: not for the app's UI thread."""
    from briefgen.ingest.paths import expand_paths

    folder = samples_dir()
    return expand_paths([str(folder)]) if folder else []
