"""Adding sources from the web: the address dialog (pre-filled from the clipboard), links dropped from a browser,
and the preferences that govern both. The fetching itself is the engine's (:mod:`briefgen.ingest.url`), with its
protections: local and private addresses refused unless the user allows them, one deadline, a size cap."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from briefgen.gui.mnemonics import label_buttons
from briefgen.gui.settings import Settings

WEB_SCHEMES = ("http", "https")


def web_address(text: str) -> str | None:
    """*text* as a web address when it is one (``http``/``https`` with a host), else ``None``."""
    url = QUrl(text.strip(), QUrl.ParsingMode.StrictMode)
    if url.isValid() and url.scheme().lower() in WEB_SCHEMES and url.host():
        return url.toString()
    return None


def web_links(mime: QMimeData) -> list[str]:
    """The web addresses in a drop (a link dragged from a browser), local files left out."""
    links = [web_address(u.toString()) for u in mime.urls() if not u.isLocalFile()]
    if not links and mime.hasText():
        links = [web_address(line) for line in mime.text().splitlines()]
    return [link for link in links if link]


def apply_url_preferences(settings: Settings) -> None:
    """Tell the engine whether web sources on this computer or the local network may be fetched."""
    from briefgen.ingest.url_options import UrlFetchOptions, set_default_url_options

    set_default_url_options(UrlFetchOptions(allow_local_urls=bool(settings.get("allow_local_urls"))))


class UrlDialog(QDialog):
    """Asks for a web address; OK is enabled only for an http or https address."""

    def __init__(self, parent: QWidget | None = None, last: str = "") -> None:
        """*last* is the address asked for before (shown again, so a failed fetch can be retried or corrected),
        unless the clipboard holds another web address."""
        super().__init__(parent)
        self.setObjectName("urlDialog")
        self.setWindowTitle(self.tr("Add from web address"))
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("https://…")
        self.edit.setAccessibleName(self.tr("Web address"))
        self.edit.setMinimumWidth(420)
        label = QLabel(self.tr("&Web address of a page, PDF or Word file:"), self)
        label.setBuddy(self.edit)
        note = QLabel(self.tr("briefgen reads the page once and keeps its text in the project."), self)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        label_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._check)
        pasted = web_address(QGuiApplication.clipboard().text()) or web_address(last)
        if pasted:
            self.edit.setText(pasted)
            self.edit.selectAll()
        self._check()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(web_address(self.edit.text()) is not None)

    def address(self) -> str | None:
        return web_address(self.edit.text())
