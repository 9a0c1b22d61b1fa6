"""Loading the FILE... arguments of a subcommand: errors reported per file, the good files still used."""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.cli.common import report_input_error
from briefgen.ingest import LoadResult, load_sources
from briefgen.ingest.paths import expand_paths


def load_from_args(paths: Sequence[str]) -> LoadResult:
    """Load *paths*, printing one line per bad file on stderr."""
    result = load_sources(expand_paths(paths))
    for err in result.errors:
        report_input_error(err)
    return result
