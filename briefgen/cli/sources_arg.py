"""Source arguments of the subcommands: loading FILE... (errors reported per file, the good files still used) and
``--allow-local-urls`` for every subcommand that takes web addresses."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from briefgen.cli.common import report_input_error

if TYPE_CHECKING:
    from briefgen.ingest import LoadResult

URL_COMMANDS = ("inspect", "summarize", "build", "verify")
"""Subcommands whose sources (or project) may be http(s) addresses."""


def load_from_args(paths: Sequence[str]) -> LoadResult:
    """Load *paths*, printing one line per bad file on stderr."""
    from briefgen.ingest import load_sources
    from briefgen.ingest.paths import expand_paths

    result = load_sources(expand_paths(paths))
    for err in result.errors:
        report_input_error(err)
    return result


def add_url_arguments(parsers: Mapping[str, argparse.ArgumentParser]) -> None:
    """Give each subcommand of :data:`URL_COMMANDS` found in *parsers* the ``--allow-local-urls`` option."""
    for name in URL_COMMANDS:
        if name in parsers:
            parsers[name].add_argument(
                "--allow-local-urls",
                action="store_true",
                help="also fetch web addresses on this computer or the local network (loopback, private, "
                "link-local addresses); refused by default",
            )


@contextmanager
def url_options_from_args(args: argparse.Namespace) -> Iterator[None]:
    """Apply the command's URL options (``--allow-local-urls``) to every web address it fetches."""
    if not getattr(args, "allow_local_urls", False):
        yield
        return
    from briefgen.ingest.url_options import current_url_options, using_url_options

    with using_url_options(dataclasses.replace(current_url_options(), allow_local_urls=True, policy=None)):
        yield
