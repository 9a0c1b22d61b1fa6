"""Add from web address in the app: the engine's protections hold (a page on this computer is refused unless the
user allows local addresses in Preferences), a link dropped from a browser is added, and the preference to turn
web sources off is obeyed. The pages come from a server the test runs on 127.0.0.1; nothing leaves the machine."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from briefgen.gui.errors_dialog import open_error_dialogs
from briefgen.gui.main_window import MainWindow
from briefgen.gui.url_import import UrlDialog, web_address
from tests.gui.conftest import LOAD_TIMEOUT_MS

PAGE = b"""<!doctype html><html><head><title>Harbour wall finished early</title></head><body><article>
<h1>Harbour wall finished early</h1>
<p>The new harbour wall at Eastmouth was finished two weeks early, the council said on Monday.</p>
<p>Engineers said the mild winter had helped. The wall cost 4.2 million pounds, less than planned.</p>
<p>Fishing crews welcomed the news and said the harbour would reopen to boats on Friday.</p>
</article></body></html>"""


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def page_url() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/harbour.html"
    server.shutdown()
    server.server_close()


def test_only_web_addresses_are_accepted() -> None:
    assert web_address(" https://example.org/a?b=1 ") == "https://example.org/a?b=1"
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "example.org", "ftp://example.org/x", ""):
        assert web_address(bad) is None, bad


def test_the_dialog_takes_a_link_from_the_clipboard_and_refuses_other_text(qtbot, window: MainWindow) -> None:
    QGuiApplication.clipboard().setText("https://example.org/report.pdf")
    dialog = UrlDialog(window)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.edit.text() == "https://example.org/report.pdf" and ok.isEnabled()
    dialog.edit.setText("not a link")
    assert not ok.isEnabled()


def test_a_page_on_this_computer_is_refused_until_local_addresses_are_allowed(
    qtbot, window: MainWindow, page_url: str
) -> None:
    window.add_paths([page_url])
    qtbot.waitUntil(lambda: bool(open_error_dialogs()), timeout=LOAD_TIMEOUT_MS)
    dialogs = open_error_dialogs()
    assert dialogs and page_url in dialogs[-1].informativeText()
    assert not window.workspace.state.corpus.sources
    for d in dialogs:
        d.close()

    window.settings.set("allow_local_urls", True)
    window._preferences_applied()
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS):
        window.add_paths([page_url])
    sources = window.workspace.state.corpus.sources
    assert [s.path for s in sources] == [page_url]
    assert "harbour wall" in window.preview_pane.toPlainText().lower()


def test_a_link_dropped_from_a_browser_is_added_unless_web_sources_are_off(
    qtbot, window: MainWindow, page_url: str
) -> None:
    window.settings.set("allow_local_urls", True)
    window._preferences_applied()
    mime = QMimeData()
    mime.setUrls([QUrl(page_url)])

    def drop() -> None:
        event = QDropEvent(
            QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        window.dropEvent(event)  # Qt delivers a drop only inside a real drag; the handler is what matters

    window.settings.set("allow_url_import", False)
    window._preferences_applied()
    assert not window.add_url_action.isEnabled()
    drop()
    assert window.runner.active() == 0 and "turned off" in window.status_label.text()

    window.settings.set("allow_url_import", True)
    window._preferences_applied()
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS):
        drop()
    assert [s.path for s in window.workspace.state.corpus.sources] == [page_url]


def test_the_last_address_is_offered_again_to_retry(qtbot, window: MainWindow) -> None:
    QGuiApplication.clipboard().setText("no link here")
    dialog = UrlDialog(window, last="https://example.org/failed-once")
    qtbot.addWidget(dialog)
    assert dialog.edit.text() == "https://example.org/failed-once"
