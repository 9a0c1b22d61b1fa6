"""``briefgen demo --out DIR``: build a PDF, a Word and a Markdown brief from the bundled sample sources."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from briefgen.cli.common import EXIT_OK
from briefgen.errors import InputError, ResourceError
from briefgen.resources import resources_dir
from briefgen.samples import sample_paths
from briefgen.templates.schema import DEFAULT_TEMPLATE, OutputFormat

DEMO_NAME = "sample-brief"


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "demo",
        help="build sample briefs (PDF, Word, Markdown) from the bundled sample sources",
        description="Summarise the sample sources that ship with briefgen and write the same brief as PDF, "
        "Word and Markdown into DIR, then print the three paths.",
    )
    p.add_argument("--out", default="out", metavar="DIR", help="folder for the briefs (created; default: out)")
    p.add_argument(
        "-t", "--template", metavar="NAME|FILE", help=f"template name or .json file (default: {DEFAULT_TEMPLATE})"
    )


def run(args: argparse.Namespace) -> int:
    from briefgen.build import build_brief
    from briefgen.render.registry import render

    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the folder ({exc.strerror or exc})", str(out)) from None
    sources = sample_paths()
    if not sources:
        raise ResourceError("the bundled sample sources are missing", str(resources_dir() / "samples"))
    first_format, *other_formats = OutputFormat
    first = out / f"{DEMO_NAME}.{first_format}"
    result = build_brief(sources, args.template, output=first)
    paths = [first]
    for fmt in other_formats:
        path = out / f"{DEMO_NAME}.{fmt}"
        render(result.brief, result.style, path)
        paths.append(path)
    for path in paths:
        sys.stdout.write(f"{path}\n")
    return EXIT_OK
