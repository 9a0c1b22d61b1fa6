"""``briefgen build FILE... -o OUT.pdf|.docx|.md``: summarise sources into a cited brief laid out by a template."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from briefgen.cli.common import EXIT_OK, error_line
from briefgen.cli.id_options import option_error
from briefgen.cli.length_args import add_length_arguments, budget_from_args
from briefgen.errors import InputError, UnknownIdError
from briefgen.templates.schema import DEFAULT_TEMPLATE


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "build",
        help="build a cited brief (PDF, Word or Markdown) from sources",
        description="Summarise the sources and write a brief whose every sentence is quoted verbatim from them, "
        "with citations and a source list. The output format follows the extension of -o "
        "(.pdf, .docx, .md). One length governs the whole brief (key points, summary, sections, key figures and "
        "quotations together): --sentences, --words, --ratio or --pages; without one, the template's own. "
        "Ids for --select/--exclude/--pin are listed by 'briefgen inspect'. "
        "Give the files before the options that take several ids.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="source files, folders or http(s) addresses")
    p.add_argument(
        "--project", metavar="FILE.briefgen", help="build from a project saved by the desktop app (instead of FILEs)"
    )
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="the brief to write: OUT.pdf, .docx or .md")
    p.add_argument(
        "-t", "--template", metavar="NAME|FILE", help=f"template name or .json file (default: {DEFAULT_TEMPLATE})"
    )
    p.add_argument("--select", nargs="+", action="extend", default=[], metavar="ID", help="source/article/section ids")
    p.add_argument(
        "--exclude", nargs="+", action="extend", default=[], metavar="ID", help="ids to leave out (any level)"
    )
    p.add_argument("--pin", nargs="+", action="extend", default=[], metavar="ID", help="sentence ids to always include")
    add_length_arguments(p, pages=True, default_help="default: the template's own length")
    p.add_argument("--title", metavar="TEXT", help="the brief's title (instead of the template's pattern)")
    p.add_argument("--subtitle", metavar="TEXT", help="the brief's subtitle")
    p.add_argument("--marking", metavar="TEXT", help='protective marking, e.g. "OFFICIAL – SENSITIVE"')
    p.add_argument(
        "--report",
        metavar="REPORT.json",
        help="also write the brief's sentences and citations as JSON (written together with the brief: both or "
        "neither; it may not replace a source, the template or the project)",
    )
    p.add_argument(
        "--force", action="store_true", help="replace an output file even when it is write-protected (read-only)"
    )
    p.add_argument(
        "--allow-outside",
        action="store_true",
        help="with --project: read sources that lie outside the project file's folder (they are listed otherwise, "
        "and nothing is read)",
    )


def run(args: argparse.Namespace) -> int:
    from briefgen.build import build_brief
    from briefgen.compose import BriefDetails
    from briefgen.ingest.paths import expand_paths

    if args.report and not args.report.lower().endswith(".json"):
        raise InputError("the report file name must end in .json", args.report)
    if args.allow_outside and not args.project:
        raise InputError("--allow-outside only applies to --project")
    details = BriefDetails(title=args.title, subtitle=args.subtitle, marking=args.marking)
    budget = budget_from_args(args)
    if args.project:  # the brief the desktop app would export; see briefgen.project.build_inputs
        if args.files or args.select or args.exclude or args.pin or args.template:
            raise InputError("--project takes the sources, selection and template from the project file")
        from briefgen.project.build_inputs import build_project

        result, project_warnings = build_project(
            args.project,
            args.output,
            details=details,
            budget=budget,
            algorithm=args.algorithm,
            report_file=args.report,
            replace_protected=args.force,
            allow_outside=args.allow_outside,
        )
        for warning in project_warnings:
            error_line(f"warning: {warning}")
    else:
        try:
            result = build_brief(
                expand_paths(args.files),
                args.template,
                output=args.output,
                select=args.select,
                exclude=args.exclude,
                pin=args.pin,
                details=details,
                budget=budget,
                algorithm=args.algorithm,
                report_file=args.report,
                replace_protected=args.force,
            )
        except UnknownIdError as exc:
            raise option_error(exc) from None
    for warning in result.warnings:
        error_line(f"warning: {warning}")
    sys.stdout.write(f"{result.output}\n")
    return EXIT_OK
