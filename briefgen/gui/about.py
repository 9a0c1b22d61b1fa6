"""The About box."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefgen import __version__
from briefgen.gui.mnemonics import label_buttons


def about_text() -> str:
    return (
        f"<h3>briefgen {__version__}</h3>"
        "<p>Turns articles into cited, extractive briefs: every sentence of a brief is a sentence of a "
        "source, with a citation back to it and a bibliography.</p>"
        "<p>Works offline. MIT licence.</p>"
        f"<p style='color:#666'>Qt for Python {pyside_version}</p>"
    )


def show_about(parent: QWidget | None) -> None:
    box = QMessageBox(QMessageBox.Icon.NoIcon, "About briefgen", about_text(), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("aboutBox")
    icon = QApplication.windowIcon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(64, 64))
    label_buttons(box)
    box.exec()
