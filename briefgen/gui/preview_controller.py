"""Keeps the live preview up to date: every change restarts a short single-shot timer (debounce); when it fires,
the brief is recomputed in a worker. A newer request cancels the older one, and results of an older generation
are discarded, so the preview always shows the latest choices and the window never waits. Each preview build also
renders the brief to measure its pages (in the worker), so the numbers shown are the ones an export will have.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from briefgen.build import BuildResult
from briefgen.build_choices import build_from_choices
from briefgen.errors import BriefgenError
from briefgen.gui.workers import Job, JobRunner
from briefgen.gui.workspace import Workspace
from briefgen.progress import CancelToken, ProgressCallback
from briefgen.render.brief_html import brief_fragments

DEBOUNCE_MS = 250


class PreviewController(QObject):
    started = Signal()
    updated = Signal(object)
    """A :class:`BuildResult` for the current choices."""
    failed = Signal(object)
    """An exception (expected ones are :class:`BriefgenError`)."""
    emptied = Signal(str)
    """Nothing to summarise; carries the reason to show."""
    progress = Signal(int, int, str)
    settled = Signal()
    """After ``updated``, ``failed`` or ``emptied``: the preview shows the latest choices (or why it cannot)."""

    def __init__(self, workspace: Workspace, runner: JobRunner, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.runner = runner
        self.generation = 0
        self.job: Job | None = None
        self.result: BuildResult | None = None
        self.error: BaseException | None = None
        self.fragments: list[str] = []
        """The preview's HTML pieces for :attr:`result` (see :func:`briefgen.render.brief_html.brief_fragments`)."""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self.recompute_now)
        workspace.changed.connect(self.schedule)

    def schedule(self) -> None:
        self.timer.start()

    def busy(self) -> bool:
        return self.timer.isActive() or self.job is not None

    def recompute_now(self) -> None:
        self.timer.stop()
        if self.job is not None:
            self.job.cancel()
            self.job = None
        self.generation += 1
        state = self.workspace.state
        if not state.corpus.sources:
            self.result = None
            self.emptied.emit(self.tr("Add sources (Ctrl+Shift+A, or drop files here) to see a brief."))
            self.settled.emit()
            return
        if not state.has_selection():
            self.result = None
            self.emptied.emit(self.tr("Nothing is ticked: tick a section in the tree to see a brief."))
            self.settled.emit()
            return
        choices = state.choices()
        generation = self.generation

        def work(progress: ProgressCallback, cancel: CancelToken) -> tuple[BuildResult, list[str]]:
            # pages are measured on the rendered PDF here, so the count beside the Length control is the export's
            result = build_from_choices(choices, progress=progress, cancel=cancel, measure_pages=True)
            # HTML made here, not on the UI thread, in the template's look
            return result, brief_fragments(result.brief, choices.pins, result.style)

        job = self.runner.start(work, "preview")
        self.job = job
        job.signals.progress.connect(lambda d, t, m: self._progress(generation, d, t, m))
        job.signals.finished.connect(lambda result: self._finished(generation, result))
        job.signals.failed.connect(lambda exc: self._failed(generation, exc))
        job.signals.cancelled.connect(lambda: self._cancelled(generation))
        self.started.emit()

    def _current(self, generation: int) -> bool:
        return generation == self.generation

    def _progress(self, generation: int, done: int, total: int, message: str) -> None:
        if self._current(generation):
            self.progress.emit(done, total, message)

    def _finished(self, generation: int, outcome: tuple[BuildResult, list[str]]) -> None:
        if self._current(generation):
            self.job = None
            result, self.fragments = outcome
            self.result = result
            self.error = None
            self.updated.emit(result)
            self.settled.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if self._current(generation):
            self.job = None
            self.result = None
            self.error = exc
            if not isinstance(exc, BriefgenError):
                from briefgen.logs import log_exception

                log_exception(exc)
            self.failed.emit(exc)
            self.settled.emit()

    def _cancelled(self, generation: int) -> None:
        if self._current(generation):
            self.job = None

    def cancel(self) -> bool:
        """Stop the update in progress (the user pressed Cancel); True when there was one. The preview says so,
        and the next change starts a new update."""
        if self.job is None and not self.timer.isActive():
            return False
        self.timer.stop()
        if self.job is not None:
            self.job.cancel()
            self.job = None
        self.generation += 1
        self.result = None
        self.emptied.emit(self.tr("Updating the brief was cancelled. Change a choice to update it again."))
        self.settled.emit()
        return True
