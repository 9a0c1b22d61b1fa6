"""Opening a project again: changed sources' ids mapped, web sources read from their addresses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.corpus import Corpus
from briefgen.model import Metadata
from briefgen.project.format import (
    Project,
    ProjectSource,
    load_project,
    resolved_path,
    save_project,
)
from briefgen.project.remap import remap_project
from briefgen.project.workspace import WorkspaceState


def test_remap_follows_a_changed_source_id(corpus: Corpus) -> None:
    a = corpus.sources[0]
    old = "deadbeef"
    project = Project(
        sources=(ProjectSource("a.txt", "0" * 64, old),),
        selection=(f"{old}.a1.s1", f"{old}.a1.s9"),
        pins=frozenset({f"{old}.a1.s1.t1"}),
        metadata={f"{old}.a1": Metadata(author="X")},
    )
    mapped = remap_project(project, {old: a.id}, corpus)
    assert mapped.selection == (f"{a.id}.a1.s1",)  # s9 no longer exists: dropped
    assert mapped.pins == frozenset({f"{a.id}.a1.s1.t1"})
    assert set(mapped.metadata) == {f"{a.id}.a1"}


def test_changed_source_is_used_with_a_warning(tmp_path: Path, seeds_dir: Path) -> None:
    from briefgen.project.build_inputs import build_inputs_from_project
    from briefgen.project.remap import ChangeKind, open_project

    src = tmp_path / "a.txt"
    src.write_bytes(sorted(seeds_dir.iterdir())[0].read_bytes())
    from briefgen.ingest import load_sources

    state = WorkspaceState(load_sources([str(src)]).corpus)
    first = next(state.corpus.sentence_refs()).sentence.id
    state.pins = frozenset({first})
    project = tmp_path / "p.briefgen"
    save_project(state.to_project(project), project)
    src.write_bytes(src.read_bytes() + b"\n\nA new closing paragraph was added to the article afterwards.\n")
    opened = open_project(load_project(project), project)
    assert [c.kind for c in opened.changes] == [ChangeKind.CHANGED]
    new_id = opened.corpus.sources[0].id
    assert new_id != state.corpus.sources[0].id
    assert opened.project.pins == frozenset({first.replace(state.corpus.sources[0].id, new_id)})
    inputs = build_inputs_from_project(project)
    assert inputs.warnings and "changed" in inputs.warnings[0]


def test_web_sources_are_stored_as_addresses_and_reopen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefgen.ingest as ingest
    from briefgen.ingest import LoadResult
    from briefgen.ingest.pipeline import source_from_text
    from briefgen.project.outside import sources_outside
    from briefgen.project.remap import open_project

    url = "http://host.example/page?id=3"
    page = source_from_text("A Page\n\nThe council met. It agreed the budget.\n", url)
    state = WorkspaceState(Corpus([page]))
    project_file = tmp_path / "deep" / "work.briefgen"
    project_file.parent.mkdir()
    save_project(state.to_project(project_file), project_file)
    assert json.loads(project_file.read_text("utf-8"))["sources"][0]["path"] == url
    loaded = load_project(project_file)
    assert resolved_path(loaded.sources[0].path, project_file) == url
    assert sources_outside(loaded, project_file) == []  # an address is not a file outside the folder
    asked: list[list[str]] = []

    def fake_load(paths: list[str], **_kwargs: object) -> LoadResult:
        asked.append(list(paths))
        return LoadResult(Corpus([page]), ())

    monkeypatch.setattr(ingest, "load_sources", fake_load)
    opened = open_project(loaded, project_file)
    assert asked == [[url]] and opened.corpus.sources[0].path == url and not opened.changes
