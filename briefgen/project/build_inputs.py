"""``briefgen build --project FILE.briefgen``: a project file and its sources turned into the brief the desktop app
would export (:func:`build_project`), through the same :func:`~briefgen.project.remap.open_project` and
:func:`~briefgen.build_choices.build_from_choices` as the app.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import TYPE_CHECKING

from briefgen.build_choices import BriefChoices, build_from_choices
from briefgen.errors import InputError
from briefgen.progress import CancelToken, ProgressCallback
from briefgen.project.format import Project, load_project, resolved_path
from briefgen.project.outside import outside_refusal, outside_warnings, sources_outside
from briefgen.project.remap import ChangeKind, open_project, state_from_opened
from briefgen.templates.schema import OutputFormat

if TYPE_CHECKING:
    from briefgen.build import BuildResult
    from briefgen.compose import BriefDetails
    from briefgen.summarize.api import Budget


@dataclass(frozen=True, slots=True)
class BuildInputs:
    """What ``briefgen build`` needs: the brief's choices (give them to
    :func:`briefgen.build_choices.build_from_choices`), the project's output format, and warnings to show."""

    choices: BriefChoices
    output_format: OutputFormat
    warnings: tuple[str, ...] = ()


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
    return inputs_from_project(
        load_project(project_path), project_path, progress=progress, cancel=cancel, allow_outside=allow_outside
    )


def inputs_from_project(
    project: Project,
    project_path: str | os.PathLike[str],
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    allow_outside: bool = False,
) -> BuildInputs:
    """:func:`build_inputs_from_project` for a project already read from *project_path*."""
    shown = os.fspath(project_path)
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
    from briefgen.templates.store import looks_like_file

    shown = os.fspath(project_path)
    project = load_project(project_path)
    target = os.fspath(output)
    if not PurePath(target).suffix:
        target = f"{target}.{project.output_format}"
    kept = [("the project", shown)]
    template = project.template
    if looks_like_file(template):  # a template file: found from the project's folder, like its sources
        template = resolved_path(template, project_path)
        kept.append(("the template", template))
    report_path = os.fspath(report_file) if report_file is not None else None
    outputs = [("the brief", target), *([("the report", report_path)] if report_path else [])]
    check_outputs(outputs, kept, replace_protected=replace_protected)  # before any source is read
    inputs = inputs_from_project(project, project_path, progress=progress, cancel=cancel, allow_outside=allow_outside)
    choices = replace(inputs.choices, template=template)
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
