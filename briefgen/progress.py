"""Progress reporting and cancellation for long engine stages, in plain Python.

A long stage takes ``progress: ProgressCallback | None`` and ``cancel: CancelToken | None``. It calls
``report(progress, done, total, message)`` from time to time and ``cancel.raise_if_cancelled()`` between units
of work. The desktop app turns the callback into Qt signals and sets the token from its Cancel button; the
command line passes nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from briefgen.errors import Cancelled

ProgressCallback = Callable[[int, int, str], None]
"""``callback(done, total, message)``; ``total`` is 0 when unknown."""


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
    """Call *progress* if there is one."""
    if progress is not None:
        progress(done, total, message)


def check(cancel: CancelToken | None) -> None:
    """Raise :class:`Cancelled` if *cancel* has been set."""
    if cancel is not None:
        cancel.raise_if_cancelled()
