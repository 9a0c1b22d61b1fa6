"""The log file (rotated, in the user log directory) and logging of unexpected exceptions."""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from pathlib import Path

from platformdirs import user_log_dir

_LOGGER_NAME = "briefgen"
_configured = False


def log_dir() -> Path:
    env = os.environ.get("BRIEFGEN_LOG_DIR")
    return Path(env) if env else Path(user_log_dir("briefgen", appauthor=False))


def log_file() -> Path:
    return log_dir() / "briefgen.log"


def get_logger() -> logging.Logger:
    """The ``briefgen`` logger, writing to a rotated file (1 MB x 3) when the folder can be created."""
    global _configured
    logger = logging.getLogger(_LOGGER_NAME)
    if not _configured:
        _configured = True
        logger.setLevel(logging.INFO)
        try:
            log_dir().mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(
                log_file(), maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            logger.addHandler(handler)
        except OSError:
            logger.addHandler(logging.NullHandler())
    return logger


def log_exception(exc: BaseException) -> Path | None:
    """Write *exc* with its traceback to the log; return the log's path (None if it could not be written)."""
    logger = get_logger()
    logger.error("unexpected error\n%s", "".join(traceback.format_exception(exc)))
    for handler in logger.handlers:
        handler.flush()
    path = log_file()
    return path if path.exists() else None
