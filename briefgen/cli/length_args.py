"""The length options ``build`` and ``summarize`` share: ``--sentences N | --words N | --ratio R | --pages N``.

They mean the same everywhere: the whole output's length (for ``build``, the whole brief: key points, summary,
sections, key figures and quotations together). ``--pages`` is for ``build`` only: as much as fits on N PDF
pages with the brief's template, measured on the rendered PDF (Word and Markdown briefs use the length found
for the PDF). Out-of-range values are refused with a message naming the option.
"""

from __future__ import annotations

import argparse
from typing import Any

from briefgen.errors import InputError
from briefgen.summarize.api import Budget
from briefgen.summarize.budgets import MAX_PAGES, MAX_SENTENCES, MAX_WORDS


def add_length_arguments(parser: Any, *, pages: bool, default_help: str) -> None:
    """Add the mutually exclusive length options (and ``--algorithm``) to *parser*."""
    from briefgen.summarize.registry import DEFAULT_ALGORITHM, algorithm_names

    length = parser.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=int, metavar="N", help=f"N sentences in all ({default_help})")
    length.add_argument("--words", type=int, metavar="N", help="whole sentences totalling at most N words in all")
    length.add_argument("--ratio", type=float, metavar="R", help="at most R (0-1] of the selected text's words")
    length.add_argument(
        "--pages",
        type=int,
        metavar="N",
        help="as much as fits on N pages of the PDF with the template" if pages else argparse.SUPPRESS,
    )
    parser.add_argument(
        "--algorithm",
        metavar="NAME",
        help=f"how sentences are chosen: one of {', '.join(algorithm_names())} (default: {DEFAULT_ALGORITHM})",
    )


def budget_from_args(args: argparse.Namespace, *, pages: bool = True) -> Budget | None:
    """The length the options ask for (``None`` when none was given), refusing absurd values (and pages
    where *pages* is false: a summary has no pages)."""
    if not pages and getattr(args, "pages", None) is not None:
        raise InputError("--pages applies to briefs (briefgen build); give --sentences, --words or --ratio")
    checks: tuple[tuple[str, int | float], ...] = (
        ("sentences", MAX_SENTENCES),
        ("words", MAX_WORDS),
        ("pages", MAX_PAGES),
    )
    for name, most in checks:
        value = getattr(args, name, None)
        if value is not None:
            if not 1 <= value <= most:
                raise InputError(f"--{name} must be a whole number from 1 to {most:,}, got {value}")
            return Budget(**{name: value})
    ratio = getattr(args, "ratio", None)
    if ratio is not None:
        if not 0 < ratio <= 1:
            raise InputError(f"--ratio must be more than 0 and at most 1 (0.1 is a tenth of the text), got {ratio:g}")
        return Budget(ratio=ratio)
    return None
