"""What the main window's menu commands open: export, templates, preferences, the user guide and the shortcut
list, diagnostics and the log folder, Add from web address; and the Length, Method and Template controls'
choices (a template brings its own length)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from briefgen.gui.autosave import Autosave
from briefgen.gui.engine_choices import algorithm_choices, template_choices, template_length
from briefgen.gui.errors_dialog import show_error
from briefgen.gui.length_controls import budget_text
from briefgen.gui.preview_controller import PreviewController
from briefgen.gui.url_import import UrlDialog, apply_url_preferences
from briefgen.gui.window_panes import PanedWindow
from briefgen.gui.workers import JobRunner

if TYPE_CHECKING:
    from briefgen.gui.export_dialog import ExportDialog

TEMPLATE_LENGTH_MESSAGE_MS = 8_000
"""How long the status bar says that a chosen template replaced the length."""
OPEN_FAILED_MESSAGE_MS = 20_000
"""How long the status bar says that no program opened an exported brief (time to note where it was saved)."""


class CommandsWindow(PanedWindow):
    """The commands' dialogs and the steering controls (the main window creates the objects declared here)."""

    runner: JobRunner
    preview: PreviewController
    autosave: Autosave
    add_url_action: QAction
    last_url: str
    """The web address asked for last (Add from web address offers it again)."""
    url_dialog: QWidget | None
    export_dialog: QWidget | None
    template_editor: QWidget | None
    shortcuts_dialog: QWidget | None
    preferences_dialog: QWidget | None
    guide: QWidget | None

    # ---- steering ------------------------------------------------------------------------------------------
    def choose_template(self, name: str) -> None:
        """Use the template *name*, with its own default length (so a one-page template gives one page)."""
        if not name or name == self.workspace.state.template:
            return
        try:
            budget = template_length(name)
        except Exception as exc:  # a broken or vanished user template: say so, keep the current one
            show_error(self, self.tr("The template could not be read"), exc)
            self._sync_controls()
            return
        before = self.workspace.state.budget
        self.workspace.set_template(name, budget)
        if budget is not None and budget != before:  # say so: the length the user set was replaced
            self.statusBar().showMessage(  # for a while, over the preview's own status line
                self.tr("Length set to the template's own: {length} (Ctrl+Z puts yours back)").format(
                    length=budget_text(budget)
                ),
                TEMPLATE_LENGTH_MESSAGE_MS,
            )

    def refresh_choices(self) -> None:
        state = self.workspace.state
        self.length.set_algorithms(algorithm_choices(), state.algorithm)
        try:
            templates = template_choices()
        except Exception as exc:  # a broken user template folder must not stop the app
            show_error(self, self.tr("Templates could not be listed"), exc)
            templates = []
        self.length.set_templates(templates, state.template)

    def _sync_controls(self) -> None:
        state = self.workspace.state
        self.length.set_budget(state.budget)
        self.refresh_choices()

    # ---- dialogs -------------------------------------------------------------------------------------------
    def ask_url(self) -> None:
        """Add from web address: the dialog, then the engine's protected fetch in a worker."""
        if not self.settings.get("allow_url_import"):
            show_error(
                self, self.tr("Web sources are turned off"), ValueError(self.tr("Turn them on in Edit › Preferences."))
            )
            return
        dialog = UrlDialog(self, self.last_url)
        self.url_dialog = dialog

        def fetch() -> None:
            address = dialog.address()
            if address:
                self.last_url = address
                self.sources_panel.addRequested.emit([address])  # read in a worker, as added files are

        dialog.accepted.connect(fetch)
        dialog.open()

    def show_export(self) -> None:
        from briefgen.gui.export_dialog import ExportDialog

        state = self.workspace.state
        if not state.corpus.sources or not state.has_selection():
            show_error(
                self,
                self.tr("Nothing to export"),
                ValueError(self.tr("Add a source and tick at least one section first.")),
            )
            return
        dialog = ExportDialog(
            state.choices(),
            self.runner,
            self.settings,
            suggested_name=self._export_name(),
            output_format=state.output_format,
            last_path=self.workspace.last_export,
            parent=self,
        )
        dialog.exported.connect(lambda path: self._exported(dialog, path))
        dialog.openFailed.connect(lambda message: self.statusBar().showMessage(message, OPEN_FAILED_MESSAGE_MS))
        self.export_dialog = dialog
        dialog.open()

    def _export_name(self) -> str:
        """A file name for the brief: its title (as the preview shows it), else the project's name."""
        from briefgen.gui.export_dialog import safe_file_stem

        typed = self.workspace.state.title.strip()
        if typed:
            return safe_file_stem(typed)
        result = self.preview.result
        if result is not None and result.brief.title.strip():
            return safe_file_stem(result.brief.title)
        return safe_file_stem(Path(self.workspace.path).stem) if self.workspace.path else "brief"

    def _exported(self, dialog: ExportDialog, path: str) -> None:
        from briefgen.novelty import brief_hashes

        self.workspace.last_export = path
        self.statusBar().showMessage(self.tr("Exported to {path}").format(path=path), TEMPLATE_LENGTH_MESSAGE_MS)
        self.workspace.set_output_format(dialog.output_format())
        if dialog.build_result is not None:
            self.workspace.set_exported(brief_hashes(dialog.build_result.brief))

    def show_template_editor(self) -> None:
        from briefgen.gui.template_editor import TemplateEditor

        editor = TemplateEditor(self.workspace.state.template, self.runner, self)
        editor.templatesChanged.connect(self.refresh_choices)
        editor.templateChosen.connect(self.choose_template)
        self.template_editor = editor
        editor.open()

    def show_preferences(self) -> None:
        from briefgen.gui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        dialog.applied.connect(self._preferences_applied)
        self.preferences_dialog = dialog
        dialog.open()

    def _preferences_applied(self) -> None:
        self.autosave.set_interval(int(self.settings.get("autosave_seconds")))
        apply_url_preferences(self.settings)
        self.add_url_action.setEnabled(bool(self.settings.get("allow_url_import")))

    def show_guide(self) -> None:
        from briefgen.gui.help import UserGuide

        if self.guide is None:
            self.guide = UserGuide(self)
        self.guide.show()
        self.guide.raise_()

    def copy_diagnostics(self) -> None:
        from briefgen.gui.help import copy_diagnostics

        copy_diagnostics()
        self.status_label.setText(self.tr("Diagnostic information copied: paste it into your bug report."))

    def open_log_folder(self) -> None:
        from briefgen.gui.help import open_log_folder
        from briefgen.user_dirs import log_dir

        if not open_log_folder():
            self.status_label.setText(self.tr("The log folder is {folder}").format(folder=log_dir()))

    def _remember_project(self, path: str) -> None:
        """The project to reopen at the next start (when the preference says so)."""
        self.settings.set("last_project", path)
        self.settings.save()

    def show_shortcuts(self) -> None:
        from briefgen.gui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        self.shortcuts_dialog = dialog
        dialog.open()

    def _find(self) -> None:
        focus = self.focusWidget()
        self.find_bar.start(self.preview_pane if focus is self.preview_pane else self.reading)
