"""The main window: creates the workspace, the preview and the background work, and wires the panes to them;
reads sources, follows the tree, shows each new preview, and quits cleanly. No engine logic lives here: see
workspace.py (state + undo), preview_controller.py (live brief), project_io.py (projects); the panes are built in
window_panes.py, the commands' dialogs in window_commands.py, the actions and menus in window_actions.py."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from briefgen.build import BuildResult
from briefgen.gui.autosave import Autosave, discard_recovery
from briefgen.gui.errors_dialog import forget_work, show_error, show_errors
from briefgen.gui.left_out import left_out_message
from briefgen.gui.preferences import default_state
from briefgen.gui.preview_controller import PreviewController
from briefgen.gui.project_io import ProjectIO
from briefgen.gui.section_tree_model import ID_ROLE, KIND_ROLE
from briefgen.gui.settings import Settings
from briefgen.gui.translations import plural_form
from briefgen.gui.url_import import apply_url_preferences, web_links
from briefgen.gui.window_actions import ActionsWindow
from briefgen.gui.workers import JobRunner
from briefgen.gui.workspace import Workspace
from briefgen.progress import CancelToken, ProgressCallback

if TYPE_CHECKING:
    from briefgen.ingest import LoadResult

NEXT_TURN_MS = 1
"""Delay that puts work in an event-loop turn of its own, after the timers already due (a 0 ms delay would run it
in the same turn, before them)."""
QUIT_WAIT_MS = 1_500
"""How long quitting waits for cancelled background work before leaving it behind (the whole quit stays under
two seconds; nothing is lost: unsaved work was saved or discarded by the user before this)."""


class MainWindow(ActionsWindow):
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
        self.project_io.proposed_name = self._export_name  # a first save proposes the brief's title, as export does
        self.autosave = Autosave(self.workspace, int(self.settings.get("autosave_seconds")))
        self.last_load_errors: tuple[Exception, ...] = ()
        self.export_dialog: QWidget | None = None
        self.template_editor: QWidget | None = None
        self.shortcuts_dialog: QWidget | None = None
        self.preferences_dialog: QWidget | None = None
        self.guide: QWidget | None = None
        self.url_dialog: QWidget | None = None
        self.last_url = ""
        apply_url_preferences(self.settings)
        self.setAcceptDrops(True)
        self._build_widgets()
        self._build_actions()
        self._connect()
        self._restore_layout()
        self._sync_controls()
        self._update_title()
        self._preferences_applied()

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
            first = self.workspace.state.corpus.sources[0].sections[0].id
            QTimer.singleShot(NEXT_TURN_MS, self, lambda: self.select_item(first))  # (see _sources_changed)
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
        # laid out in an event-loop turn of its own: with a hundred sources, rebuilding the lists, laying out the
        # tree and showing the first section at once kept the window from responding for too long
        QTimer.singleShot(NEXT_TURN_MS, self, lambda: self.tree.expandToDepth(1))
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
        if not self.workspace.state.title.strip():  # the automatic title, shown greyed in the empty field
            self.title_field.set_automatic(brief.title)
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

    # ---- window state --------------------------------------------------------------------------------------
    def _update_title(self) -> None:
        name = Path(self.workspace.path).name if self.workspace.path else self.tr("Untitled")
        self.setWindowTitle(self.tr("{name}[*] — briefgen").format(name=name))
        self.setWindowModified(self.workspace.is_dirty())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.project_io.maybe_save():
            event.ignore()
            return
        self.save_layout()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.shortcut_guard.detach(app)
        self.autosave.stop()
        self.preview.timer.stop()
        if not self.runner.shutdown(QUIT_WAIT_MS):  # the app exits anyway: see run_app
            from briefgen.logs import get_logger

            get_logger().warning("background work still running at quit; leaving it behind")
        discard_recovery()
        self.workspace.close()
        forget_work()  # nothing is left to keep: no autosave from the error hook after this
        event.accept()
