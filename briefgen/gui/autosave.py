"""Autosave and crash recovery.

While the workspace has unsaved changes, a copy is written every ``autosave_seconds`` to
``<data dir>/autosave/recovery-<time>.briefgen`` (with a ``.json`` beside it naming the project it belongs to).
The last :data:`SLOTS` copies are kept, so a bad copy never replaces the only good one. Saving the project or
closing the app normally removes them, so a copy found at start-up means briefgen did not close properly: the
app offers to recover the newest copy that can be read.
"""

from __future__ import annotations

import contextlib
import json
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from briefgen.fileio import atomic_write_text
from briefgen.gui.workspace import Workspace
from briefgen.logs import get_logger
from briefgen.project.format import dumps_project
from briefgen.user_dirs import data_dir


def autosave_dir() -> Path:
    return data_dir() / "autosave"


@dataclass(frozen=True, slots=True)
class Recovery:
    path: Path
    """The recovery copy (a ``.briefgen`` file)."""
    project_path: str | None
    """The project it was a copy of (``None`` for an unsaved workspace)."""


SLOTS = 3
"""How many autosaved copies are kept."""


def _copies() -> list[Path]:
    """The autosaved copies, newest first."""
    folder = autosave_dir()
    try:
        found = [p for p in folder.glob("recovery*.briefgen") if p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def _project_path_of(copy: Path) -> str | None:
    with contextlib.suppress(OSError, ValueError):
        meta = json.loads(copy.with_suffix(".json").read_text(encoding="utf-8"))
        if isinstance(meta, dict) and isinstance(meta.get("project_path"), str):
            return str(meta["project_path"])
    return None


def pending_recovery() -> Recovery | None:
    """The newest autosaved copy that reads as a project (an unreadable one is skipped, not trusted)."""
    from briefgen.project.format import load_project

    for copy in _copies():
        try:
            load_project(copy)
        except Exception as exc:  # a copy cut short or damaged: try the one before it
            get_logger().warning("skipping unreadable autosave %s: %s", copy, exc)
            continue
        return Recovery(copy, _project_path_of(copy))
    return None


def discard_recovery() -> None:
    for copy in _copies():
        for path in (copy, copy.with_suffix(".json")):
            with contextlib.suppress(OSError):
                path.unlink()


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
        copy = folder / f"recovery-{time.time_ns()}.briefgen"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            meta = {"project_path": self.workspace.path}
            atomic_write_text(copy.with_suffix(".json"), json.dumps(meta) + "\n")
            atomic_write_text(copy, dumps_project(self.workspace.state.to_project(copy)))
        except OSError as exc:
            get_logger().warning("autosave failed: %s", exc)
            return None
        for old in _copies()[SLOTS:]:  # the oldest copies beyond the last three
            for path in (old, old.with_suffix(".json")):
                with contextlib.suppress(OSError):
                    path.unlink()
        return copy

    def set_interval(self, seconds: int) -> None:
        self.timer.setInterval(max(5, seconds) * 1000)

    def stop(self) -> None:
        self.timer.stop()
