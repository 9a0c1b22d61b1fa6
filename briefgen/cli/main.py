"""Entry point of the ``briefgen`` command. Each subcommand lives in its own ``*_cmd`` module.

Start-up stays light: the subcommand modules import the engine inside ``run`` only, so ``briefgen --help`` and
argument errors answer without loading NLTK, numpy or the renderers (``tests/cli/test_startup_imports.py``).
Every command run is logged as one line with its exit status and duration (:func:`briefgen.logs.log_command`);
``--quiet``/``--verbose`` and the progress line are :mod:`briefgen.cli.console`'s.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
import time
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from briefgen import __version__
from briefgen.cli import console
from briefgen.cli.common import EXIT_BAD_INPUT, EXIT_INTERNAL, error_line
from briefgen.cli.sources_arg import add_url_arguments, url_options_from_args
from briefgen.errors import BriefgenError, InputError
from briefgen.progress import ambient_progress

COMMANDS = ("gui", "inspect", "summarize", "build", "verify", "templates", "demo", "batch")
"""Subcommand names; ``briefgen.cli.<name>_cmd`` provides ``add_parser(subparsers)`` and ``run(args)``."""


def _command_module(name: str) -> ModuleType:
    return importlib.import_module(f"briefgen.cli.{name}_cmd")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefgen",
        description="Turn source articles into a cited, extractive brief (Word, PDF or Markdown).",
    )
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    _add_verbosity_arguments(parser, False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        _command_module(name).add_parser(sub)
    add_url_arguments(sub.choices)
    for command_parser in _nested_parsers(sub):
        _add_verbosity_arguments(command_parser, argparse.SUPPRESS)
    return parser


def _nested_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> list[argparse.ArgumentParser]:
    """Every subcommand's parser, and their own subcommands' (``templates list``), depth first."""
    out: list[argparse.ArgumentParser] = []
    for parser in sub.choices.values():
        out.append(parser)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                out.extend(_nested_parsers(action))
    return out


def _add_verbosity_arguments(parser: argparse.ArgumentParser, default: object) -> None:
    """``-q/--quiet`` and ``-v/--verbose``, before or after the subcommand (a subcommand's copies default to
    SUPPRESS so that they do not undo the same option given before it)."""
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=default,
        help="errors only: no warnings (they go to the log), no progress",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=default,
        help="show each stage as it starts, and the exit status, time taken and log file at the end",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    start = time.perf_counter()
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
        command = args.command or "gui"
        if args.command is None:
            args = parser.parse_args(["gui", *args_list])
        if args.quiet and args.verbose:
            parser.error("--quiet and --verbose cannot be used together")
    except SystemExit as exc:  # --help and --version (0), or the arguments were refused (2)
        if exc.code not in (0, None):
            _log_command(args_list, exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT, start)
        raise
    console.set_level(console.QUIET if args.quiet else console.VERBOSE if args.verbose else console.NORMAL)
    if command != "gui":
        # A command builds a large heap of long-lived objects (sentences, terms, phrases) and exits: the default
        # thresholds (700 allocations) run the cyclic collector some 900 times on 1,000 articles, for ~9 % of
        # the run; 20,000 keeps memory the same within a few MB (benchmarks/startup_and_throughput.py).
        gc.set_threshold(20_000, 20, 20)
    line = console.progress_line() if command != "gui" else None  # the app shows its own progress
    console.activate(line)
    try:
        with ambient_progress(line):
            code = _run(command, args)
    finally:
        console.activate(None)
        if line is not None:
            line.close()
    log_path = _log_command(args_list, code, start)
    if console.level() == console.VERBOSE:
        where = f"; logged in {log_path}" if log_path else ""
        error_line(f"{command}: exit {code} after {time.perf_counter() - start:.2f} s{where}")
    return code


def _log_command(args_list: Sequence[str], code: int, start: float) -> str | None:
    from briefgen.logs import log_command

    path = log_command(args_list, code, time.perf_counter() - start)
    return str(path) if path else None


def _run(command: str, args: argparse.Namespace) -> int:
    """Run one subcommand; its exceptions become one stderr line and an exit status."""
    try:
        with url_options_from_args(args):
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


def entry() -> NoReturn:
    """The ``briefgen`` program (the console script, ``python -m briefgen`` and the frozen app): :func:`main`,
    then an exit that skips freeing the heap where that is safe (:mod:`briefgen.cli.quick_exit`)."""
    from briefgen.cli.quick_exit import leave

    leave(main())
