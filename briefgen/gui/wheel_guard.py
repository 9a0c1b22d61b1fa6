"""In a scrolling form, the mouse wheel over a spin box or a list of choices that does not have the focus scrolls
the form instead of changing the value."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget


class WheelGuard(QObject):
    """Over a spin box or a list of choices that does not have the focus, the mouse wheel scrolls the form
    around it instead of changing the value (click or Tab into the field to change it with the wheel)."""

    def __init__(self, scroll_area: QAbstractScrollArea) -> None:
        super().__init__(scroll_area)
        self.scroll_area = scroll_area

    def guard(self, root: QWidget) -> None:
        for w in root.findChildren(QWidget):
            if isinstance(w, QAbstractSpinBox | QComboBox) and not w.property("wheelGuarded"):
                w.setProperty("wheelGuarded", True)
                w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn must not give it the focus
                w.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            assert isinstance(event, QWheelEvent)
            QApplication.sendEvent(self.scroll_area.viewport(), event)
            return True
        return False
