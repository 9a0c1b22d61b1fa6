"""What is new since the last export: sentences whose text the previous export did not hold are marked."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from briefgen.build_choices import BriefChoices, build_from_choices
from briefgen.corpus import Corpus
from briefgen.errors import InputError
from briefgen.ingest import source_from_text
from briefgen.novelty import brief_hashes, text_hash
from briefgen.project.format import Project, dumps_project, parse_project
from briefgen.summarize.api import Budget

BEFORE = """# Harbour barrier approved

The council approved a £412m tidal barrier across the harbour mouth on Tuesday night.
Council tax will rise by an average of £96 a year for the life of the loan.
Construction is due to start in spring 2026 and finish by 2031.
"""
AFTER = BEFORE + "The government confirmed a £120m grant for the barrier on Friday morning.\n"


def choices(text: str, previous: frozenset[str] = frozenset()) -> BriefChoices:
    corpus = Corpus([source_from_text(text, "news.txt", "text")])
    return BriefChoices(corpus, (), frozenset(), frozenset(), Budget(sentences=10), "default", "policy-brief", previous)


def test_sentences_added_since_the_last_export_are_marked_new() -> None:
    first = build_from_choices(choices(BEFORE)).brief
    assert first.sentences() and not any(s.new for s in first.sentences()), "nothing is new without a history"
    again = build_from_choices(choices(AFTER, brief_hashes(first))).brief
    new = [s.text for s in again.sentences() if s.new]
    assert new == ["The government confirmed a £120m grant for the barrier on Friday morning."]


def test_the_hash_ignores_white_space_but_not_words() -> None:
    assert text_hash("A  tidal\nbarrier.") == text_hash("A tidal barrier.")
    assert text_hash("A tidal barrier.") != text_hash("A tidal wall.")


def test_a_project_keeps_what_its_last_export_held() -> None:
    hashes = frozenset({text_hash("One."), text_hash("Two.")})
    project = dataclasses.replace(Project(), exported=hashes)
    data = dumps_project(project)
    assert parse_project(data.encode("utf-8")).exported == hashes
    raw = json.loads(data)
    assert sorted(raw["exported"]) == sorted(hashes)
    assert "The" not in data and "One." not in data, "hashes only: no source text in the project file"


def test_a_damaged_export_history_is_refused() -> None:
    raw = json.loads(dumps_project(Project()))
    raw["exported"] = ["not a hash"]
    with pytest.raises(InputError, match="'exported' must be a list of sentence hashes"):
        parse_project(json.dumps(raw).encode("utf-8"))


def test_build_from_a_project_marks_what_is_new_since_its_last_export(tmp_path: Path) -> None:
    from briefgen.cli.main import main
    from briefgen.project.format import save_project
    from briefgen.project.workspace import WorkspaceState

    source = tmp_path / "news.txt"
    source.write_text(BEFORE, encoding="utf-8")
    from briefgen.ingest import load_sources

    state = WorkspaceState(load_sources([str(source)]).corpus)
    state.budget = Budget(sentences=10)
    state.exported = brief_hashes(build_from_choices(state.choices()).brief)
    project = tmp_path / "work.briefgen"
    save_project(state.to_project(project), project)
    source.write_text(AFTER, encoding="utf-8")  # the source changed after the export
    report = tmp_path / "r.json"
    assert main(["build", "--project", str(project), "-o", str(tmp_path / "b.md"), "--report", str(report)]) == 0
    new = [s["text"] for s in json.loads(report.read_text(encoding="utf-8"))["sentences"] if s.get("new")]
    assert new == ["The government confirmed a £120m grant for the barrier on Friday morning."]
