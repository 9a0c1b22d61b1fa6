"""What the command line shows on stderr besides its errors: the ``--quiet``/``--verbose`` level and the
progress line of long work.

- quiet: errors only; warnings go to the log instead of the terminal; no progress.
- normal: errors and warnings; on a terminal, a progress line that appears once work has lasted
  :data:`SHOW_AFTER` seconds and is cleared when the command ends.
- verbose: as normal, plus each stage's message as its own line (also when stderr is not a terminal) and a
  closing line with the exit status, the time taken and where the log is.
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO

from briefgen.display_text import for_display, without_url_credentials

QUIET = 0
NORMAL = 1
VERBOSE = 2
SHOW_AFTER = 0.5
"""Seconds of work before the progress line appears (quick commands never flash one)."""
REDRAW_EVERY = 0.1

_level = NORMAL
_active: ProgressLine | None = None


def set_level(level: int) -> None:
    global _level
    _level = level


def level() -> int:
    return _level


def show(message: str) -> bool:
    """Whether an error line *message* goes to stderr now; clears the progress line first so that it does.

    Under ``--quiet`` a warning (``"warning: ..."``) is written to the log instead and False is returned.
    """
    if _active is not None:
        _active.close()
    if _level == QUIET and message.startswith("warning: "):
        from briefgen.logs import get_logger

        get_logger().warning("%s", for_display(without_url_credentials(message[len("warning: ") :])))
        return False
    return True


class ProgressLine:
    """A :data:`~briefgen.progress.ProgressCallback` drawing one status line on *stream*.

    On a terminal the line is rewritten in place (at most every :data:`REDRAW_EVERY` seconds) and cleared by
    :meth:`close`; elsewhere nothing is drawn. With *verbose*, every new message is also written as a line of
    its own, on a terminal or not.
    """

    def __init__(self, stream: TextIO, *, terminal: bool, verbose: bool = False) -> None:
        self._stream = stream
        self._terminal = terminal
        self._verbose = verbose
        self._start = time.monotonic()
        self._drawn_at = 0.0
        self._shown = False
        self._last_message = ""

    def __call__(self, done: int, total: int, message: str) -> None:
        now = time.monotonic()
        text = for_display(without_url_credentials(message))
        if self._verbose and text and text != self._last_message:
            self._clear()
            self._stream.write(f"briefgen: [{now - self._start:6.2f} s] {text}\n")
            self._stream.flush()
        self._last_message = text or self._last_message
        if not self._terminal or now - self._start < SHOW_AFTER or now - self._drawn_at < REDRAW_EVERY:
            return
        share = f" {min(100, 100 * done // total):3d}%" if total > 0 else ""
        line = f"briefgen:{share} {self._last_message}"
        width = max(20, shutil.get_terminal_size((80, 24)).columns - 1)
        self._stream.write("\r" + line[:width] + "\x1b[K")
        self._stream.flush()
        self._drawn_at = now
        self._shown = True

    def _clear(self) -> None:
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = False

    def close(self) -> None:
        """Remove the line from the terminal (the command's own output and errors follow cleanly)."""
        self._clear()


def progress_line(stream: TextIO | None = None) -> ProgressLine | None:
    """The progress callback for the current level: None under ``--quiet``, or when there is nothing to show
    (stderr not a terminal and not verbose)."""
    out = stream if stream is not None else sys.stderr
    try:
        terminal = out.isatty()
    except (AttributeError, ValueError):
        terminal = False
    if _level == QUIET or (not terminal and _level < VERBOSE):
        return None
    return ProgressLine(out, terminal=terminal, verbose=_level >= VERBOSE)


def activate(line: ProgressLine | None) -> None:
    """Make *line* the one :func:`show` clears before an error line (None when the command ends)."""
    global _active
    _active = line
