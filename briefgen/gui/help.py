"""The Help menu's helpers: the bundled user guide (offline), diagnostic information for bug reports, and the
log folder."""

from __future__ import annotations

import platform
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from briefgen import __version__
from briefgen.gui.mnemonics import label_buttons
from briefgen.gui.screen_fit import fit_to_screen
from briefgen.logs import log_file
from briefgen.user_dirs import log_dir

GUIDE_SIZE = (640, 720)


def guide_path() -> str | None:
    """The bundled guide (resources/help/guide.html), or ``None`` when it is not installed."""
    from briefgen.resources import resources_dir

    path = resources_dir() / "help" / "guide.html"
    return str(path) if path.is_file() else None


class UserGuide(QDialog):
    """The user guide in a plain text browser: it works offline and opens no web engine."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("briefgen user guide"))
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenExternalLinks(False)
        path = guide_path()
        if path is None:
            self.browser.setPlainText(self.tr("The user guide is not installed with this copy of briefgen."))
        else:
            self.browser.setSource(QUrl.fromLocalFile(path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        label_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(*GUIDE_SIZE)
        fit_to_screen(self)


def diagnostic_text() -> str:
    """Versions, platform and where the log is: what a bug report needs, and nothing from the user's files."""
    import importlib.metadata as md

    lines = [
        f"briefgen {__version__}",
        f"Python {platform.python_version()} ({platform.python_implementation()}, {sys.executable})",
        f"Qt {qVersion()}, Qt for Python {pyside_version}",
        f"Platform: {platform.platform()} ({platform.machine()})",
    ]
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        lines.append(f"Display: {QGuiApplication.platformName()}, colour scheme {_scheme_name(app)}")
    packages = []
    for name in ("nltk", "numpy", "reportlab", "python-docx", "pypdf", "trafilatura", "platformdirs"):
        try:
            packages.append(f"{name} {md.version(name)}")
        except md.PackageNotFoundError:
            packages.append(f"{name} (not found)")
    lines.append("Packages: " + ", ".join(packages))
    lines.append(f"Frozen app: {'yes' if getattr(sys, 'frozen', False) else 'no'}")
    lines.append(f"Log file: {log_file()}")
    return "\n".join(lines)


def _scheme_name(app: QGuiApplication) -> str:
    return str(app.styleHints().colorScheme().name).lower()


def copy_diagnostics() -> str:
    """Put :func:`diagnostic_text` on the clipboard and return it."""
    text = diagnostic_text()
    QGuiApplication.clipboard().setText(text)
    return text


def open_log_folder() -> bool:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
