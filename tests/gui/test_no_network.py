"""The app touches no network: with every socket connection and name lookup refused (and recorded), a session
that loads sources, updates the brief, draws a template sample and exports PDF and Word works as usual."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from briefgen.gui.export_dialog import ExportDialog
from briefgen.gui.main_window import MainWindow
from briefgen.gui.template_editor import TemplateEditor
from tests.gui.conftest import LOAD_TIMEOUT_MS, load


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    tried: list[str] = []

    def refuse(*args: Any, **_kwargs: Any) -> Any:
        tried.append(repr(args[:2]))
        raise OSError("network access is blocked in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return tried


def test_a_whole_session_with_the_network_blocked(
    qtbot, window: MainWindow, attempts: list[str], samples_dir: Path, tmp_path: Path
) -> None:
    load(qtbot, window, sorted(samples_dir.iterdir()))
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        window.choose_template("research-digest")
    assert window.preview.error is None
    editor = TemplateEditor("policy-brief", window.runner, window)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.sampleReady, timeout=LOAD_TIMEOUT_MS):
        editor.refresh_sample()
    editor.close()
    for fmt in ("pdf", "docx"):
        window.show_export()
        dialog = window.export_dialog
        assert isinstance(dialog, ExportDialog)
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        dialog.path.setText(str(tmp_path / f"brief.{fmt}"))
        with qtbot.waitSignal(dialog.exported, timeout=LOAD_TIMEOUT_MS):
            dialog.export_button.click()
        assert (tmp_path / f"brief.{fmt}").stat().st_size > 1000
    assert attempts == []
