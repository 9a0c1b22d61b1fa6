"""Opening a project whose sources lie outside its folder: the app lists them and asks before reading any."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from briefgen.gui.main_window import MainWindow
from briefgen.gui.project_io import ProjectIO
from briefgen.ingest import load_sources
from briefgen.project.format import save_project
from briefgen.project.workspace import WorkspaceState
from tests.gui.conftest import LOAD_TIMEOUT_MS

TEXT = (
    "Private Notes\n\nThe council approved the budget on Tuesday after a long debate. Libraries will close on "
    "Mondays from April. The bus subsidy will be reviewed again in the autumn.\n"
)


def _project_reading_elsewhere(tmp_path: Path) -> tuple[Path, Path]:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text(TEXT, encoding="utf-8")
    folder = tmp_path / "received"
    folder.mkdir()
    project = folder / "from-a-colleague.briefgen"
    save_project(WorkspaceState(load_sources([str(elsewhere)]).corpus).to_project(project), project)
    return project, elsewhere


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Open])
def test_the_app_lists_outside_sources_and_reads_them_only_when_told(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton
) -> None:
    project, elsewhere = _project_reading_elsewhere(tmp_path)
    io = window.project_io
    monkeypatch.setattr(io, "ask_outside", ProjectIO.ask_outside.__get__(io))  # the real question
    shown: list[tuple[str, str, object]] = []

    def answer_box(box: QMessageBox) -> int:
        shown.append(
            (box.text(), box.informativeText(), box.defaultButton() and box.standardButton(box.defaultButton()))
        )
        return int(answer.value)

    monkeypatch.setattr(QMessageBox, "exec", answer_box)
    opened: list[str] = []
    io.opened.connect(opened.append)
    if answer == QMessageBox.StandardButton.Open:
        with qtbot.waitSignal(io.opened, timeout=LOAD_TIMEOUT_MS):
            io.open(str(project))
        assert [s.path for s in window.workspace.state.corpus.sources] == [str(elsewhere.resolve())]
    else:
        io.open(str(project))
        qtbot.wait(50)
        assert opened == [] and window.workspace.path is None
        assert not window.workspace.state.corpus.sources
    ((text, listed, default),) = shown
    assert "outside its folder" in text
    assert str(elsewhere.resolve()) in listed
    assert default == QMessageBox.StandardButton.Cancel  # reading is never the default


def test_a_project_already_opened_here_is_not_asked_about_again(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, _ = _project_reading_elsewhere(tmp_path)
    io = window.project_io
    asked: list[list[str]] = []

    def allow(files: list[str]) -> bool:
        asked.append(files)
        return True

    monkeypatch.setattr(io, "ask_outside", allow)
    with qtbot.waitSignal(io.opened, timeout=LOAD_TIMEOUT_MS):
        io.open(str(project))
    io.open(str(project), ask=False)  # now one of the user's recent projects: the question comes before any work
    assert len(asked) == 1
    qtbot.waitUntil(lambda: window.runner.active() == 0, timeout=LOAD_TIMEOUT_MS)
