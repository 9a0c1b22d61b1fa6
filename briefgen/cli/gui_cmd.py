"""``briefgen gui [FILE...]``: start the desktop app, optionally with sources or a ``.briefgen`` project.

Qt is imported inside :func:`run` only, so the other commands never load it.
"""

from __future__ import annotations

import argparse
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "gui",
        help="start the desktop app (the default command)",
        description="Start the desktop app. Files given are loaded as sources; a .briefgen file is opened as "
        "a project. With nothing given, the last session's unsaved work is offered back, or the bundled "
        "sample sources are loaded.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="sources to load, or one .briefgen project")
    p.add_argument(
        "--smoke-test",
        action="store_true",
        help="start, load the samples, wait for the first preview, close and exit 0 (non-zero on any problem)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        from briefgen.gui.app import run_app
    except ImportError as exc:  # PySide6 missing or its system libraries absent
        from briefgen.cli.common import error_line

        error_line(f"the desktop app cannot start: {exc} (the command-line tools still work)")
        return 1
    return run_app(list(args.files), smoke_test=args.smoke_test)
