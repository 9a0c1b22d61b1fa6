"""The main window: assembles the panels, menus and actions, and wires them to the workspace. No engine logic
lives here: see workspace.py (state + undo), preview_controller.py (live brief), project_io.py (projects)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefgen.build import BuildResult
from briefgen.gui.about import show_about
from briefgen.gui.autosave import Autosave, discard_recovery
from briefgen.gui.busy_status import BusyStatus
from briefgen.gui.engine_choices import algorithm_choices, template_choices, template_length
from briefgen.gui.errors_dialog import show_error, show_errors
from briefgen.gui.find_bar import FindBar
from briefgen.gui.left_out import left_out_message
from briefgen.gui.length_controls import LengthControls, budget_text
from briefgen.gui.metadata_form import MetadataForm
from briefgen.gui.preferences import default_state
from briefgen.gui.preview_controller import PreviewController
from briefgen.gui.preview_pane import PreviewPane
from briefgen.gui.project_io import ProjectIO
from briefgen.gui.reading_pane import ReadingPane
from briefgen.gui.recent_files import RecentFiles
from briefgen.gui.screen_fit import fit_to_screen
from briefgen.gui.section_tree_model import ID_ROLE, KIND_ROLE, SectionTreeModel
from briefgen.gui.settings import Settings
from briefgen.gui.shortcuts import SHORTCUT_NAME, ShortcutGuard, redo_keys
from briefgen.gui.sources_panel import SourcesPanel
from briefgen.gui.translations import plural_form
from briefgen.gui.url_import import UrlDialog, apply_url_preferences, web_links
from briefgen.gui.workers import JobRunner
from briefgen.gui.workspace import Workspace
from briefgen.progress import CancelToken, ProgressCallback

if TYPE_CHECKING:
    from briefgen.gui.export_dialog import ExportDialog
    from briefgen.ingest import LoadResult


PANE_SIZES = (380, 420, 640)
"""Default widths of the left pane, the reading pane and the brief preview."""
PANE_MIN_WIDTHS = (220, 170, 300)
"""Narrowest each pane may get: at 800 px every one is still usable."""
PANE_STRETCH = (2, 3, 4)
"""How the window's width is shared when it is resized."""
DEFAULT_SIZE = (1320, 820)
TEMPLATE_LENGTH_MESSAGE_MS = 8_000
"""How long the status bar says that a chosen template replaced the length."""
QUIT_WAIT_MS = 1_500
"""How long quitting waits for cancelled background work before leaving it behind (the whole quit stays under
two seconds; nothing is lost: unsaved work was saved or discarded by the user before this)."""


def _titled(title: str, widget: QWidget, parent: QWidget) -> QWidget:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    label = QLabel(f"<b>{title}</b>", box)
    label.setBuddy(widget)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.workspace = Workspace(self)
        self.workspace.new_state = lambda: default_state(self.settings)
        self.workspace.state = self.workspace.new_state()
        self.runner = JobRunner(self)
        self.preview = PreviewController(self.workspace, self.runner)
        self.project_io = ProjectIO(self, self.workspace, self.runner)
        self.autosave = Autosave(self.workspace, int(self.settings.get("autosave_seconds")))
        self.last_load_errors: tuple[Exception, ...] = ()
        self.export_dialog: QWidget | None = None
        self.template_editor: QWidget | None = None
        self.shortcuts_dialog: QWidget | None = None
        self.preferences_dialog: QWidget | None = None
        self.guide: QWidget | None = None
        self.url_dialog: QWidget | None = None
        self.last_url = ""
        """The web address asked for last (Add from web address offers it again)."""
        apply_url_preferences(self.settings)
        self.setAcceptDrops(True)
        self._build_widgets()
        self._build_actions()
        self._connect()
        self._restore_layout()
        self._sync_controls()
        self._update_title()
        self._preferences_applied()

    # ---- construction --------------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        ws = self.workspace
        self.sources_panel = SourcesPanel(ws, self)
        self.tree_model = SectionTreeModel(ws)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Sources, articles and sections"))
        self.tree.setUniformRowHeights(True)
        self.metadata_form = MetadataForm(ws, self)
        self.reading = ReadingPane(ws, self)
        self.preview_pane = PreviewPane(ws, self)
        self.length = LengthControls(self)
        self.find_bar = FindBar([self.reading, self.preview_pane], self)

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(_titled(self.tr("&Sources"), self.sources_panel, left))
        left.addWidget(_titled(self.tr("Se&ctions"), self.tree, left))  # Alt+T is the citation Title
        left.addWidget(self.metadata_form)
        left.setSizes([150, 420, 200])
        left.setChildrenCollapsible(False)
        for index, stretch in enumerate((1, 3, 0)):  # a lower window takes the height from the lists
            left.setStretchFactor(index, stretch)
        left.setMinimumWidth(PANE_MIN_WIDTHS[0])
        right = QWidget(self)
        right.setMinimumWidth(PANE_MIN_WIDTHS[2])
        rlayout = QVBoxLayout(right)
        rlayout.setContentsMargins(4, 4, 4, 4)
        header = QHBoxLayout()
        header.addWidget(QLabel("<b>{}</b>".format(self.tr("Brief preview")), right))
        header.addWidget(self.length.count, 1)  # the count of what the preview has, just above the Length control
        # it takes the room there is (a long count must not widen the pane; its tooltip has it in full)
        self.length.count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.length.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        rlayout.addLayout(header)
        rlayout.addWidget(self.length)
        rlayout.addWidget(self.preview_pane, 1)
        reading = _titled(self.tr("&Reading"), self.reading, self)
        reading.setMinimumWidth(PANE_MIN_WIDTHS[1])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(reading)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        for index, stretch in enumerate(PANE_STRETCH):
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setSizes(list(PANE_SIZES))
        central = QWidget(self)
        clayout = QVBoxLayout(central)
        clayout.setContentsMargins(0, 0, 0, 0)
        clayout.addWidget(self.splitter, 1)
        clayout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.status_label = QLabel("", self)
        self.left_out_label = QLabel("", self)
        self.left_out_label.setAccessibleName(self.tr("Left out of the brief"))
        self.left_out_label.hide()
        self.busy = BusyStatus(self)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.left_out_label)
        self.statusBar().addPermanentWidget(self.busy)

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
        self.shortcut_guard = ShortcutGuard(self.global_actions, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.shortcut_guard)

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

    def _connect(self) -> None:
        ws = self.workspace
        self.sources_panel.addRequested.connect(self.add_paths)
        self.sources_panel.sourceActivated.connect(self.select_item)
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)
        self.length.budgetChanged.connect(ws.set_budget)
        self.length.algorithmChanged.connect(ws.set_algorithm)
        self.length.templateChanged.connect(self.choose_template)
        ws.steeringChanged.connect(self._sync_controls)
        ws.changed.connect(self.length.mark_count_stale)
        ws.dirtyChanged.connect(lambda _d: self._update_title())
        ws.pathChanged.connect(lambda _p: self._update_title())
        ws.sourcesChanged.connect(self._sources_changed)
        self.preview.updated.connect(self._preview_updated)
        self.preview.failed.connect(self._preview_failed)
        self.preview.emptied.connect(self._preview_emptied)
        self.preview.started.connect(self._preview_started)
        self.preview.progress.connect(self._show_progress)
        self.busy.cancelRequested.connect(self.cancel_work)
        self.preview_pane.sentenceActivated.connect(self.show_sentence)
        self.project_io.opened.connect(self.recent.add)
        self.project_io.saved.connect(self.recent.add)
        self.project_io.opened.connect(self._remember_project)
        self.project_io.saved.connect(self._remember_project)
        self.project_io.busy.connect(self._set_busy)
        self.project_io.idle.connect(self._set_idle)
        self.recent.openRequested.connect(self.project_io.open)

    # ---- sources -------------------------------------------------------------------------------------------
    def add_paths(self, paths: list[str], *, mark_clean: bool = False) -> None:
        """Read *paths* (files or folders) in a worker and add them to the workspace."""
        if not paths:
            return
        given = list(paths)

        def load(progress: ProgressCallback, cancel: CancelToken) -> LoadResult:
            from briefgen.ingest import load_sources  # imported here: NLTK loads in the worker, not the UI
            from briefgen.ingest.paths import expand_paths

            return load_sources(expand_paths(given), progress=progress, cancel=cancel)

        self._set_busy(self.tr("Reading sources…"))
        job = self.runner.start(load, "load")
        job.signals.progress.connect(self._show_progress)
        job.signals.finished.connect(lambda result: self._sources_loaded(result, mark_clean))
        job.signals.failed.connect(self._sources_failed)
        job.signals.cancelled.connect(self._load_cancelled)

    def _load_cancelled(self) -> None:
        self._set_idle()
        self.status_label.setText(self.tr("Reading sources was cancelled: nothing was added."))

    def _sources_failed(self, exc: BaseException) -> None:
        self._set_idle()
        show_error(self, self.tr("Sources could not be read"), exc)

    def _sources_loaded(self, result: LoadResult, mark_clean: bool) -> None:
        self._set_idle()
        corpus, errors = result.corpus, result.errors
        self.last_load_errors = tuple(errors)
        before = len(self.workspace.state.corpus.sources)
        added = self.workspace.add_sources(corpus.sources)  # nothing new: nothing changes, nothing to save
        if mark_clean:  # the starting point (the first run's samples), as an opened project is: nothing to undo
            self.workspace.undo_stack.clear()
            self.workspace.mark_saved(self.workspace.path)
        if before == 0 and self.workspace.state.corpus.sources:
            self.select_item(self.workspace.state.corpus.sources[0].sections[0].id)
        if errors:
            title = (
                self.tr("A source could not be read") if len(errors) == 1 else self.tr("Some sources could not be read")
            )
            show_errors(self, title, list(errors))
        elif not corpus.sources:
            self.status_label.setText(self.tr("No readable sources were found there."))
        elif not added:
            self.status_label.setText(self.tr("Those sources are already in the project."))

    def _sources_changed(self) -> None:
        self.tree.expandToDepth(1)
        self._update_title()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() or web_links(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        links = web_links(event.mimeData())
        if links and not self.settings.get("allow_url_import"):
            self.status_label.setText(self.tr("Web sources are turned off in Preferences: the link was not added."))
            links = []
        if paths or links:
            event.acceptProposedAction()
            self.add_paths(paths + links)

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
                self.add_paths([address])

        dialog.accepted.connect(fetch)
        dialog.open()

    # ---- navigation ----------------------------------------------------------------------------------------
    def select_item(self, any_id: str) -> None:
        index = self.tree_model.index_for(any_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.tree.scrollTo(index)

    def _tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        any_id, kind = current.data(ID_ROLE), current.data(KIND_ROLE)
        corpus = self.workspace.state.corpus
        if kind == "source":
            src = corpus.source(any_id)
            article_id, section_id = src.articles[0].id, src.articles[0].sections[0].id
        elif kind == "article":
            article_id, section_id = any_id, corpus.article(any_id).sections[0].id
        else:
            article_id, section_id = corpus.section_context(any_id)[1].id, any_id
        self.metadata_form.set_article(article_id)
        if self.reading.section_id != section_id:
            self.reading.show_section(section_id)

    def show_sentence(self, sentence_id: str) -> None:
        """Show where a brief sentence comes from: its section in the tree and the reading pane."""
        corpus = self.workspace.state.corpus
        if not corpus.has(sentence_id):
            return
        ref = corpus.sentence(sentence_id)
        self.select_item(ref.section.id)
        self.reading.show_section(ref.section.id, focus_sentence=sentence_id)

    # ---- preview -------------------------------------------------------------------------------------------
    def _preview_started(self) -> None:
        self._set_busy(self.tr("Updating the brief…"))
        self.length.mark_count_stale()

    def _preview_updated(self, result: BuildResult) -> None:
        self._set_idle()
        brief = result.brief
        self.preview_pane.show_brief(brief, self.preview.fragments, result.style)
        ids = {c.sentence for s in brief.sentences() for c in s.citations[:1]}
        self.reading.set_summary_ids(frozenset(ids))
        n = len(brief.sentences())
        self.length.show_count(brief.word_count(), n, result.pages)
        self.tree_model.set_copies(result.summary.copies, result.summary.article_copies)
        self._show_left_out(*left_out_message(brief.left_out))
        articles = len(brief.sources)
        self.status_label.setText(
            self.tr("Brief: {sentences} from {articles}").format(
                sentences=plural_form(self.tr("{n} sentence(s)", "", n), n).format(n=n),
                articles=plural_form(self.tr("{n} source article(s)", "", articles), articles).format(n=articles),
            )
        )

    def _preview_failed(self, exc: BaseException) -> None:
        self._set_idle()
        from briefgen.gui.errors_dialog import error_text

        self._no_brief()
        self.preview_pane.show_message(self.tr("The brief could not be made: {error}").format(error=error_text(exc)))

    def _preview_emptied(self, reason: str) -> None:
        self._set_idle()
        self._no_brief()
        self.preview_pane.show_message(reason)
        self.reading.set_summary_ids(frozenset())

    def _no_brief(self) -> None:
        self.length.clear_count()
        self.tree_model.clear_copies()
        self._show_left_out("", "")

    def _show_left_out(self, text: str, details: str) -> None:
        """Name what the latest brief left out (in the status bar; the full list in its tooltip)."""
        self.left_out_label.setText(text)
        self.left_out_label.setToolTip(details)
        self.left_out_label.setAccessibleDescription(details)
        self.left_out_label.setVisible(bool(text))

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
        self.export_dialog = dialog
        dialog.open()

    def _export_name(self) -> str:
        """A file name for the brief: its title (as the preview shows it), else the project's name."""
        from briefgen.gui.export_dialog import safe_file_stem

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
        from briefgen.logs import log_dir

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

    # ---- window state --------------------------------------------------------------------------------------
    def _update_title(self) -> None:
        name = Path(self.workspace.path).name if self.workspace.path else self.tr("Untitled")
        self.setWindowTitle(self.tr("{name}[*] — briefgen").format(name=name))
        self.setWindowModified(self.workspace.is_dirty())

    def _restore_layout(self) -> None:
        for key, restore in (
            ("window_geometry", self.restoreGeometry),
            ("window_state", self.restoreState),
            ("splitter_state", self.splitter.restoreState),
        ):
            value = self.settings.get(key)
            if value:
                restore(QByteArray.fromBase64(value.encode("ascii")))
        if not self.settings.get("window_geometry"):
            self.resize(*DEFAULT_SIZE)
        if not self.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            fit_to_screen(self)  # a layout saved on a larger screen, or the default on a small one

    def save_layout(self) -> None:
        for key, data in (
            ("window_geometry", self.saveGeometry()),
            ("window_state", self.saveState()),
            ("splitter_state", self.splitter.saveState()),
        ):
            self.settings.set(key, bytes(data.toBase64().data()).decode("ascii"))
        self.settings.save()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.project_io.maybe_save():
            event.ignore()
            return
        self.save_layout()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.shortcut_guard)
        self.autosave.stop()
        self.preview.timer.stop()
        if not self.runner.shutdown(QUIT_WAIT_MS):  # the app exits anyway: see run_app
            from briefgen.logs import get_logger

            get_logger().warning("background work still running at quit; leaving it behind")
        discard_recovery()
        event.accept()
