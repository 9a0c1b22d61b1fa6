"""Autosave and crash recovery.

While the workspace has unsaved changes, a copy is written every ``autosave_seconds`` to
``<data dir>/autosave/recovery.briefgen`` (with ``recovery.json`` naming the project it belongs to). Saving the
project or closing the app normally removes the copy, so a copy found at start-up means briefgen did not close
properly: the app offers to recover it.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from briefgen.fileio import atomic_write_text
from briefgen.gui.settings import data_dir
from briefgen.gui.workspace import Workspace
from briefgen.logs import get_logger
from briefgen.project import dumps_project


def autosave_dir() -> Path:
    return data_dir() / "autosave"


@dataclass(frozen=True, slots=True)
class Recovery:
    path: Path
    """The recovery copy (a ``.briefgen`` file)."""
    project_path: str | None
    """The project it was a copy of (``None`` for an unsaved workspace)."""


def pending_recovery() -> Recovery | None:
    folder = autosave_dir()
    copy = folder / "recovery.briefgen"
    if not copy.is_file():
        return None
    project_path = None
    with contextlib.suppress(OSError, ValueError):
        meta = json.loads((folder / "recovery.json").read_text(encoding="utf-8"))
        if isinstance(meta, dict) and isinstance(meta.get("project_path"), str):
            project_path = meta["project_path"]
    return Recovery(copy, project_path)


def discard_recovery() -> None:
    folder = autosave_dir()
    for name in ("recovery.briefgen", "recovery.json"):
        with contextlib.suppress(OSError):
            (folder / name).unlink()


class Autosave(QObject):
    def __init__(self, workspace: Workspace, seconds: int) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.timer = QTimer(self)
        self.timer.setInterval(max(5, seconds) * 1000)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    def save_now(self) -> Path | None:
        """Write the recovery copy if there is anything unsaved; returns its path when written."""
        if not self.workspace.is_dirty() or not self.workspace.state.corpus.sources:
            return None
        folder = autosave_dir()
        copy = folder / "recovery.briefgen"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write_text(copy, dumps_project(self.workspace.state.to_project(copy)))
            meta = {"project_path": self.workspace.path}
            atomic_write_text(folder / "recovery.json", json.dumps(meta) + "\n")
        except OSError as exc:
            get_logger().warning("autosave failed: %s", exc)
            return None
        return copy

    def stop(self) -> None:
        self.timer.stop()
