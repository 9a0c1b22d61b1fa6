"""The template form's own field widgets: a colour (typed as #RRGGBB or chosen), the logo file (typed or chosen)
and the font families installed on this computer."""

from __future__ import annotations

import os

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import QColorDialog, QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


class ColourEdit(QWidget):
    changed = Signal()

    def __init__(self, value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(value, self)
        self.edit.setMaxLength(7)
        self.edit.setAccessibleName(self.tr("Colour as #RRGGBB"))
        self.button = QPushButton("", self)
        self.button.setFixedWidth(32)
        self.button.setAccessibleName(self.tr("Choose colour"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        self.edit.textChanged.connect(self._update)
        self.button.clicked.connect(self._choose)
        self._update()

    def _update(self) -> None:
        colour = QColor(self.edit.text())
        self.button.setStyleSheet(f"background: {colour.name()};" if colour.isValid() else "")
        self.changed.emit()

    def _choose(self) -> None:
        colour = QColorDialog.getColor(QColor(self.edit.text()), self, self.tr("Choose colour"))
        if colour.isValid():
            self.edit.setText(colour.name().upper())

    def text(self) -> str:
        return self.edit.text()


FONT_FIELDS = ("fonts.body", "fonts.heading")


def installed_families() -> list[str]:
    """The font families installed on this computer, as Qt lists them (scalable ones, no private system fonts)."""
    return [f for f in QFontDatabase.families() if QFontDatabase.isScalable(f) and not QFontDatabase.isPrivateFamily(f)]


LOGO_FILTER = str(QT_TRANSLATE_NOOP("LogoEdit", "Images (*.png *.jpg *.jpeg *.gif *.bmp);;All files (*)"))
"""The logo dialog's filter (translated where used)."""


class LogoEdit(QWidget):
    """The logo's path, typed or chosen with a file dialog."""

    changed = Signal()

    def __init__(self, value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(value, self)
        self.edit.setPlaceholderText(self.tr("No logo"))
        self.edit.setAccessibleName(self.tr("Logo file"))
        self.button = QPushButton(self.tr("Choose lo&go…"), self)
        self.button.setAccessibleName(self.tr("Choose a logo file"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.edit.textChanged.connect(lambda _t: self.changed.emit())
        self.button.clicked.connect(self._choose)

    def _choose(self) -> None:
        start = os.path.dirname(self.edit.text()) if self.edit.text() else os.path.expanduser("~")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a logo"), start, self.tr(LOGO_FILTER))
        if path:
            self.edit.setText(path)

    def text(self) -> str:
        return self.edit.text()
