"""``briefgen demo``: not built yet (placeholder so the command table is complete)."""

from __future__ import annotations

import argparse
from typing import Any

from briefgen.cli.common import EXIT_INTERNAL, error_line


def add_parser(sub: Any) -> None:
    p = sub.add_parser("demo", help="(not available yet)")
    p.add_argument("rest", nargs=argparse.REMAINDER)


def run(args: argparse.Namespace) -> int:
    error_line("'demo' is not available yet")
    return EXIT_INTERNAL
