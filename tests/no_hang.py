"""Running a call that must not block (reading a FIFO, say) in a thread with a deadline.

If the call is still running at the deadline the test fails, and the FIFOs given are opened for writing and
closed again, so a reader blocked on one gets end-of-file and the thread ends instead of lingering.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")


def within(seconds: float, call: Callable[[], T], fifos: Sequence[Path] = ()) -> T:
    """``call()``'s result (or its exception, raised here) if it finishes within *seconds*; else the test fails."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # handed to the test thread
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        for fifo in fifos:
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(5)
        pytest.fail(f"still running after {seconds} s (blocked on a special file?)")
    if "error" in outcome:
        error = outcome["error"]
        assert isinstance(error, BaseException)
        raise error
    return outcome["value"]  # type: ignore[return-value]


def make_fifo(path: Path) -> Path:
    """A named pipe at *path*; the test is skipped where the platform has none."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes (FIFOs) need a POSIX system")
    os.mkfifo(path)
    return path
