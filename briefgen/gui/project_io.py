"""New, open, save and recover projects, with the prompts that go with them (unsaved changes, moved or changed
source files). Sources are read in a worker; the window stays responsive while a project opens.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefgen.errors import InputError
from briefgen.gui.autosave import Recovery, discard_recovery
from briefgen.gui.errors_dialog import show_error
from briefgen.gui.mnemonics import label_buttons
from briefgen.gui.workers import JobRunner
from briefgen.gui.workspace import Workspace
from briefgen.project import PROJECT_SUFFIX, Project, load_project, save_project
from briefgen.project_build import ChangeKind, OpenedProject, SourceChange, open_project, state_from_opened
from briefgen.project_state import WorkspaceState

PROJECT_FILTER = f"briefgen projects (*{PROJECT_SUFFIX});;All files (*)"

LOCATE, REMOVE, CANCEL = "locate", "remove", "cancel"
SAVE, DISCARD = "save", "discard"


class ProjectIO(QObject):
    opened = Signal(str)
    saved = Signal(str)
    openFailed = Signal(object)  # noqa: N815
    busy = Signal(str)
    idle = Signal()

    def __init__(self, window: QWidget, workspace: Workspace, runner: JobRunner) -> None:
        super().__init__(window)
        self.window = window
        self.workspace = workspace
        self.runner = runner

    # ---- prompts (tests replace these) ---------------------------------------------------------------------
    def ask_unsaved(self) -> str:
        name = Path(self.workspace.path).name if self.workspace.path else "This workspace"
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Unsaved changes",
            f"{name} has changes that are not saved. Save them first?",
            buttons.Save | buttons.Discard | buttons.Cancel,
            self.window,
        )
        box.setDefaultButton(buttons.Save)
        label_buttons(box)
        answer = box.exec()
        return {buttons.Save: SAVE, buttons.Discard: DISCARD}.get(buttons(answer), CANCEL)

    def ask_missing(self, change: SourceChange) -> str:
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Source not found", "", QMessageBox.StandardButton.NoButton, self.window
        )
        box.setText(f"A source of this project cannot be opened:\n{change.path}")
        box.setInformativeText(f"{change.reason}. It may have been moved or renamed.")
        locate = box.addButton("&Locate…", QMessageBox.ButtonRole.AcceptRole)
        remove = box.addButton("&Remove from project", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        label_buttons(box)
        box.exec()
        clicked = box.clickedButton()
        return LOCATE if clicked is locate else REMOVE if clicked is remove else CANCEL

    def ask_location(self, change: SourceChange) -> str | None:
        start = str(Path(change.path).parent) if Path(change.path).parent.is_dir() else os.path.expanduser("~")
        path, _ = QFileDialog.getOpenFileName(self.window, f"Locate {Path(change.path).name}", start)
        return path or None

    def tell_changed(self, changes: list[SourceChange]) -> None:
        names = "\n".join(f"• {c.path}" for c in changes)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Sources changed",
            "These sources changed since the project was saved. Their current text is used; ticks, pins and "
            f"citation edits were kept where they still match.\n\n{names}",
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        label_buttons(box)
        box.exec()

    def ask_save_path(self) -> str | None:
        start = self.workspace.path or str(Path.home() / f"brief{PROJECT_SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self.window, "Save project", start, PROJECT_FILTER)
        if path and not path.endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        return path or None

    def ask_open_path(self) -> str | None:
        start = str(Path(self.workspace.path).parent) if self.workspace.path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self.window, "Open project", start, PROJECT_FILTER)
        return path or None

    # ---- flows ---------------------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current workspace (saved, discarded, or nothing to lose)."""
        if not self.workspace.is_dirty():
            return True
        answer = self.ask_unsaved()
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    def new(self) -> None:
        if self.maybe_save():
            self.workspace.reset(WorkspaceState(), None)
            discard_recovery()

    def choose_and_open(self) -> None:
        if not self.maybe_save():
            return
        path = self.ask_open_path()
        if path:
            self.open(path, ask=False)

    def open(self, path: str, *, ask: bool = True, on_done: Callable[[], None] | None = None) -> None:
        if ask and not self.maybe_save():
            return
        try:
            project = load_project(path)
        except InputError as exc:
            self.openFailed.emit(exc)
            show_error(self.window, "The project could not be opened", exc)
            return
        self._open_sources(project, path, path, {}, on_done, dirty=False)

    def recover(self, recovery: Recovery) -> None:
        try:
            project = load_project(recovery.path)
        except InputError as exc:
            discard_recovery()
            show_error(self.window, "The recovered work could not be read", exc)
            return
        self._open_sources(project, str(recovery.path), recovery.project_path, {}, None, dirty=True)

    def _open_sources(
        self,
        project: Project,
        file_path: str,
        shown_path: str | None,
        overrides: dict[str, str],
        on_done: Callable[[], None] | None,
        *,
        dirty: bool,
    ) -> None:
        self.busy.emit(f"Opening {Path(shown_path or file_path).name}…")
        job = self.runner.start(
            lambda progress, cancel: open_project(
                project, file_path, progress=progress, cancel=cancel, overrides=overrides
            ),
            "open",
        )
        job.signals.finished.connect(
            lambda opened: self._sources_opened(opened, project, file_path, shown_path, overrides, on_done, dirty)
        )
        job.signals.failed.connect(lambda exc: self._open_failed(exc))
        job.signals.cancelled.connect(self.idle.emit)

    def _open_failed(self, exc: BaseException) -> None:
        self.idle.emit()
        self.openFailed.emit(exc)
        show_error(self.window, "The project could not be opened", exc)

    def _sources_opened(
        self,
        opened: OpenedProject,
        project: Project,
        file_path: str,
        shown_path: str | None,
        overrides: dict[str, str],
        on_done: Callable[[], None] | None,
        dirty: bool,
    ) -> None:
        self.idle.emit()
        removed = False
        for change in opened.changes:
            if change.kind is not ChangeKind.MISSING:
                continue
            answer = self.ask_missing(change)
            if answer == CANCEL:
                return
            if answer == LOCATE:
                new_path = self.ask_location(change)
                if new_path is None:
                    return
                overrides = {**overrides, change.stored.path: new_path}
                self._open_sources(project, file_path, shown_path, overrides, on_done, dirty=dirty)
                return
            removed = True
        changed = [c for c in opened.changes if c.kind is ChangeKind.CHANGED]
        moved = bool(overrides)
        self.workspace.reset(state_from_opened(opened), shown_path, dirty=dirty or removed or moved or bool(changed))
        if changed:
            self.tell_changed(changed)
        if shown_path:
            self.opened.emit(shown_path)
        if on_done is not None:
            on_done()

    def save(self) -> bool:
        path = self.workspace.path or self.ask_save_path()
        return self.save_to(path) if path else False

    def save_as(self) -> bool:
        path = self.ask_save_path()
        return self.save_to(path) if path else False

    def save_to(self, path: str) -> bool:
        try:
            save_project(self.workspace.state.to_project(path), path)
        except InputError as exc:
            show_error(self.window, "The project could not be saved", exc)
            return False
        self.workspace.mark_saved(path)
        discard_recovery()
        self.saved.emit(path)
        return True
