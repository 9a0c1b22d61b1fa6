"""The sources a project reads from outside its own folder: listed, and refused by ``briefgen build --project``
unless allowed (a project received from someone else should not make briefgen read the user's other files
unasked); the app asks first.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefgen.project.format import Project, is_url_source, resolved_path


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
