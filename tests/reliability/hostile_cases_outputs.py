"""Hostile outputs of ``briefgen build``: outputs and reports that would replace inputs, paths the system cannot
use, write-protected and read-only places, a full disk, two builds at once, left-over temporary files, and
titles long enough to make text fitting slow."""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from tests.reliability.hostile_cases_projects import project_data
from tests.reliability.hostile_model import ACCEPTED, ARTICLE, PROSE, REFUSED, SAMPLE, Case, Run, brief_has, write

PREVIOUS = b"the previous brief, complete"
REPORT_LIMIT = 1500
"""Bytes a process may write in the full-disk report case: more than the brief, less than its report."""


def _notes(folder: Path, name: str = "notes.md") -> bytes:
    data = ARTICLE.encode()
    write(folder, name, data)
    return data


def _out_is_source(folder: Path) -> Run:
    return Run(["build", "notes.md", "-o", "notes.md"], output="notes.md", previous=_notes(folder))


def _out_is_source_spelled(folder: Path) -> Run:
    (folder / "sub").mkdir()
    return Run(["build", "notes.md", "-o", "sub/../notes.md"], output="notes.md", previous=_notes(folder))


def _out_is_link_to_source(folder: Path) -> Run:
    data = _notes(folder)
    (folder / "link.md").symlink_to("notes.md")
    return Run(["build", "notes.md", "-o", "link.md"], output="notes.md", previous=data)


def _out_is_hard_link(folder: Path) -> Run:
    data = _notes(folder)
    os.link(folder / "notes.md", folder / "hard.md")
    return Run(["build", "notes.md", "-o", "hard.md"], output="notes.md", previous=data)


def _report_is_source(folder: Path) -> Run:
    data = _notes(folder, "notes.json")
    return Run(
        ["build", "notes.json", "-o", "r.md", "--report", "notes.json"],
        output="notes.json",
        previous=data,
        absent=("r.md",),
    )


def _report_is_template(folder: Path) -> Run:
    data = (Path(__file__).resolve().parents[2] / "resources/templates/research-digest.json").read_bytes()
    write(folder, "t.json", data.replace(b'"research-digest"', b'"my-digest"'))
    previous = (folder / "t.json").read_bytes()
    return Run(
        ["build", str(SAMPLE), "-o", "r.md", "-t", "t.json", "--report", "t.json"],
        output="t.json",
        previous=previous,
        absent=("r.md",),
    )


def _project_out_is_source(folder: Path) -> Run:
    data = _notes(folder)
    write(folder, "p.briefgen", json.dumps(project_data(folder / "notes.md", "notes.md")).encode())
    return Run(["build", "--project", "p.briefgen", "-o", "notes.md"], output="notes.md", previous=data)


def _loop_out(folder: Path) -> Run:
    _notes(folder)
    (folder / "a.md").symlink_to("b.md")
    (folder / "b.md").symlink_to("a.md")
    return Run(["build", "notes.md", "-o", "a.md"])


def _long_path(folder: Path) -> Run:
    _notes(folder)
    return Run(["build", "notes.md", "-o", "a/" * 3000 + "x.md"])


def _long_name(folder: Path) -> Run:
    _notes(folder)
    return Run(["build", "notes.md", "-o", "n" * 300 + ".md"], absent=("n" * 300 + ".md",))


def _plain(output: str, *extra: str, make: str = "") -> Callable[[Path], Run]:
    def setup(folder: Path) -> Run:
        _notes(folder)
        if make == "dir":
            (folder / output).mkdir()
        return Run(["build", "notes.md", "-o", output, *extra], output=None if make else output)

    return setup


def _read_only_folder(folder: Path) -> Run:
    _notes(folder)
    (folder / "ro").mkdir()
    (folder / "ro").chmod(0o555)
    return Run(["build", "notes.md", "-o", "ro/brief.md"], absent=("ro/brief.md",))


def _protected(*extra: str) -> Callable[[Path], Run]:
    def setup(folder: Path) -> Run:
        _notes(folder)
        write(folder, "brief.md", PREVIOUS).chmod(0o444)
        return Run(["build", "notes.md", "-o", "brief.md", *extra], output="brief.md", previous=PREVIOUS)

    return setup


def _full_disk(folder: Path) -> Run:
    write(folder, "brief.pdf", PREVIOUS)
    return Run(["build", str(SAMPLE), "-o", "brief.pdf"], output="brief.pdf", previous=PREVIOUS, file_size_limit=8192)


def _full_disk_for_report(folder: Path) -> Run:
    """The brief fits in the limit, the report does not: both stay as they were."""
    _notes(folder)
    write(folder, "brief.md", PREVIOUS)
    return Run(
        ["build", "notes.md", "-o", "brief.md", "--report", "r.json", "--sentences", "1"],
        output="brief.md",
        previous=PREVIOUS,
        file_size_limit=REPORT_LIMIT,
        absent=("r.json",),
    )


def _report_in(place: str) -> Callable[[Path], Run]:
    def setup(folder: Path) -> Run:
        _notes(folder)
        write(folder, "brief.md", PREVIOUS)
        if place == "ro":
            (folder / "ro").mkdir()
            (folder / "ro").chmod(0o555)
        return Run(
            ["build", "notes.md", "-o", "brief.md", "--report", f"{place}/r.json"], output="brief.md", previous=PREVIOUS
        )

    return setup


def _concurrent(folder: Path) -> Run:
    return Run(["build", str(SAMPLE), "-o", "brief.pdf"], output="brief.pdf", copies=2)


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def _stale_parts(folder: Path) -> Run:
    _notes(folder)
    old = time.time() - 7200
    dead = write(folder, f".brief.md.{_dead_pid()}.abcdefgh.part", b"half a brie")
    legacy = write(folder, ".brief.md.k2j4h5g6.part", b"half a brief from an older version")
    live = write(folder, f".brief.md.{os.getpid()}.zyxwvuts.part", b"being written by a live process")
    for path in (dead, legacy):
        os.utime(path, (old, old))
    return Run(["build", "notes.md", "-o", "brief.md"], output="brief.md", kept_parts=(live.name,))


def _stale_removed(folder: Path, _stdout: str, _stderr: str) -> None:
    parts = sorted(p.name for p in folder.glob(".brief.md.*.part"))
    assert len(parts) == 1 and parts[0].endswith(".zyxwvuts.part"), parts  # only the live writer's file stays
    assert "Libraries will close" in (folder / "brief.md").read_text(encoding="utf-8")


def _long_heading(folder: Path) -> Run:
    write(folder, "long.md", ("# " + "Heading " * 2300 + "\n\n" + PROSE + "\n").encode())
    return Run(["build", "long.md", "-o", "brief.pdf"], output="brief.pdf")


def _long_title(folder: Path) -> Run:
    _notes(folder)
    return Run(["build", "notes.md", "-o", "brief.pdf", "--title", "Title " * 2000], output="brief.pdf")


_NEVER = "briefgen never overwrites its inputs"
OUTPUT_CASES: tuple[Case, ...] = (
    Case("output equal to the source", REFUSED, _NEVER, _out_is_source, "notes.md", "would replace"),
    Case(
        "output equal to the source, spelled differently",
        REFUSED,
        _NEVER,
        _out_is_source_spelled,
        "notes.md",
        "would replace",
    ),
    Case("output a symbolic link to the source", REFUSED, _NEVER, _out_is_link_to_source, "link.md", "would replace"),
    Case("output a hard link to the source", REFUSED, _NEVER, _out_is_hard_link, "hard.md", "would replace"),
    Case(
        "--report equal to the source",
        REFUSED,
        _NEVER + "; refused before anything is written",
        _report_is_source,
        "notes.json",
        "would replace",
    ),
    Case(
        "--report equal to the template file",
        REFUSED,
        _NEVER,
        _report_is_template,
        "t.json",
        "would replace the template",
    ),
    Case(
        "project output equal to a project source", REFUSED, _NEVER, _project_out_is_source, "notes.md", "would replace"
    ),
    Case("output a symbolic-link loop", REFUSED, "no file at the end of the links", _loop_out, "a.md", "loop"),
    Case(
        "output path over the system limit",
        REFUSED,
        "ENAMETOOLONG: a plain reason, not an internal error",
        _long_path,
        "x.md",
        "longer than the system allows",
    ),
    Case(
        "output name over the system limit",
        REFUSED,
        "a 300-character name",
        _long_name,
        "nnnn",
        "longer than the system allows",
    ),
    Case(
        "output that is a folder", REFUSED, "a folder is not replaced", _plain("out.md", make="dir"), "out.md", "folder"
    ),
    Case(
        "output in a missing folder",
        REFUSED,
        "nowhere to write",
        _plain("nowhere/brief.md"),
        "brief.md",
        "folder does not exist",
    ),
    Case(
        "output with an unknown extension",
        REFUSED,
        "the format follows the extension",
        _plain("brief.xyz"),
        "brief.xyz",
        "extension",
    ),
    Case(
        "output in a read-only folder",
        REFUSED,
        "nothing may be written there",
        _read_only_folder,
        "brief.md",
        "write-protected",
    ),
    Case(
        "output over a write-protected file",
        REFUSED,
        "a read-only file is not replaced silently",
        _protected(),
        "brief.md",
        "write-protected",
    ),
    Case(
        "output over a write-protected file with --force",
        ACCEPTED,
        "the user asked for it",
        _protected("--force"),
        check=brief_has("Libraries will close"),
    ),
    Case(
        "output on a full disk",
        REFUSED,
        "ulimit -f: the write fails, the previous file stays whole",
        _full_disk,
        "brief.pdf",
        "size",
        cost=2,
    ),
    Case(
        "report on a full disk",
        REFUSED,
        "the brief fits, the report does not: neither is replaced",
        _full_disk_for_report,
        "brief.md",
        "nothing was changed",
    ),
    Case(
        "report in a read-only folder",
        REFUSED,
        "refused before writing: the brief is not written either",
        _report_in("ro"),
        "r.json",
        "write-protected",
    ),
    Case(
        "report in a missing folder",
        REFUSED,
        "refused before writing: the brief is not written either",
        _report_in("nowhere"),
        "r.json",
        "folder does not exist",
    ),
    Case(
        "two builds writing the same output at once",
        ACCEPTED,
        "each writes a temporary file and renames it: one complete brief wins",
        _concurrent,
        check=brief_has("Eastmouth", output="brief.pdf"),
        cost=3,
    ),
    Case(
        "left-over temporary files of a killed write",
        ACCEPTED,
        "the next write to the same place removes them (not a live writer's)",
        _stale_parts,
        check=_stale_removed,
    ),
    Case(
        "a Markdown heading of 18,000 characters",
        ACCEPTED,
        "the running head is shortened by measuring once: any title renders quickly",
        _long_heading,
        check=brief_has("Libraries will close", output="brief.pdf"),
        needs="title fitting",
        cost=5,
    ),
    Case(
        "a --title of 12,000 characters",
        ACCEPTED,
        "the running head is shortened by measuring once",
        _long_title,
        check=brief_has("Libraries will close", output="brief.pdf"),
        needs="title fitting",
        cost=5,
    ),
)
