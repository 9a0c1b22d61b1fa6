"""The recent projects list (kept in the settings) and its menu."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu

from briefgen.gui.settings import Settings

MAX_RECENT = 10


class RecentFiles(QObject):
    openRequested = Signal(str)  # noqa: N815

    def __init__(self, settings: Settings, menu: QMenu) -> None:
        super().__init__(menu)
        self.settings = settings
        self.menu = menu
        self.rebuild()

    def paths(self) -> list[str]:
        value = self.settings.get("recent_files")
        return [p for p in value if isinstance(p, str)] if isinstance(value, list) else []

    def add(self, path: str) -> None:
        path = os.path.abspath(path)
        paths = [path, *(p for p in self.paths() if p != path)][:MAX_RECENT]
        self.settings.set("recent_files", paths)
        self.settings.save()
        self.rebuild()

    def forget(self, path: str) -> None:
        self.settings.set("recent_files", [p for p in self.paths() if p != path])
        self.settings.save()
        self.rebuild()

    def clear(self) -> None:
        self.settings.set("recent_files", [])
        self.settings.save()
        self.rebuild()

    def rebuild(self) -> None:
        self.menu.clear()
        paths = self.paths()
        for n, path in enumerate(paths, 1):
            action = self.menu.addAction(f"&{n % 10} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.openRequested.emit(p))
        if paths:
            self.menu.addSeparator()
        clear = self.menu.addAction(self.tr("Clear recent projects"))
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.clear)
