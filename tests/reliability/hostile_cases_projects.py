"""Hostile projects (``build --project FILE``): damaged, foreign, ambiguous and oversized project files, wrong
types, and projects that would read files outside their folder.

Every field of a project is also given a wrong type in-process by ``test_hostile_inputs.py``
(``test_every_project_field_with_a_wrong_type_is_refused``); the cases here run the command line.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

from tests.reliability.hostile_cases_config import DELETE, deep, fifo
from tests.reliability.hostile_model import (
    ACCEPTED,
    ARTICLE,
    REFUSED,
    SECRET,
    Case,
    Run,
    brief_has,
    secret,
    with_project,
    write,
)


def project_data(source: Path, stored_path: str, **fields: object) -> dict[str, object]:
    """A project file naming one source (stored as *stored_path*), with *fields* changed or deleted."""
    digest = "0" * 64  # for a source that is not a regular file (never read here: a FIFO would block)
    with contextlib.suppress(OSError, ValueError):
        if stat.S_ISREG(os.stat(source).st_mode):
            digest = hashlib.sha256(source.read_bytes()).hexdigest()
    data: dict[str, object] = {
        "format": "briefgen-project",
        "schema": 1,
        "sources": [{"path": stored_path, "sha256": digest, "id": digest[:8]}],
        "selection": None,
        "pins": [],
        "excludes": [],
        "metadata": {},
        "template": "policy-brief",
        "budget": {"sentences": 3},
        "algorithm": "default",
        "output_format": "pdf",
    }
    for key, value in fields.items():
        if value is DELETE:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def _source(folder: Path) -> Path:
    return write(folder, "source.txt", ARTICLE.encode())


def _project(**fields: object) -> Callable[[Path], bytes]:
    return lambda folder: json.dumps(project_data(_source(folder), "source.txt", **fields)).encode()


def _project_text(old: str, new: str) -> Callable[[Path], bytes]:
    return lambda folder: (
        json.dumps(project_data(_source(folder), "source.txt"), indent=1).replace(old, new, 1).encode()
    )


def _project_at(stored: Callable[[Path], str]) -> Callable[[Path], bytes]:
    """A project whose one source is stored as *stored(folder)* (made beside the project unless it exists)."""

    def make(folder: Path) -> bytes:
        path = stored(folder)
        return json.dumps(project_data(Path(path) if os.path.isabs(path) else folder / path, path)).encode()

    return make


def _escaping(folder: Path) -> str:
    secret(folder.parent)
    return "../secret.txt"


def _loop_pair(folder: Path) -> str:
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    return "a.txt"


def _fifo_project(folder: Path) -> Run:
    os.mkfifo(folder / "p.briefgen")
    return Run(["build", "--project", "p.briefgen", "-o", "brief.md"], output="brief.md")


def _wrong_project(field: str, value: object) -> Case:
    return Case(
        f"project with a wrong type in {field}",
        REFUSED,
        f"{field} has one JSON type",
        with_project("p.briefgen", _project(**{field: value})),
        "p.briefgen",
        field.split("__")[0],
    )


PROJECT_CASES: tuple[Case, ...] = (
    Case(
        "project that is not JSON",
        REFUSED,
        "binary garbage",
        with_project("p1.briefgen", lambda _: b"\x00\x01garbage"),
        "p1.briefgen",
        "project",
    ),
    Case(
        "foreign JSON as a project",
        REFUSED,
        "no briefgen tag",
        with_project("p2.briefgen", lambda _: b'{"hello": "world"}'),
        "p2.briefgen",
        "not a briefgen project",
    ),
    Case(
        "project from the future",
        REFUSED,
        "an unknown schema is not half-read",
        with_project("p4.briefgen", _project(schema=99)),
        "p4.briefgen",
        "newer",
    ),
    Case(
        "project with a 10,001-sentence budget",
        REFUSED,
        "one over the largest length (10,000 sentences)",
        with_project("p5.briefgen", _project(budget={"sentences": 10_001})),
        "p5.briefgen",
        "budget",
    ),
    Case(
        "project with a 10,000-sentence budget",
        ACCEPTED,
        "the largest length allowed: the brief simply holds every sentence it can",
        with_project("p5.briefgen", _project(budget={"sentences": 10_000})),
        check=brief_has("Libraries will close", "The bus subsidy"),
    ),
    _wrong_project("pins", "all of them"),
    _wrong_project("sources", {"path": "x"}),
    _wrong_project("selection", 7),
    _wrong_project("excludes", [1, 2]),
    _wrong_project("metadata", ["author"]),
    _wrong_project("template", []),
    _wrong_project("budget", "700 words"),
    _wrong_project("algorithm", 3),
    _wrong_project("output_format", True),
    _wrong_project("exported", "abc"),
    Case(
        "project with a wrong type in schema",
        REFUSED,
        "a version is a number",
        with_project("p.briefgen", _project(schema="1")),
        "p.briefgen",
        "schema",
    ),
    Case(
        "project with a source that is not an object",
        REFUSED,
        "sources are objects",
        with_project("p.briefgen", _project(sources=["source.txt"])),
        "p.briefgen",
        "source 1",
    ),
    Case(
        "project with a number as a source path",
        REFUSED,
        "a path is text",
        with_project("p.briefgen", _project(sources=[{"path": 5, "sha256": "0" * 64, "id": "00000000"}])),
        "p.briefgen",
        "path",
    ),
    Case(
        "project nested 200,000 deep",
        REFUSED,
        "nesting this deep is never a project",
        with_project("p.briefgen", deep(200_000, "format")),
        "p.briefgen",
        "nested",
    ),
    Case(
        "project with a NUL in a source path",
        REFUSED,
        "no file name holds a NUL",
        with_project("p.briefgen", _project_at(lambda _: "source\x00.txt")),
        "p.briefgen",
        "nul",
    ),
    Case(
        "project with NaN",
        REFUSED,
        "NaN is not JSON",
        with_project("p.briefgen", _project_text('"sentences": 3', '"ratio": NaN')),
        "p.briefgen",
        "nan",
    ),
    Case(
        "project with Infinity",
        REFUSED,
        "Infinity is not JSON",
        with_project("p.briefgen", _project_text('"sentences": 3', '"ratio": Infinity')),
        "p.briefgen",
        "infinity",
    ),
    Case(
        "project with a duplicate key",
        REFUSED,
        "readers differ on which value wins, so a project shown one way could build another",
        with_project(
            "p.briefgen",
            _project_text('"template": "policy-brief"', '"template": "policy-brief", "template": "research-digest"'),
        ),
        "p.briefgen",
        "twice",
    ),
    Case(
        "project with a 1 MB source path",
        REFUSED,
        "longer than any system path",
        with_project("p.briefgen", _project_at(lambda _: "a" * 1_000_000)),
        "p.briefgen",
        "characters",
    ),
    Case(
        "project with a 1 MB template name",
        REFUSED,
        "names are short",
        with_project("p.briefgen", _project(template="t" * 1_000_000)),
        "p.briefgen",
        "template",
    ),
    Case(
        "project over its size limit",
        REFUSED,
        "projects are at most 16 MB",
        with_project("p.briefgen", _project(pins=["x" * 1000] * 17_000)),
        "p.briefgen",
        "too large",
        cost=2,
    ),
    Case(
        "project source outside its folder",
        REFUSED,
        "a project from elsewhere must not pull in files silently: listed, nothing read, --allow-outside needed",
        with_project("p6.briefgen", _project_at(_escaping)),
        "secret.txt",
        "--allow-outside",
    ),
    Case(
        "project source outside its folder, allowed",
        ACCEPTED,
        "the user said --allow-outside: read, with a warning naming the file",
        with_project("p7.briefgen", _project_at(_escaping), "--allow-outside"),
        check=brief_has(SECRET, warning="outside"),
    ),
    Case(
        "project reading /etc/passwd",
        REFUSED,
        "any readable file could become key points",
        with_project("p.briefgen", _project_at(lambda _: "/etc/passwd")),
        "/etc/passwd",
        "outside",
    ),
    Case(
        "project with a FIFO source",
        REFUSED,
        "reading a FIFO blocks forever",
        with_project("p.briefgen", _project_at(lambda f: fifo(f, "pipe.txt"))),
        "pipe.txt",
        "regular file",
        needs="special files",
    ),
    Case(
        "project with a symbolic-link-loop source",
        REFUSED,
        "no file at the end of the links",
        with_project("p.briefgen", _project_at(_loop_pair)),
        "a.txt",
    ),
    Case(
        "a FIFO as the project file",
        REFUSED,
        "reading a FIFO blocks forever",
        _fifo_project,
        "p.briefgen",
        "regular file",
        needs="special files",
    ),
)
