"""The log file (rotated, in the user log folder :func:`briefgen.user_dirs.log_dir`): unexpected exceptions, and
one line per command-line command with its outcome (the app and the command line write the same file)."""

from __future__ import annotations

import logging
import logging.handlers
import shlex
import traceback
from collections.abc import Sequence
from pathlib import Path

from briefgen.user_dirs import log_dir

_LOGGER_NAME = "briefgen"
_configured_for: Path | None = None


def log_file() -> Path:
    return log_dir() / "briefgen.log"


def get_logger() -> logging.Logger:
    """The ``briefgen`` logger, writing to a rotated file (1 MB x 3) in the user log folder.

    The handler follows the folder: when ``BRIEFGEN_LOG_DIR`` changes (tests, a portable install), the next call
    writes to the new place. If the folder cannot be created, logging is silently off rather than fatal.
    """
    global _configured_for
    logger = logging.getLogger(_LOGGER_NAME)
    target = log_file()
    if _configured_for != target:
        for old in list(logger.handlers):
            logger.removeHandler(old)
            old.close()
        _configured_for = target
        logger.setLevel(logging.INFO)
        logger.propagate = False
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = logging.handlers.RotatingFileHandler(
                target, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
            )
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        except OSError:
            handler = logging.NullHandler()
        logger.addHandler(handler)
    return logger


def log_exception(exc: BaseException) -> Path | None:
    """Write *exc* with its traceback to the log; return the log's path (None if it could not be written)."""
    logger = get_logger()
    logger.error("unexpected error\n%s", "".join(traceback.format_exception(exc)))
    for handler in logger.handlers:
        handler.flush()
    path = log_file()
    return path if path.exists() else None


def command_line_text(argv: Sequence[str]) -> str:
    """*argv* as one shell-quoted line fit for the log: credentials removed from web addresses, control characters
    escaped, at most 2,000 characters."""
    from briefgen.display_text import for_display, without_url_credentials

    text = for_display(without_url_credentials(shlex.join(argv)))
    return text if len(text) <= 2000 else text[:1999] + "…"


def log_command(argv: Sequence[str], exit_code: int, seconds: float) -> Path | None:
    """Write one line for a finished command: what was run, its exit status and how long it took; return the
    log's path (None if it could not be written)."""
    logger = get_logger()
    level = logging.INFO if exit_code == 0 else logging.WARNING
    logger.log(level, "command: briefgen %s | exit %d | %.2f s", command_line_text(argv), exit_code, seconds)
    for handler in logger.handlers:
        handler.flush()
    path = log_file()
    return path if path.exists() else None
