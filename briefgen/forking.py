"""Using a second core from a command-line run: when forking is safe, and one call run in a forked child.

A forked child starts with a copy of everything the parent holds (the sentences read, the modules imported), so
nothing is sent to it and only its result comes back. Forking is used only where it is safe and useful: on
Linux, in a process with a single Python thread and without Qt (not the desktop app, whose Qt and worker threads
a fork would copy in an unknown state), not inside a worker process (a batch already uses every core), with at
least two cores, and not while the machine is busy (see :data:`BUSY_LOAD`). Everything that forks has a plain
in-process path that gives the same result.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from briefgen.progress import CancelToken, check

if TYPE_CHECKING:  # multiprocessing is imported only when something forks
    from multiprocessing.connection import Connection

T = TypeVar("T")
BUSY_LOAD = 1.0
"""No forking while the one-minute load average is at least this many times the cores: when every core is taken,
a helper process gains nothing and costs its start-up (measured on 2 cores: reading and summarising 1,000
articles took 1.3 s less at load 1.6-1.9, while at load 2.2-2.4 reading took as long as in one process)."""
_WAIT_SECONDS = 0.05
"""How often the cancel token is checked while waiting for a child."""


def cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def may_fork() -> bool:
    """Whether forking helpers is safe and may pay here (see the module text)."""
    if not sys.platform.startswith("linux") or threading.active_count() != 1 or "PySide6.QtCore" in sys.modules:
        return False  # (Qt's own threads are not Python threads: the app is recognised by its Qt import)
    if cores() < 2 or _busy():
        return False
    import multiprocessing

    return multiprocessing.parent_process() is None and "fork" in multiprocessing.get_all_start_methods()


def _busy() -> bool:
    try:
        return os.getloadavg()[0] >= BUSY_LOAD * cores()
    except OSError:
        return False


def _run_child(function: Callable[[], object], send: Connection) -> None:
    try:
        value = function()
    except BaseException:  # the parent runs the call itself and meets the error where it always did
        send.send((False, None))
    else:
        send.send((True, value))
    finally:
        send.close()


class ForkedCall(Generic[T]):
    """``function()`` running in a forked child process while the parent goes on with other work."""

    def __init__(self, function: Callable[[], T]) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._function = function
        self._receive, send = context.Pipe(duplex=False)
        self._child = context.Process(target=_run_child, args=(function, send), daemon=True)
        gc.freeze()  # the child's garbage collector leaves what it inherits alone: no copies of those pages
        try:
            self._child.start()
        finally:
            gc.unfreeze()
        send.close()

    @classmethod
    def start(cls, function: Callable[[], T]) -> ForkedCall[T] | None:
        """The call started in a child, or None when forking is not safe here (:func:`may_fork`)."""
        return cls(function) if may_fork() else None

    def result(self, cancel: CancelToken | None = None) -> T:
        """The child's result; when the child failed or died, ``function()`` run here (raising what it raises).
        Raises :class:`~briefgen.errors.Cancelled` (and stops the child) once *cancel* is set."""
        try:
            while not self._receive.poll(_WAIT_SECONDS):
                check(cancel)
                if not self._child.is_alive() and not self._receive.poll():
                    break
            ok, value = self._receive.recv() if self._receive.poll() else (False, None)
        except (EOFError, OSError):
            ok, value = False, None
        except BaseException:
            self.stop()
            raise
        self.stop()
        return value if ok else self._function()  # type: ignore[return-value]

    def stop(self) -> None:
        """End the child (at once when it is still working)."""
        if self._child.is_alive():
            self._child.kill()
        self._child.join()
        self._receive.close()
