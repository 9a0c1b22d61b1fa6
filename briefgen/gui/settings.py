"""The app's settings: a small JSON file in the user's config folder (only values that differ are saved).

The folder is :func:`briefgen.user_dirs.config_dir` (``BRIEFGEN_CONFIG_DIR`` moves it; tests point it at a temporary
folder so they never touch real settings).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefgen.fileio import atomic_write_text
from briefgen.logs import get_logger
from briefgen.user_dirs import config_dir

DEFAULTS: dict[str, Any] = {
    "recent_files": [],
    "window_geometry": "",
    "window_state": "",
    "splitter_state": "",
    "open_when_done": True,
    "export_dir": "",
    "pdf_preview_size": [],
    "autosave_seconds": 60,
    "reopen_last_project": True,
    "last_project": "",
    "first_run_done": False,
    "default_template": "",
    "default_length": [],
    "default_algorithm": "default",
    "allow_url_import": True,
    "allow_local_urls": False,
}
"""Every setting with its default. ``default_template`` empty and ``default_length`` empty mean the built-in
defaults; ``default_length`` is ``[unit, value]`` as the Length control offers them."""


class Settings:
    """Typed-enough access to ``settings.json``; a damaged file is logged and replaced by the defaults."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "settings.json"
        self._values: dict[str, Any] = {}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(raw, dict):
                self._values = {k: v for k, v in raw.items() if k in DEFAULTS}
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:
            get_logger().warning("ignoring unreadable settings file %s: %s", self.path, exc)

    def get(self, key: str) -> Any:
        return self._values.get(key, DEFAULTS[key])

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        if value == DEFAULTS[key]:
            self._values.pop(key, None)
        else:
            self._values[key] = value

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, json.dumps(self._values, indent=2, sort_keys=True) + "\n")
        except OSError as exc:
            get_logger().warning("cannot save settings to %s: %s", self.path, exc)
