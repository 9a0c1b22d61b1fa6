"""briefgen's per-user folders, in the places ``platformdirs`` gives on each system, each movable by an environment
variable (tests point them at temporary folders; a portable install at its own):

=========================  =======================================================  ==========================
Folder                     Holds                                                    Moved by
=========================  =======================================================  ==========================
:func:`config_dir`         the app's settings                                       ``BRIEFGEN_CONFIG_DIR``
:func:`data_dir`           user templates, the app's autosave copies                ``BRIEFGEN_DATA_DIR``
:func:`log_dir`            the log file (the app and the command line)              ``BRIEFGEN_LOG_DIR``
=========================  =======================================================  ==========================

The folders are looked up on every call (never cached), so a changed variable takes effect at once.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir, user_log_dir

APP_NAME = "briefgen"
CONFIG_DIR_SETTING = "BRIEFGEN_CONFIG_DIR"
DATA_DIR_SETTING = "BRIEFGEN_DATA_DIR"
LOG_DIR_SETTING = "BRIEFGEN_LOG_DIR"
SETTINGS = (CONFIG_DIR_SETTING, DATA_DIR_SETTING, LOG_DIR_SETTING)
"""Every environment variable that moves a user folder."""


def _overridden(setting: str) -> Path | None:
    value = os.environ.get(setting)
    return Path(value) if value else None


def config_dir() -> Path:
    """The user's settings folder: ``$BRIEFGEN_CONFIG_DIR`` when set, else the platform's usual place."""
    return _overridden(CONFIG_DIR_SETTING) or Path(user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """briefgen's user data folder: ``$BRIEFGEN_DATA_DIR`` when set, else the platform's usual place."""
    return _overridden(DATA_DIR_SETTING) or Path(user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The folder of the log file: ``$BRIEFGEN_LOG_DIR`` when set, else the platform's usual place."""
    return _overridden(LOG_DIR_SETTING) or Path(user_log_dir(APP_NAME, appauthor=False))
