"""Entry point of the ``briefgen`` command. Each subcommand lives in its own ``*_cmd`` module."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from briefgen import __version__
from briefgen.cli.common import EXIT_BAD_INPUT, EXIT_INTERNAL, error_line
from briefgen.errors import BriefgenError, InputError

COMMANDS = ("gui", "inspect", "summarize", "build", "verify", "templates", "demo")
"""Subcommand names; ``briefgen.cli.<name>_cmd`` provides ``add_parser(subparsers)`` and ``run(args)``."""


def _command_module(name: str) -> ModuleType:
    return importlib.import_module(f"briefgen.cli.{name}_cmd")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefgen",
        description="Turn source articles into a cited, extractive brief (Word, PDF or Markdown).",
    )
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        _command_module(name).add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    command = args.command or "gui"
    if args.command is None:
        args = parser.parse_args(["gui", *args_list])
    try:
        result: int = _command_module(command).run(args)
        return result
    except InputError as exc:
        error_line(str(exc))
        return EXIT_BAD_INPUT
    except BriefgenError as exc:
        error_line(str(exc))
        return EXIT_INTERNAL
    except KeyboardInterrupt:
        error_line("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: one line, never a traceback
        from briefgen.logs import log_exception

        log_path = log_exception(exc)
        where = f" (details in {log_path})" if log_path else ""
        error_line(f"internal error: {type(exc).__name__}: {exc}{where}")
        return EXIT_INTERNAL
