"""``briefgen batch MANIFEST.json``: build many briefs in parallel, with a progress line and a summary table.

The engine side (manifest, running, results) is :mod:`briefgen.batch`; this module reads the options and prints
the table. The progress line on stderr is the one every command has (:mod:`briefgen.cli.console`). Exit status
0 when every brief was built, 2 when the manifest is unusable or any entry failed (the others are still built).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING, Any

from briefgen.cli.common import EXIT_BAD_INPUT, EXIT_OK, error_line
from briefgen.errors import InputError

if TYPE_CHECKING:
    from briefgen.batch import BatchReport

EXIT_ENTRY_FAILED = EXIT_BAD_INPUT
"""At least one entry failed (the others were built)."""
EXECUTORS = ("processes", "dask")


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "batch",
        help="build many briefs listed in a JSON manifest, in parallel",
        description="Build every brief listed in MANIFEST.json (sources, template, length and output per entry; "
        "see docs/batch.md) on parallel worker processes, or on a Dask cluster with --executor dask. "
        "Sources named by several entries are read once. A failed entry does not stop the others; the exit "
        "status is 2 when any failed. Relative paths in the manifest are read from the manifest's folder.",
    )
    p.add_argument("manifest", metavar="MANIFEST.json", help="the list of briefs to build")
    p.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes (default: one per core)")
    p.add_argument(
        "--executor",
        choices=EXECUTORS,
        default="processes",
        help="where the briefs are built: local worker processes (default) or a Dask cluster (needs --scheduler)",
    )
    p.add_argument("--scheduler", metavar="ADDRESS", help="the Dask scheduler's address, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--report", metavar="REPORT.json", help="also write every entry's result as JSON")


def shown_path(path: str) -> str:
    """*path* relative to the current folder when it lies below it."""
    relative = os.path.relpath(path) if os.path.isabs(path) else path
    return path if relative.startswith("..") else relative


def printable(text: str) -> str:
    """*text* on one line: control characters (from file names, server replies) escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def summary_table(report: BatchReport) -> str:
    """Entry, output, status, seconds, message: one row per entry, then a total line."""
    header = ("entry", "output", "status", "seconds", "message")
    rows = [
        (printable(r.name), printable(shown_path(r.output)), r.status, f"{r.seconds:.2f}", printable(r.message))
        for r in report.results
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]

    def line(row: tuple[str, ...]) -> str:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].ljust(widths[2]), row[3].rjust(widths[3])]
        return "  ".join([*cells, row[4]]).rstrip()

    failed = len(report.failed)
    where = f"{report.workers} worker{'s' if report.workers != 1 else ''} ({report.executor})"
    ok = len(report.results) - failed
    total = f"{len(report.results)} briefs: {ok} ok, {failed} failed in {report.seconds:.1f} s on {where}"
    if report.source_reads:
        total += f"; {report.source_reads} distinct sources read once for {report.source_uses} uses"
    return "\n".join([line(header), *(line(r) for r in rows), total])


def report_json(report: BatchReport) -> dict[str, Any]:
    return {
        "seconds": round(report.seconds, 3),
        "workers": report.workers,
        "executor": report.executor,
        "source_reads": report.source_reads,
        "source_uses": report.source_uses,
        "entries": [
            {
                "entry": r.index,
                "name": r.name,
                "output": r.output,
                "status": r.status,
                "seconds": round(r.seconds, 3),
                "message": r.message,
                "warnings": list(r.warnings),
            }
            for r in report.results
        ],
    }


def run(args: argparse.Namespace) -> int:
    from briefgen.batch import ManifestError, load_manifest, run_batch

    if args.jobs is not None and args.jobs < 1:
        raise InputError(f"--jobs must be at least 1, got {args.jobs}")
    if args.executor == "dask" and not args.scheduler:
        raise InputError("--executor dask needs --scheduler ADDRESS (the Dask scheduler, e.g. tcp://host:8786)")
    if args.scheduler and args.executor != "dask":
        raise InputError("--scheduler applies to --executor dask")
    if args.executor == "dask" and args.jobs is not None:
        raise InputError("--jobs applies to local worker processes; the Dask cluster has its own workers")
    if args.report and not args.report.lower().endswith(".json"):
        raise InputError("the report file name must end in .json", args.report)
    try:
        manifest = load_manifest(args.manifest)
    except ManifestError as exc:  # every problem on a line of its own
        count = len(exc.problems)
        error_line(f"{exc.path}: {count} problem{'s' if count != 1 else ''} in the batch manifest:")
        for problem in exc.problems:
            error_line(f"  {problem}")
        return EXIT_BAD_INPUT
    # progress ("7/20 briefs: 6 ok, 1 failed ...") goes to the command line's progress line (briefgen.cli.console)
    if args.executor == "dask":
        from briefgen.batch.dask_runner import run_batch_dask

        report = run_batch_dask(manifest, args.scheduler)
    else:
        report = run_batch(manifest, jobs=args.jobs)
    if sys.stderr.isatty():  # the table starts on a clean line, not after the progress line
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()
    sys.stdout.write(summary_table(report) + "\n")
    sys.stdout.flush()
    if args.report:
        from briefgen.fileio import atomic_write_text

        text = json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"
        try:
            atomic_write_text(args.report, text)
        except OSError as exc:
            raise InputError(f"cannot write the report ({exc.strerror or exc})", args.report) from None
    for result in report.failed:
        error_line(f"{result.name}: {result.message}")
    return EXIT_ENTRY_FAILED if report.failed else EXIT_OK
