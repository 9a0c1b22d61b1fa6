"""Loading the FILE... arguments of a subcommand: errors reported per file, the good files still used."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefgen.cli.common import report_input_error
from briefgen.ingest import LoadResult, load_sources, supported_extensions
from briefgen.ingest.pipeline import is_url


def expand_paths(paths: Sequence[str]) -> list[str]:
    """Files as given; a folder stands for the supported files directly inside it, sorted by name."""
    out: list[str] = []
    exts = set(supported_extensions())
    for p in paths:
        path = Path(p)
        if not is_url(p) and path.is_dir():
            out.extend(str(c) for c in sorted(path.iterdir()) if c.is_file() and c.suffix.lower() in exts)
        else:
            out.append(p)
    return out


def load_from_args(paths: Sequence[str]) -> LoadResult:
    """Load *paths*, printing one line per bad file on stderr."""
    result = load_sources(expand_paths(paths))
    for err in result.errors:
        report_input_error(err)
    return result
