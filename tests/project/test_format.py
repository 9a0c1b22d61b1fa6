"""The .briefgen project file: stored paths, strict validation, budgets, repaired addresses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.corpus import Corpus
from briefgen.errors import InputError
from briefgen.project.format import (
    budget_from_json,
    load_project,
    parse_project,
    resolved_path,
    save_project,
    stored_path,
)
from briefgen.project.workspace import WorkspaceState
from briefgen.summarize.api import Budget


def test_paths_are_relative_inside_the_project_folder(tmp_path: Path) -> None:
    proj = tmp_path / "proj" / "x.briefgen"
    src = tmp_path / "proj" / "articles" / "a.txt"
    assert stored_path(str(src), proj) == "articles/a.txt"
    assert resolved_path("articles/a.txt", proj) == str(src.resolve())
    far = "/elsewhere/deep/a.txt"
    assert stored_path(far, tmp_path / "a" / "b" / "c" / "d" / "x.briefgen") == far


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"{not json", "invalid JSON"),
        (b"[1, 2]", "not a briefgen project"),
        (b'{"format": "something-else", "schema": 1}', "not a briefgen project"),
        (b'{"format": "briefgen-project"}', "schema"),
        (b'{"format": "briefgen-project", "schema": 99}', "newer briefgen"),
        (b'{"format": "briefgen-project", "schema": 1, "sources": {}}', "'sources' must be a list"),
        (
            b'{"format": "briefgen-project", "schema": 1, "sources": [{"path": "a", "sha256": "x", "id": "1"}]}',
            "sha256",
        ),
        (b'{"format": "briefgen-project", "schema": 1, "pins": "abc"}', "'pins'"),
        (b'{"format": "briefgen-project", "schema": 1, "budget": {"sentences": 0}}', "from 1 to 10,000"),
        (b'{"format": "briefgen-project", "schema": 1, "output_format": "odt"}', "output format"),
        (b'{"format": "briefgen-project", "schema": 1, "metadata": {"x.a1": {"colour": "red"}}}', "metadata"),
    ],
)
def test_damaged_or_foreign_files_give_one_line_reasons(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as info:
        parse_project(data, "bad.briefgen")
    assert reason in info.value.reason
    assert info.value.path == "bad.briefgen"
    assert "\n" not in str(info.value)


def test_missing_and_empty_files_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_project(tmp_path / "nope.briefgen")
    (tmp_path / "empty.briefgen").write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        load_project(tmp_path / "empty.briefgen")


def test_budget_kinds() -> None:
    assert budget_from_json({"ratio": 0.25}) == Budget(ratio=0.25)
    with pytest.raises(ValueError, match="exactly one"):
        budget_from_json({"ratio": 0.2, "words": 3})
    with pytest.raises(ValueError, match="ratio"):
        budget_from_json({"ratio": 1.5})


def test_saved_file_is_readable_json_with_a_format_tag(tmp_path: Path, corpus: Corpus) -> None:
    path = tmp_path / "p.briefgen"
    save_project(WorkspaceState(corpus).to_project(path), path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["format"] == "briefgen-project" and raw["schema"] == 1
    assert [s["id"] for s in raw["sources"]] == [s.id for s in corpus.sources]


@pytest.mark.parametrize("stored", ["../http:/host.example/page", "http:/host.example/page", "../../https:/h.org/a"])
def test_addresses_saved_as_paths_by_older_versions_are_repaired(tmp_path: Path, stored: str) -> None:
    raw = {
        "format": "briefgen-project",
        "schema": 1,
        "sources": [{"path": stored, "sha256": "a" * 64, "id": "aaaaaaaa"}],
    }
    (path,) = (s.path for s in parse_project(json.dumps(raw).encode()).sources)
    assert path in ("http://host.example/page", "https://h.org/a")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (b'{"format": "briefgen-project", "schema": 1, "schema": 1}', "appears twice"),
        (b'{"format": "briefgen-project", "schema": 1, "budget": {"ratio": NaN}}', "NaN"),
        (b'{"format": "briefgen-project", "schema": 1, "budget": {"ratio": -Infinity}}', "Infinity"),
        (b'{"format": "briefgen-project", "x": ' + b"[" * 200_000 + b"]" * 200_000 + b"}", "nested too deeply"),
        (
            b'{"format": "briefgen-project", "schema": 1, "sources": [{"path": "a\\u0000b", "sha256": "'
            + b"a" * 64
            + b'", "id": "aaaaaaaa"}]}',
            "NUL",
        ),
        (b'{"format": "briefgen-project", "schema": 1, "template": "' + b"t" * 5000 + b'"}', "at most 200"),
    ],
)
def test_ambiguous_or_hostile_json_is_refused(text: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason) as caught:
        parse_project(text, "p.briefgen")
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 300
