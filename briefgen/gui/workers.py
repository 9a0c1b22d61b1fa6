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

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from briefgen.errors import Cancelled
from briefgen.progress import CancelToken, ProgressCallback

JobFunction = Callable[[ProgressCallback, CancelToken], Any]


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
    """Starts jobs on a private thread pool and keeps them alive until they report back."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._jobs: set[Job] = set()
        self._counter = itertools.count(1)

    def start(self, fn: JobFunction, name: str = "job") -> Job:
        job = Job(fn, name, next(self._counter))
        self._jobs.add(job)
        job.signals.done.connect(lambda: self._jobs.discard(job))
        self.pool.start(job)
        return job

    def active(self) -> int:
        return len(self._jobs)

    def cancel_all(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel every job and wait for the threads; True when all stopped in time."""
        self.cancel_all()
        return bool(self.pool.waitForDone(timeout_ms))
