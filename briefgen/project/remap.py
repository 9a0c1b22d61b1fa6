"""Opening a project's sources again: moved files relocated, changed files' ids mapped.

Both the desktop app and ``briefgen build --project`` go through :func:`open_project`, so the same project
gives the same brief in both. Each stored source is read from where the project says it is (relative to the
project file's folder), or from the new place the user gave for a moved file (*overrides*). A source whose bytes
changed since the project was saved gets a new id; the project's ids (ticked sections, pins, excludes, metadata
edits) are mapped onto it (:func:`remap_project`), and anything no longer there is dropped with a warning.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from enum import StrEnum

from briefgen.corpus import Corpus
from briefgen.errors import InputError
from briefgen.ids import source_of, with_source
from briefgen.progress import CancelToken, ProgressCallback
from briefgen.project.format import Project, ProjectSource, resolved_path
from briefgen.project.workspace import WorkspaceState


class ChangeKind(StrEnum):
    MISSING = "missing"
    """The file is gone (moved, renamed or deleted) or cannot be read."""
    CHANGED = "changed"
    """The file is there but its bytes differ from when the project was saved."""


@dataclass(frozen=True, slots=True)
class SourceChange:
    kind: ChangeKind
    stored: ProjectSource
    path: str
    """Where the project says the file is (resolved against the project's folder)."""
    reason: str
    new_id: str | None = None


@dataclass(frozen=True, slots=True)
class OpenedProject:
    project: Project
    """With ids mapped onto :attr:`corpus`."""
    corpus: Corpus
    changes: tuple[SourceChange, ...]
    errors: tuple[InputError, ...]

    def warnings(self) -> tuple[str, ...]:
        return tuple(f"{c.path}: {c.reason}" for c in self.changes)


def remap_project(project: Project, id_map: dict[str, str], corpus: Corpus) -> Project:
    """*project* with source ids renamed by *id_map* and ids unknown to *corpus* dropped."""

    def mapped(any_id: str) -> str:
        new = id_map.get(source_of(any_id))
        return with_source(any_id, new) if new else any_id

    selection = None
    if project.selection is not None:
        selection = tuple(i for i in map(mapped, project.selection) if corpus.has(i))
    return replace(
        project,
        selection=selection,
        pins=frozenset(i for i in map(mapped, project.pins) if corpus.has(i)),
        excludes=frozenset(i for i in map(mapped, project.excludes) if corpus.has(i)),
        metadata={mapped(k): v for k, v in project.metadata.items() if corpus.has(mapped(k))},
    )


def open_project(
    project: Project,
    project_path: str | os.PathLike[str],
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    overrides: dict[str, str] | None = None,
) -> OpenedProject:
    """Read *project*'s sources again. *overrides* maps a stored path to a new location (a moved file)."""
    from briefgen.ingest import load_sources

    overrides = overrides or {}
    paths = [overrides.get(s.path) or resolved_path(s.path, project_path) for s in project.sources]
    result = load_sources(paths, progress=progress, cancel=cancel)
    by_path = {src.path: src for src in result.corpus.sources}
    failed = {e.path: e.reason for e in result.errors if e.path}
    id_map: dict[str, str] = {}
    changes: list[SourceChange] = []
    for stored, path in zip(project.sources, paths, strict=True):
        src = by_path.get(path)
        if src is None:
            reason = failed.get(path, "could not be read")
            changes.append(SourceChange(ChangeKind.MISSING, stored, path, reason))
            continue
        if src.id != stored.id:
            id_map[stored.id] = src.id
        if src.digest != stored.sha256:
            changes.append(
                SourceChange(ChangeKind.CHANGED, stored, path, "changed since the project was saved", src.id)
            )
    mapped = remap_project(project, id_map, result.corpus)
    return OpenedProject(mapped, result.corpus, tuple(changes), result.errors)


def state_from_opened(opened: OpenedProject) -> WorkspaceState:
    state = WorkspaceState()
    state.apply_project(opened.project, opened.corpus)
    return state
