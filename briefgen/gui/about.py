"""The About box."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefgen import __version__
from briefgen.gui.mnemonics import label_buttons


def about_text() -> str:
    what = QCoreApplication.translate(
        "About",
        "Turns articles into cited, extractive briefs: every sentence of a brief is a sentence of a source, with a "
        "citation back to it and a bibliography.",
    )
    offline = QCoreApplication.translate("About", "Works offline. MIT licence.")
    qt = QCoreApplication.translate("About", "Qt for Python {version}").format(version=pyside_version)
    return f"<h3>briefgen {__version__}</h3><p>{what}</p><p>{offline}</p><p style='color:#666'>{qt}</p>"


def show_about(parent: QWidget | None) -> None:
    title = QCoreApplication.translate("About", "About briefgen")
    box = QMessageBox(QMessageBox.Icon.NoIcon, title, about_text(), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("aboutBox")
    icon = QApplication.windowIcon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(64, 64))
    label_buttons(box)
    box.exec()
