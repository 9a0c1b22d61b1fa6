"""The workspace state: saved as a project and taken back, metadata edits, moving and removing sources."""

from __future__ import annotations

from pathlib import Path

from briefgen.corpus import Corpus
from briefgen.model import Metadata
from briefgen.project.format import (
    load_project,
    save_project,
)
from briefgen.project.workspace import WorkspaceState, apply_metadata
from briefgen.summarize.api import Budget
from briefgen.templates.schema import OutputFormat


def test_round_trip_keeps_every_choice(tmp_path: Path, corpus: Corpus) -> None:
    state = WorkspaceState(corpus)
    a, b = corpus.sources
    state.deselected = frozenset({f"{a.id}.a1.s2"})
    state.pins = frozenset({f"{a.id}.a1.s1.t2"})
    state.excludes = frozenset({f"{b.id}.a1.s1.t1"})
    state.set_metadata(f"{b.id}.a1", Metadata(author="Jo Bloggs", date="2020-01-02"))
    state.budget = Budget(words=120)
    state.algorithm = "textrank"
    state.template = "memo"
    state.output_format = OutputFormat.DOCX
    path = tmp_path / "work.briefgen"
    project = state.to_project(path)
    save_project(project, path)
    loaded = load_project(path)
    assert loaded == project
    again = WorkspaceState()
    again.apply_project(loaded, corpus)
    assert again.deselected == state.deselected
    assert again.pins == state.pins and again.excludes == state.excludes
    assert again.metadata == state.metadata
    assert (again.budget, again.algorithm, again.template, again.output_format) == (
        Budget(words=120),
        "textrank",
        "memo",
        "docx",
    )


def test_all_ticked_is_stored_as_null(tmp_path: Path, corpus: Corpus) -> None:
    project = WorkspaceState(corpus).to_project(tmp_path / "p.briefgen")
    assert project.selection is None
    assert WorkspaceState(corpus).summary_request().selection == ()


def test_metadata_edits_fill_from_the_original(corpus: Corpus) -> None:
    b = corpus.sources[1]
    edited = apply_metadata(corpus, {f"{b.id}.a1": Metadata(author="Jo")})
    md = edited.article(f"{b.id}.a1").metadata
    assert (md.title, md.author, md.publisher) == ("Pets", "Jo", "Daily")
    assert corpus.article(f"{b.id}.a1").metadata.author is None


def test_state_move_and_remove_sources(corpus: Corpus) -> None:
    a, b = corpus.sources
    state = WorkspaceState(corpus)
    state.pins = frozenset({f"{a.id}.a1.s1.t1"})
    state.move_source(b.id, 0)
    assert [s.id for s in state.corpus.sources] == [b.id, a.id]
    state.remove_source(a.id)
    assert [s.id for s in state.corpus.sources] == [b.id]
    assert state.pins == frozenset()


def test_nothing_ticked_means_no_selection(corpus: Corpus) -> None:
    state = WorkspaceState(corpus)
    state.deselected = frozenset(sec.id for _, _, sec in corpus.sections())
    assert not state.has_selection()
