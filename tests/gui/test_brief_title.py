"""The brief's Title field: empty takes the automatic title (shown as the placeholder), a typed title retitles
the brief in one undo step, is saved in the project and is what the export uses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from briefgen.build_choices import build_from_choices
from briefgen.gui.main_window import MainWindow
from tests.gui.conftest import LOAD_TIMEOUT_MS, current, load

TYPED = "Talks in Geneva"


def test_a_typed_title_retitles_the_brief_undoably_and_is_saved_and_exported(
    qtbot, window: MainWindow, seeds_dir: Path, tmp_path: Path
) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    ws, field = window.workspace, window.title_field.edit
    automatic = current(window).brief.title
    assert field.text() == "" and automatic and automatic in field.placeholderText()
    steps = ws.undo_stack.count()

    field.setFocus()
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        qtbot.keyClicks(field, TYPED)
    assert ws.state.title == TYPED and current(window).brief.title == TYPED
    assert ws.undo_stack.count() == steps + 1, "typing a title is one undo step"
    assert ws.is_dirty() and window._export_name() == TYPED

    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        window.undo_action.trigger()
    assert ws.state.title == "" and field.text() == "" and current(window).brief.title == automatic
    window.redo_action.trigger()
    assert field.text() == TYPED

    project = tmp_path / "titled.briefgen"
    assert window.project_io.save_to(str(project))
    assert '"title": "Talks in Geneva"' in project.read_text(encoding="utf-8")
    window.workspace.set_title("")
    window.workspace.mark_saved(None)
    with qtbot.waitSignal(window.project_io.opened, timeout=LOAD_TIMEOUT_MS):
        window.project_io.open(str(project))
    assert ws.state.title == TYPED and field.text() == TYPED

    out = tmp_path / "brief.md"
    build_from_choices(ws.state.choices(), out)  # what the Export dialog builds
    assert f"\n# {TYPED}\n" in out.read_text(encoding="utf-8")


def test_clearing_the_title_gives_the_automatic_one_back(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    field = window.title_field.edit
    automatic = current(window).brief.title
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        qtbot.keyClicks(field, "X")
    assert current(window).brief.title == "X"
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert window.workspace.state.title == "" and current(window).brief.title == automatic
    assert automatic in field.placeholderText()


def test_a_first_save_proposes_the_brief_title_as_export_does(
    qtbot, window: MainWindow, seeds_dir: Path, monkeypatch
) -> None:
    """Save project proposed "brief.briefgen" while Export proposed the brief's title."""
    from PySide6.QtWidgets import QFileDialog

    load(qtbot, window, sorted(seeds_dir.iterdir()))
    window.workspace.set_title(TYPED)
    proposed: list[str] = []

    def fake_dialog(_parent, _caption, start, _filter):  # the user cancels
        proposed.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    from briefgen.gui.project_io import ProjectIO

    assert ProjectIO.ask_save_path(window.project_io) is None  # the real dialog call (the fixture blocks prompts)
    assert Path(proposed[0]).name == f"{TYPED}.briefgen"
