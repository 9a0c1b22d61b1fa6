"""Windows and dialogs fit the screen they open on: their size is clamped to the screen's available geometry
(the desktop without panels and docks), with room for the window frame and title bar."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME_ALLOWANCE = QSize(16, 48)
"""Room for a window's frame and title bar while it is not shown yet (its real frame is not known then)."""


def available_size(widget: QWidget) -> QSize:
    """The largest size *widget*'s window may have and still fit, frame included, on its screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    window = widget.window()
    frame = window.frameGeometry().size() - window.size() if window.isVisible() else FRAME_ALLOWANCE
    return QSize(max(1, area.width() - max(0, frame.width())), max(1, area.height() - max(0, frame.height())))


def fit_to_screen(widget: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Resize *widget* (a window) to *width* x *height* (default: its current size), no larger than its screen."""
    room = available_size(widget)
    w = widget.width() if width is None else width
    h = widget.height() if height is None else height
    widget.resize(min(w, room.width()), min(h, room.height()))
