"""Checking batch manifests: paths read against the manifest's folder, defaults, and every problem named by its
entry and field before any work starts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from briefgen.batch import ManifestError, load_manifest
from briefgen.errors import InputError
from briefgen.summarize.api import Budget
from tests.batch.manifests import NEWS, REPORT, SAMPLES, write_manifest


def problems_of(folder: Path, entries: list[Any], **top: Any) -> tuple[str, ...]:
    with pytest.raises(ManifestError) as caught:
        load_manifest(write_manifest(folder, entries, **top))
    return caught.value.problems


def test_relative_paths_defaults_and_output_extension(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(SAMPLES, sources)
    jobs = tmp_path / "jobs"
    manifest = write_manifest(
        jobs,
        [
            {"sources": ["../sources/eastmouth-barrier-news.txt"], "output": "../out/first"},
            {"name": "all", "sources": ["../sources"], "output": "all.md", "words": 200, "title": "All of it"},
        ],
        defaults={"sentences": 5, "template": "research-digest"},
    )
    monkeypatch.chdir(tmp_path.parent)  # relative paths follow the manifest, not the current folder
    first, second = load_manifest(manifest).entries
    assert first.sources == (str(sources / "eastmouth-barrier-news.txt"),)
    assert first.output == str(tmp_path / "out" / "first") + "." + first.template.output_format
    assert first.name == "first" and first.index == 1
    assert first.budget == Budget(sentences=5) and first.template.name == "research-digest"
    assert second.sources == tuple(sorted(str(p) for p in sources.iterdir()))
    assert second.budget == Budget(words=200), "an entry's own length replaces the default one"
    assert second.details.title == "All of it" and second.output == str(jobs / "all.md")


def test_every_problem_names_its_entry_and_field(tmp_path: Path) -> None:
    problems = problems_of(
        tmp_path,
        [
            {"name": "typo", "sources": [NEWS], "output": "a.md", "sentence": 5},
            {"name": "words", "sources": [NEWS], "output": "b.md", "sentences": "ten"},
            {"name": "no-output", "sources": [NEWS]},
            {"name": "two-lengths", "sources": [NEWS], "output": "c.md", "words": 100, "pages": 2},
            {"name": "ratio", "sources": [NEWS], "output": "d.md", "ratio": 2},
            {"name": "template", "sources": [NEWS], "output": "e.md", "template": "no-such-template"},
            {"name": "format", "sources": [NEWS], "output": "f.txt"},
            {"name": "sources", "sources": NEWS, "output": "g.md"},
            {"name": "ids", "sources": [NEWS, 7], "output": "h.md", "pin": "x"},
            {"name": "algorithm", "sources": [NEWS], "output": "i.md", "algorithm": "magic"},
            "not an entry",
        ],
    )
    expected = [
        'entry 1 ("typo"): sentence: unknown field',
        "entry 2 (\"words\"): sentences: must be a whole number from 1 to 10,000, got the text 'ten'",
        'entry 3 ("no-output"): output: missing',
        'entry 4 ("two-lengths"): words/pages: give one length only',
        'entry 5 ("ratio"): ratio: must be a number more than 0 and at most 1, got the number 2',
        'entry 6 ("template"): template: no template named "no-such-template"',
        'entry 7 ("format"): output: ',
        'entry 8 ("sources"): sources: must be a non-empty list',
        'entry 9 ("ids"): sources[2]: must be a file name, folder or address, not the number 7',
        'entry 9 ("ids"): pin: must be a list of ids',
        'entry 10 ("algorithm"): algorithm: must be one of ',
        "entry 11: must be an object, not the text 'not an entry'",
    ]
    for start in expected:
        assert any(p.startswith(start) for p in problems), (start, problems)
    assert len(problems) == len(expected)


def test_two_entries_writing_one_file(tmp_path: Path) -> None:
    problems = problems_of(
        tmp_path,
        [
            {"name": "a", "sources": [NEWS], "output": "out.md"},
            {"name": "b", "sources": [REPORT], "output": "./sub/../out.md"},
        ],
    )
    assert problems == (f'entry 2 ("b"): output: {tmp_path / "out.md"} is also written by entry 1 ("a")',)


def test_output_that_is_a_source(tmp_path: Path) -> None:
    source = tmp_path / "notes.md"
    shutil.copy(REPORT, source)
    problems = problems_of(
        tmp_path,
        [
            {"name": "own", "sources": ["notes.md"], "output": "notes.md"},
            {"name": "other", "sources": [NEWS, "notes.md"], "output": "other.md"},
        ],
    )
    assert f'entry 1 ("own"): output: {source} is one of its own sources' in problems
    assert f'entry 1 ("own"): output: {source} is one of the sources of entry 2 ("other")' in problems


def test_manifest_level_problems(tmp_path: Path) -> None:
    assert problems_of(tmp_path, [], version=2, extra=1) == (
        "manifest: extra: unknown field (known: version, defaults, entries)",
        "manifest: version: must be 1, got 2",
        "manifest: entries: must be a non-empty list of objects (got a list)",
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"entries": [', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.json: not valid JSON \(line 1, column 14"):
        load_manifest(bad)
    bad.write_text(json.dumps([{"sources": [NEWS], "output": "a.md"}]), encoding="utf-8")
    with pytest.raises(ManifestError, match='must be a JSON object with an "entries" list, not a list'):
        load_manifest(bad)
    with pytest.raises(InputError, match="no such file"):
        load_manifest(tmp_path / "missing.json")


def test_error_message_lists_all_problems(tmp_path: Path) -> None:
    path = write_manifest(tmp_path, [{"sources": [NEWS]}, {"output": "x.md"}])
    with pytest.raises(ManifestError) as caught:
        load_manifest(path)
    text = str(caught.value)
    assert text.startswith(f"{path}: 2 problems in the batch manifest:")
    assert "entry 1: output: missing" in text and "entry 2: sources: missing" in text


def test_bad_defaults_are_reported_once(tmp_path: Path) -> None:
    entries = [{"sources": [NEWS], "output": "a.md"}, {"sources": [REPORT], "output": "b.md"}]
    problems = problems_of(tmp_path, entries, defaults={"sentences": 0, "template": 5, "output": "x.md"})
    assert problems == (
        "defaults: output: unknown field (defaults may give: "
        "template, algorithm, title, subtitle, author, organisation, marking, sentences, words, ratio, pages, "
        "select, exclude, pin)",
        "defaults: template: must be non-empty text, not the number 5",
        "defaults: sentences: must be a whole number from 1 to 10,000, got the number 0",
    )
