"""Export with "Open when done" when no program opens the file: the main window says so, naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from briefgen.gui.export_dialog import ExportDialog
from briefgen.gui.main_window import MainWindow
from tests.gui.conftest import LOAD_TIMEOUT_MS, load


@pytest.mark.parametrize(("fmt", "kind"), [("docx", "Word files"), ("md", "Markdown files")])
def test_no_program_to_open_the_export_is_told_in_the_window(
    qtbot, window: MainWindow, seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, kind: str
) -> None:
    asked: list[QUrl] = []

    def no_program(url: QUrl) -> bool:
        asked.append(url)
        return False  # what Qt answers when nothing on the system opens the file

    monkeypatch.setattr(QDesktopServices, "openUrl", no_program)
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    window.show_export()
    dialog = window.export_dialog
    assert isinstance(dialog, ExportDialog)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    path = tmp_path / f"brief.{fmt}"
    dialog.path.setText(str(path))
    dialog.open_when_done.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=LOAD_TIMEOUT_MS):
        dialog.export_button.click()
    assert path.is_file()
    assert [u.toLocalFile() for u in asked] == [str(path)]
    message = window.statusBar().currentMessage()
    assert message == f"Saved brief.{fmt} in {tmp_path}, but no program here opens {kind}.", message


def test_a_program_that_opens_the_export_leaves_the_usual_notice(
    qtbot, window: MainWindow, seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    window.show_export()
    dialog = window.export_dialog
    assert isinstance(dialog, ExportDialog)
    dialog.format.setCurrentIndex(dialog.format.findData("docx"))
    dialog.path.setText(str(tmp_path / "opened.docx"))
    dialog.open_when_done.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=LOAD_TIMEOUT_MS):
        dialog.export_button.click()
    assert window.statusBar().currentMessage() == f"Exported to {tmp_path / 'opened.docx'}"
