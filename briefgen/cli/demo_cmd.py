"""``briefgen demo --out DIR``: build a PDF, a Word and a Markdown brief from the bundled sample sources."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from briefgen.cli.common import EXIT_OK
from briefgen.errors import InputError
from briefgen.resources import resource_path

DEMO_NAME = "sample-brief"
FORMATS = ("pdf", "docx", "md")


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "demo",
        help="build sample briefs (PDF, Word, Markdown) from the bundled sample sources",
        description="Summarise the sample sources that ship with briefgen and write the same brief as PDF, "
        "Word and Markdown into DIR, then print the three paths.",
    )
    p.add_argument("--out", default="out", metavar="DIR", help="folder for the briefs (created; default: out)")
    p.add_argument("-t", "--template", metavar="NAME|FILE", help="template name or .json file (default: policy-brief)")


def sample_sources() -> list[str]:
    """The bundled sample sources (``resources/samples/*.txt`` and ``*.md``), by name."""
    folder = resource_path("samples")
    return [str(p) for p in sorted(folder.iterdir()) if p.suffix.lower() in (".txt", ".md") and p.is_file()]


def run(args: argparse.Namespace) -> int:
    from briefgen.build import build_brief
    from briefgen.render.registry import render

    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the folder ({exc.strerror or exc})", str(out)) from None
    first = out / f"{DEMO_NAME}.{FORMATS[0]}"
    result = build_brief(sample_sources(), args.template, output=first)
    paths = [first]
    for fmt in FORMATS[1:]:
        path = out / f"{DEMO_NAME}.{fmt}"
        render(result.brief, result.style, path)
        paths.append(path)
    for path in paths:
        sys.stdout.write(f"{path}\n")
    return EXIT_OK
