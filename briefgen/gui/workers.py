"""Background work: engine calls run on a thread pool and report back through Qt signals.

A job is a plain function ``fn(progress, cancel) -> result`` that takes the engine's progress callback and
:class:`~briefgen.progress.CancelToken`. :class:`JobRunner` runs it on its own :class:`QThreadPool`; the
job's :class:`JobSignals` (living in the UI thread) deliver ``progress``, then exactly one of ``finished``,
``failed`` or ``cancelled`` (when the function raised Cancelled). :meth:`JobRunner.shutdown` cancels every
job and waits for the pool, so the app never exits with a thread still running.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from briefgen.errors import Cancelled
from briefgen.gui.collector import settle
from briefgen.progress import CancelToken, ProgressCallback

JobFunction = Callable[[ProgressCallback, CancelToken], Any]
SETTLE_DELAY_MS = 200
"""How long after the last job ends the collector settles (see :mod:`briefgen.gui.collector`)."""


class JobSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    """Carries the exception."""
    cancelled = Signal()
    done = Signal()
    """After any of the three above (for bookkeeping)."""


class Job(QRunnable):
    """One run of a job function; ``signals`` belong to the UI thread."""

    def __init__(self, fn: JobFunction, name: str, generation: int) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.name = name
        self.generation = generation
        self.token = CancelToken()
        self.signals = JobSignals()

    def cancel(self) -> None:
        self.token.cancel()

    def _progress(self, done: int, total: int, message: str) -> None:
        self.token.raise_if_cancelled()
        self.signals.progress.emit(done, total, message)

    def run(self) -> None:
        try:
            try:
                result = self.fn(self._progress, self.token)
            except Cancelled:
                self.signals.cancelled.emit()
            except BaseException as exc:  # reported to the UI thread, which shows it
                self.signals.failed.emit(exc)
            else:
                self.signals.finished.emit(result)  # work that completed is reported even if cancelled late
            self.signals.done.emit()
        except RuntimeError:  # the window went away while this ran (quit): nobody is left to tell
            pass


class JobRunner(QObject):
    """Starts jobs on a private thread pool and keeps them alive until they report back. Between jobs it settles
    Python's garbage collector, so a collection during the next job is short (see :mod:`briefgen.gui.collector`)."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._jobs: set[Job] = set()
        self._counter = itertools.count(1)
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(SETTLE_DELAY_MS)
        self._settle_timer.timeout.connect(self._settle)

    def start(self, fn: JobFunction, name: str = "job") -> Job:
        if not self._jobs:
            self._settle()  # the first job of a session freezes what opening the app left
        job = Job(fn, name, next(self._counter))
        self._jobs.add(job)
        job.signals.done.connect(lambda: self._job_done(job))
        self.pool.start(job)
        return job

    def _job_done(self, job: Job) -> None:
        self._jobs.discard(job)
        if not self._jobs:
            self._settle_timer.start()  # a moment later: the job's results are shown first

    def _settle(self) -> None:
        self._settle_timer.stop()
        if not self._jobs:
            settle()

    def active(self) -> int:
        return len(self._jobs)

    def cancel_all(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel every job and wait for the threads; True when all stopped in time."""
        self.cancel_all()
        self._settle_timer.stop()
        return bool(self.pool.waitForDone(timeout_ms))
