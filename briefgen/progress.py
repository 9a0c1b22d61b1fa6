"""Progress reporting and cancellation for long engine stages, in plain Python.

A long stage takes ``progress: ProgressCallback | None`` and ``cancel: CancelToken | None``. It calls
``report(progress, done, total, message)`` from time to time and ``cancel.raise_if_cancelled()`` between units
of work. The desktop app turns the callback into Qt signals and sets the token from its Cancel button.

The command line passes no callback to the engine; it sets an *ambient* one for the duration of a command
(:func:`ambient_progress`), which :func:`report` calls whenever a stage was given none. That one callback sees
every stage of a command (reading, summarising, rendering) without each command threading it through.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from contextvars import ContextVar

from briefgen.errors import Cancelled

ProgressCallback = Callable[[int, int, str], None]
"""``callback(done, total, message)``; ``total`` is 0 when unknown."""

_AMBIENT: ContextVar[ProgressCallback | None] = ContextVar("briefgen_ambient_progress", default=None)


class CancelToken:
    """A thread-safe flag a worker checks between units of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


def report(progress: ProgressCallback | None, done: int, total: int, message: str = "") -> None:
    """Call *progress*, or the ambient callback when there is none (see :func:`ambient_progress`)."""
    callback = progress if progress is not None else _AMBIENT.get()
    if callback is not None:
        callback(done, total, message)


@contextlib.contextmanager
def ambient_progress(callback: ProgressCallback | None) -> Iterator[None]:
    """Within the ``with`` block (in this thread or task), stages given no callback report to *callback*."""
    token = _AMBIENT.set(callback)
    try:
        yield
    finally:
        _AMBIENT.reset(token)


def check(cancel: CancelToken | None) -> None:
    """Raise :class:`Cancelled` if *cancel* has been set."""
    if cancel is not None:
        cancel.raise_if_cancelled()
