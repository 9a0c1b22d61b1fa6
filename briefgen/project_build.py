"""Opening a project's sources again, and turning a project into the inputs of a build.

Both the desktop app and ``briefgen build --project`` go through :func:`open_project`, so the same project
gives the same brief in both. A source whose bytes changed since the project was saved gets a new id; the
project's ids (ticked sections, pins, excludes, metadata edits) are mapped onto it, and anything no longer
there is dropped with a warning.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from briefgen.corpus import Corpus
from briefgen.errors import InputError
from briefgen.ids import source_of, with_source
from briefgen.progress import CancelToken, ProgressCallback
from briefgen.project import Project, ProjectSource, is_url_source, load_project, resolved_path
from briefgen.project_pipeline import BriefChoices
from briefgen.project_state import WorkspaceState

if TYPE_CHECKING:
    from briefgen.build import BuildResult
    from briefgen.compose import BriefDetails
    from briefgen.summarize.api import Budget


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


@dataclass(frozen=True, slots=True)
class BuildInputs:
    """What ``briefgen build`` needs: the brief's choices (give them to
    :func:`briefgen.project_pipeline.export_brief`), the project's output format, and warnings to show."""

    choices: BriefChoices
    output_format: str
    warnings: tuple[str, ...] = ()


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


def build_inputs_from_project(
    project_path: str | os.PathLike[str],
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    allow_outside: bool = False,
) -> BuildInputs:
    """Load a ``.briefgen`` file and its sources into build inputs (what the app would export).

    Raises :class:`InputError` (exit 2) for a damaged or foreign project file, a missing source, a project
    with nothing ticked, or, unless *allow_outside*, sources outside the project's folder (listed, none read).
    A source that changed since saving is used as it is now, with a warning.
    """
    shown = os.fspath(project_path)
    project = load_project(project_path)
    if not project.sources:
        raise InputError("the project has no sources", shown)
    outside = sources_outside(project, project_path)
    if outside and not allow_outside:
        raise InputError(outside_refusal(outside), shown)
    opened = open_project(project, project_path, progress=progress, cancel=cancel)
    missing = [c for c in opened.changes if c.kind is ChangeKind.MISSING]
    if missing:
        first = missing[0]
        raise InputError(f"source {first.path} of the project: {first.reason}", shown)
    state = state_from_opened(opened)
    if not state.has_selection():
        raise InputError("no section of the project is ticked", shown)
    return BuildInputs(
        choices=state.choices(),
        output_format=state.output_format,
        warnings=(*outside_warnings(project, project_path), *opened.warnings()),
    )


def sources_outside(project: Project, project_path: str | os.PathLike[str]) -> list[str]:
    """Source files of *project* that lie outside the project file's folder (after resolving links); web
    addresses are not files and are not listed."""
    folder = Path(os.path.realpath(Path(project_path).parent))
    outside: list[str] = []
    for source in project.sources:
        if is_url_source(source.path):
            continue
        target = Path(os.path.realpath(resolved_path(source.path, project_path)))
        if not target.is_relative_to(folder):
            outside.append(str(target))
    return outside


MAX_LISTED = 8
"""How many outside files a message lists by name."""


def outside_refusal(outside: list[str]) -> str:
    """The one-line reason ``build --project`` gives for a project reading files outside its folder."""
    listed = ", ".join(outside[:MAX_LISTED]) + (
        f" and {len(outside) - MAX_LISTED} more" if len(outside) > MAX_LISTED else ""
    )
    return (
        f"the project reads {len(outside)} file(s) outside its folder: {listed}. Nothing was read; if you trust "
        "the project, build again with --allow-outside"
    )


def outside_warnings(project: Project, project_path: str | os.PathLike[str]) -> tuple[str, ...]:
    """What the user is told before a project makes briefgen read files outside the project's folder."""
    return tuple(
        f"the project reads {path}, outside the project's folder" for path in sources_outside(project, project_path)
    )


def build_project(
    project_path: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    details: BriefDetails | None = None,
    budget: Budget | None = None,
    algorithm: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    report_file: str | os.PathLike[str] | None = None,
    replace_protected: bool = False,
    allow_outside: bool = False,
) -> tuple[BuildResult, tuple[str, ...]]:
    """``briefgen build --project FILE.briefgen -o OUT``: the brief the app would export, and warnings.

    *output* without an extension gets the project's output format; *budget* and *algorithm*, when given,
    replace the project's length and method. The brief and *report_file* may replace neither the project file
    nor a source; sources outside the project's folder are read only with *allow_outside*.
    """
    from briefgen.build_output import check_outputs
    from briefgen.project_pipeline import build_from_choices
    from briefgen.templates.store import looks_like_file

    shown = os.fspath(project_path)
    project = load_project(project_path)
    target = os.fspath(output)
    if not PurePath(target).suffix:
        target = f"{target}.{project.output_format}"
    kept = [("the project", shown)]
    if looks_like_file(project.template):
        kept.append(("the template", resolved_path(project.template, project_path)))
    report_path = os.fspath(report_file) if report_file is not None else None
    outputs = [("the brief", target), *([("the report", report_path)] if report_path else [])]
    check_outputs(outputs, kept, replace_protected=replace_protected)  # before any source is read
    inputs = build_inputs_from_project(project_path, progress=progress, cancel=cancel, allow_outside=allow_outside)
    choices = inputs.choices
    if budget is not None:
        choices = replace(choices, budget=budget)
    if algorithm is not None:
        choices = replace(choices, algorithm=algorithm)
    result = build_from_choices(
        choices,
        target,
        details=details,
        cancel=cancel,
        report_file=report_path,
        inputs_kept=kept,
        replace_protected=replace_protected,
    )
    return result, inputs.warnings
