"""``briefgen verify BRIEF SOURCE...``: check that every cited sentence of a brief still occurs verbatim in its
source (see :mod:`briefgen.verify`)."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import Any

from briefgen.cli.common import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_VERIFY_FAILED

EPILOG = f"""\
exit status:
  {EXIT_OK}  every sentence verified
  {EXIT_VERIFY_FAILED}  verification failed: some sentence is not verified (each one is named)
  {EXIT_BAD_INPUT}  bad input: the brief or a source cannot be read, or the brief has no sentences
  {EXIT_INTERNAL}  internal error
"""


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "verify",
        help="check a brief against its sources: is every cited sentence still verbatim in its source?",
        description=textwrap.fill(
            "Read a brief back (PDF, Word or Markdown) and check that every cited sentence still occurs verbatim "
            "in the source its citation names, and that the brief's text still has it as it was made. Give all "
            "the sources the brief was made from. A brief made by briefgen carries invisible provenance (sentence "
            "ids, source hashes, offsets) that makes the check exact; without it each sentence of the brief's "
            "text is looked for in the sources. Prints one line per sentence not verified, then 'N of M "
            "sentences verified'.",
            width=78,
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("brief", metavar="BRIEF", help="the brief: BRIEF.pdf, .docx or .md")
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="its source files, folders or http(s) addresses")


def run(args: argparse.Namespace) -> int:
    from briefgen.ingest.paths import expand_paths
    from briefgen.verify import report_lines, verify_brief

    report = verify_brief(args.brief, expand_paths(args.sources))
    sys.stdout.write("".join(f"{line}\n" for line in report_lines(report)))
    return EXIT_OK if report.ok else EXIT_VERIFY_FAILED
