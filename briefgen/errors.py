"""Typed exceptions the engine raises.

Every error that can reach a user carries the file it concerns (when there is one) and a plain-words reason.
The command line maps :class:`InputError` to exit status 2 and the desktop app shows it in a dialog.
"""

from __future__ import annotations


class BriefgenError(Exception):
    """Base class of all errors raised on purpose by briefgen."""


class InputError(BriefgenError):
    """Bad input from the user: a file that is missing, empty, undecodable, too large, malformed..."""

    def __init__(self, reason: str, path: str | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(f"{path}: {reason}" if path else reason)


class ResourceError(BriefgenError):
    """A data file that ships with briefgen is missing or damaged (an installation problem)."""

    def __init__(self, reason: str, path: str) -> None:
        self.reason = reason
        self.path = path
        super().__init__(f"{path}: {reason} (briefgen's installation looks incomplete; reinstall it)")


class Cancelled(BriefgenError):  # noqa: N818 - reads better at the raise site
    """A long operation was cancelled through its :class:`~briefgen.progress.CancelToken`."""

    def __init__(self) -> None:
        super().__init__("cancelled")
