"""New, open, save and recover projects, with the prompts that go with them (unsaved changes, moved or changed
source files, sources outside the project's folder). Sources are read in a worker; the window stays responsive
while a project opens. Also the start-up clean-up of temporary files left in the app's folders.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefgen.errors import InputError
from briefgen.gui.autosave import Recovery, discard_recovery
from briefgen.gui.errors_dialog import show_error
from briefgen.gui.mnemonics import label_buttons
from briefgen.gui.settings import Settings
from briefgen.gui.workers import JobRunner
from briefgen.gui.workspace import Workspace
from briefgen.project.format import PROJECT_SUFFIX, Project, load_project, save_project
from briefgen.project.outside import sources_outside
from briefgen.project.remap import ChangeKind, OpenedProject, SourceChange, open_project, state_from_opened

PROJECT_FILTER = str(QT_TRANSLATE_NOOP("ProjectIO", "briefgen projects (*{suffix});;All files (*)"))
"""The project file dialogs' filter (translated, and given the project suffix, where used)."""

LOCATE, REMOVE, CANCEL = "locate", "remove", "cancel"
MAX_LISTED_OUTSIDE = 20
"""Outside files named in the question itself (all of them are in its details)."""
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
        self.proposed_name: Callable[[], str] = lambda: "brief"
        """The file name (no suffix) a first save proposes: the window sets it to the brief's title."""

    # ---- prompts (tests replace these) ---------------------------------------------------------------------
    def ask_unsaved(self) -> str:
        name = Path(self.workspace.path).name if self.workspace.path else self.tr("This workspace")
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("{name} has changes that are not saved. Save them first?").format(name=name),
            buttons.Save | buttons.Discard | buttons.Cancel,
            self.window,
        )
        box.setDefaultButton(buttons.Save)
        label_buttons(box)
        answer = box.exec()
        return {buttons.Save: SAVE, buttons.Discard: DISCARD}.get(buttons(answer), CANCEL)

    def ask_missing(self, change: SourceChange) -> str:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Source not found"), "", QMessageBox.StandardButton.NoButton, self.window
        )
        box.setText(self.tr("A source of this project cannot be opened:\n{path}").format(path=change.path))
        box.setInformativeText(self.tr("{reason}. It may have been moved or renamed.").format(reason=change.reason))
        locate = box.addButton(self.tr("&Locate…"), QMessageBox.ButtonRole.AcceptRole)
        remove = box.addButton(self.tr("&Remove from project"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        label_buttons(box)
        box.exec()
        clicked = box.clickedButton()
        return LOCATE if clicked is locate else REMOVE if clicked is remove else CANCEL

    def ask_outside(self, files: list[str]) -> bool:
        """Whether to read a project's sources that lie outside its folder (a project from someone else could
        name any file the user can read): the user sees the list and decides; Cancel is the default."""
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Sources outside the project's folder"),
            self.tr(
                "This project reads {n} file(s) outside its folder. Open it only if you trust it and expect these "
                "files in the brief.",
                "",
                len(files),
            ).format(n=len(files)),
            buttons.Open | buttons.Cancel,
            self.window,
        )
        box.setInformativeText("\n".join(f"• {f}" for f in files[:MAX_LISTED_OUTSIDE]))
        if len(files) > MAX_LISTED_OUTSIDE:
            box.setDetailedText("\n".join(files))
        box.setDefaultButton(buttons.Cancel)
        label_buttons(box)
        return bool(box.exec() == buttons.Open)

    def _known(self, path: str) -> bool:
        """Whether *path* is one of the user's own recent projects (saved here, or opened after answering the
        question): only a project new to this app is asked about."""
        settings = getattr(self.window, "settings", None)
        if not isinstance(settings, Settings):
            return False
        recent = settings.get("recent_files")
        own = [*(recent if isinstance(recent, list) else []), settings.get("last_project")]
        return os.path.abspath(path) in {os.path.abspath(p) for p in own if isinstance(p, str) and p}

    def ask_location(self, change: SourceChange) -> str | None:
        start = str(Path(change.path).parent) if Path(change.path).parent.is_dir() else os.path.expanduser("~")
        title = self.tr("Locate {name}").format(name=Path(change.path).name)
        path, _ = QFileDialog.getOpenFileName(self.window, title, start)
        return path or None

    def tell_changed(self, changes: list[SourceChange]) -> None:
        names = "\n".join(f"• {c.path}" for c in changes)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Sources changed"),
            self.tr(
                "These sources changed since the project was saved. Their current text is used; ticks, pins and "
                "citation edits were kept where they still match.\n\n{names}"
            ).format(names=names),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        label_buttons(box)
        box.exec()

    def ask_save_path(self) -> str | None:
        start = self.workspace.path or str(Path.home() / f"{self.proposed_name()}{PROJECT_SUFFIX}")
        file_filter = self.tr(PROJECT_FILTER).format(suffix=PROJECT_SUFFIX)
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save project"), start, file_filter)
        if path and not path.endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        return path or None

    def ask_open_path(self) -> str | None:
        start = str(Path(self.workspace.path).parent) if self.workspace.path else str(Path.home())
        file_filter = self.tr(PROJECT_FILTER).format(suffix=PROJECT_SUFFIX)
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open project"), start, file_filter)
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
            self.workspace.reset(self.workspace.new_state(), None)
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
            show_error(self.window, self.tr("The project could not be opened"), exc)
            return
        outside = sources_outside(project, path)
        if outside and not self._known(path) and not self.ask_outside(outside):
            return
        self._open_sources(project, path, path, {}, on_done, dirty=False)

    def recover(self, recovery: Recovery) -> None:
        try:
            project = load_project(recovery.path)
        except InputError as exc:
            discard_recovery()
            show_error(self.window, self.tr("The recovered work could not be read"), exc)
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
        self.busy.emit(self.tr("Opening {name}…").format(name=Path(shown_path or file_path).name))
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
        show_error(self.window, self.tr("The project could not be opened"), exc)

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
            show_error(self.window, self.tr("The project could not be saved"), exc)
            return False
        self.workspace.mark_saved(path)
        discard_recovery()
        self.saved.emit(path)
        return True


def remove_stale_temporaries(settings: Settings) -> int:
    """At start: remove temporary files that killed writes left in the app's own folders (autosave, user
    templates, settings, the recent projects' folders); see :mod:`briefgen.part_files`."""
    from briefgen.gui.autosave import autosave_dir
    from briefgen.part_files import remove_stale_parts
    from briefgen.templates.store import user_templates_dir
    from briefgen.user_dirs import config_dir

    recent = settings.get("recent_files")
    projects = [Path(p).parent for p in recent if isinstance(p, str)] if isinstance(recent, list) else []
    return remove_stale_parts([autosave_dir(), user_templates_dir(), config_dir(), *projects])
