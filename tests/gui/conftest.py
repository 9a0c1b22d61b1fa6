"""pytest-qt fixtures for the desktop app: offscreen Qt and a real main window (user folders are isolated by
``tests/conftest.py``)."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from briefgen.build import BuildResult
from briefgen.gui.main_window import MainWindow
from briefgen.gui.settings import Settings

LOAD_TIMEOUT_MS = 60_000


def _unexpected_prompt(*_args: object) -> str:
    raise AssertionError("a prompt the test did not expect was shown")


@pytest.fixture
def window(qtbot, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """The real main window. Prompts that would block (modal questions) fail the test unless it replaces them."""
    win = MainWindow(Settings())
    win.settings.set("open_when_done", False)
    io = win.project_io
    monkeypatch.setattr(io, "ask_unsaved", _unexpected_prompt)
    monkeypatch.setattr(io, "ask_missing", _unexpected_prompt)
    monkeypatch.setattr(io, "ask_location", _unexpected_prompt)
    monkeypatch.setattr(io, "ask_save_path", _unexpected_prompt)
    monkeypatch.setattr(io, "ask_open_path", _unexpected_prompt)
    monkeypatch.setattr(io, "ask_outside", _unexpected_prompt)
    monkeypatch.setattr(io, "tell_changed", lambda _changes: None)
    win.show()
    yield win
    win.workspace.mark_saved(win.workspace.path)  # no unsaved-changes prompt at teardown
    win.close()
    assert win.runner.shutdown(30_000)
    win.deleteLater()


def load(qtbot, win: MainWindow, paths: Sequence[str | Path]) -> None:
    """Add sources through the window's own worker and wait for the brief preview."""
    with qtbot.waitSignal(win.preview.settled, timeout=LOAD_TIMEOUT_MS):
        win.add_paths([str(p) for p in paths])
    assert win.preview.error is None, f"preview failed: {win.preview.error!r}"
    assert win.preview.result is not None


def current(win: MainWindow) -> BuildResult:
    """The preview's latest result (the test fails if there is none)."""
    result = win.preview.result
    assert result is not None, f"no preview: {win.preview.error!r}"
    return result


def send_wheel(widget: QWidget, steps: int, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A mouse-wheel turn of *steps* notches (negative: towards the user) over the middle of *widget*."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
