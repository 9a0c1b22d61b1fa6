"""The main window's actions, menus and toolbar, and the busy state they follow: while work runs the status bar
shows its progress and Cancel (Esc) is enabled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from briefgen.gui.about import show_about
from briefgen.gui.project_io import ProjectIO
from briefgen.gui.recent_files import RecentFiles
from briefgen.gui.shortcuts import SHORTCUT_NAME, ShortcutGuard, redo_keys
from briefgen.gui.window_commands import CommandsWindow


class ActionsWindow(CommandsWindow):
    """Actions, menus, toolbar and the busy state (the main window creates ``project_io`` before building them)."""

    project_io: ProjectIO

    def _action(self, text: str, slot: object, shortcut: QKeySequence | str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        ks = QKeySequence.StandardKey
        io = self.project_io
        self.new_action = self._action(
            self.tr("&New project"), io.new, QKeySequence(ks.New), self.tr("Start an empty project")
        )
        self.open_action = self._action(self.tr("&Open project…"), io.choose_and_open, QKeySequence(ks.Open))
        self.save_action = self._action(self.tr("&Save project"), io.save, QKeySequence(ks.Save))
        self.save_as_action = self._action(self.tr("Save project &as…"), io.save_as, QKeySequence(ks.SaveAs))
        self.add_action = self._action(
            self.tr("A&dd sources…"),
            self.sources_panel.choose_files,
            "Ctrl+Shift+A",
            self.tr("Add articles to summarise"),
        )
        self.add_folder_action = self._action(
            self.tr("Add &folder…"), self.sources_panel.choose_folder, None, self.tr("Add a folder of articles")
        )
        self.add_url_action = self._action(
            self.tr("Add from &web address…"),
            self.ask_url,
            "Ctrl+Shift+U",
            self.tr("Read a web page, or a PDF or Word file online"),
        )
        self.export_action = self._action(
            self.tr("&Export brief…"), self.show_export, "Ctrl+E", self.tr("Export to PDF, Word or Markdown")
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        self.undo_action = self.workspace.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(ks.Undo)
        self.undo_action.setProperty(SHORTCUT_NAME, self.tr("Undo"))
        self.redo_action = self.workspace.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(redo_keys())
        self.redo_action.setProperty(SHORTCUT_NAME, self.tr("Redo"))
        self.find_action = self._action(self.tr("&Find…"), self._find, QKeySequence(ks.Find))
        self.find_next_action = self._action(
            self.tr("Find &next"), lambda: self.find_bar.find_next(), QKeySequence(ks.FindNext)
        )
        self.templates_action = self._action(
            self.tr("&Templates…"), self.show_template_editor, None, self.tr("Edit brief templates")
        )
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts…"),
            self.show_shortcuts,
            QKeySequence(ks.HelpContents),
            self.tr("Every keyboard shortcut"),
        )
        self.about_action = self._action(self.tr("&About briefgen"), lambda: show_about(self))
        self.cancel_action = self._action(
            self.tr("Cancel"), self.cancel_work, "Esc", self.tr("Stop the work in progress")
        )
        self.cancel_action.setEnabled(False)
        self.addAction(self.cancel_action)  # Esc in the window; enabled only while work runs
        self.preferences_action = self._action(
            self.tr("Pr&eferences…"),
            self.show_preferences,
            "Ctrl+,",
            self.tr("Defaults for new projects, autosave, web sources"),
        )
        self.guide_action = self._action(
            self.tr("&User guide"), self.show_guide, None, self.tr("How to make a brief, step by step")
        )
        self.diagnostics_action = self._action(
            self.tr("&Copy diagnostic information"),
            self.copy_diagnostics,
            None,
            self.tr("Versions, platform and the log file's place, for a bug report"),
        )
        self.log_folder_action = self._action(
            self.tr("Open &log folder"), self.open_log_folder, None, self.tr("Where briefgen logs")
        )
        # these work wherever the focus is, a text field or a spin box included (see ShortcutGuard)
        self.global_actions = [
            self.new_action,
            self.open_action,
            self.save_action,
            self.save_as_action,
            self.add_action,
            self.add_url_action,
            self.export_action,
            self.quit_action,
            self.find_action,
            self.find_next_action,
            self.shortcuts_action,
        ]
        for action in self.global_actions:
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.shortcut_guard = ShortcutGuard(self.global_actions, self, [self.undo_action, self.redo_action])
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.shortcut_guard.attach(app)

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent = RecentFiles(self.settings, self.recent_menu)
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addActions([self.add_action, self.add_folder_action, self.add_url_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.find_next_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        brief_menu = bar.addMenu(self.tr("&Brief"))
        brief_menu.addActions([self.export_action, self.templates_action])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.guide_action, self.shortcuts_action])
        help_menu.addSeparator()
        help_menu.addActions([self.diagnostics_action, self.log_folder_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.open_action, self.save_action, self.add_action])
        toolbar.addSeparator()
        stack = self.workspace.undo_stack
        undo_button = self._action(self.tr("Undo"), stack.undo, None, self.tr("Undo the last change"))
        redo_button = self._action(self.tr("Redo"), stack.redo, None, self.tr("Redo"))
        undo_button.setEnabled(False)
        redo_button.setEnabled(False)
        stack.canUndoChanged.connect(undo_button.setEnabled)
        stack.canRedoChanged.connect(redo_button.setEnabled)
        toolbar.addActions([undo_button, redo_button])
        toolbar.addSeparator()
        toolbar.addActions([self.templates_action, self.export_action])

    # ---- busy state ----------------------------------------------------------------------------------------
    def _set_busy(self, message: str) -> None:
        self.status_label.setText(message)
        self.busy.start()
        self.cancel_action.setEnabled(True)

    def _set_idle(self) -> None:
        self.busy.stop()
        self.cancel_action.setEnabled(False)
        self.status_label.setText("")

    def _show_progress(self, done: int, total: int, message: str) -> None:
        self.status_label.setText(message)
        self.busy.progress(done, total)

    def cancel_work(self) -> None:
        """Cancel: stop reading sources, opening a project and updating the brief (each stops within moments;
        what was there before stays)."""
        self.runner.cancel_all()
        self.preview.cancel()
        self._set_idle()
        self.status_label.setText(self.tr("Cancelled."))
