"""Helpers shared by the subcommands: exit codes, error lines, JSON output."""

from __future__ import annotations

import json
import sys
from typing import Any

from briefgen.cli import console
from briefgen.display_text import for_display, without_url_credentials
from briefgen.errors import InputError

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2
EXIT_VERIFY_FAILED = 3
"""``briefgen verify``: the brief was read, and some of its sentences are not verified."""


def error_line(message: str) -> None:
    """One line on stderr, prefixed with the program name: control characters in *message* (from file names,
    addresses, server replies) are escaped and credentials in web addresses removed. Under --quiet, warnings go
    to the log instead (:func:`briefgen.cli.console.show`)."""
    if not console.show(message):
        return
    sys.stderr.write(f"briefgen: {for_display(without_url_credentials(message))}\n")
    sys.stderr.flush()


def report_input_error(exc: InputError) -> None:
    error_line(str(exc))


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")
