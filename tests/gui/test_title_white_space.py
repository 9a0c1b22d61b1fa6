"""A brief title of white space alone counts as no title: the field shows its placeholder (the automatic title),
the brief and its export take the automatic title, and the project saves no title."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QToolButton

from briefgen.build_choices import build_from_choices
from briefgen.gui.main_window import MainWindow
from tests.gui.conftest import LOAD_TIMEOUT_MS, current, load


def _clear_button_shown(field: QLineEdit) -> bool:
    return any(button.isVisible() for button in field.findChildren(QToolButton))


def test_spaces_typed_in_the_title_field_leave_the_automatic_title(
    qtbot, window: MainWindow, seeds_dir: Path, tmp_path: Path
) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    ws, field = window.workspace, window.title_field.edit
    automatic = current(window).brief.title
    steps = ws.undo_stack.count()
    field.setFocus()
    qtbot.keyClicks(field, "   ")
    qtbot.waitUntil(lambda: field.text() == "", timeout=2_000)  # the field empties, so its placeholder shows
    qtbot.waitUntil(lambda: not _clear_button_shown(field), timeout=2_000)  # nothing to clear: it fades out
    assert field.placeholderText() == f"Automatic: {automatic}"
    assert ws.state.title == "" and ws.undo_stack.count() == steps, "nothing changed: no undo step"
    assert window._export_name() != ""

    project = tmp_path / "spaces.briefgen"
    assert window.project_io.save_to(str(project))
    assert "title" not in json.loads(project.read_text(encoding="utf-8"))


def test_deleting_a_title_down_to_spaces_brings_the_automatic_title_back(
    qtbot, window: MainWindow, seeds_dir: Path
) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    ws, field = window.workspace, window.title_field.edit
    automatic = current(window).brief.title
    field.setFocus()
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        qtbot.keyClicks(field, "X")
        qtbot.keyClick(field, Qt.Key.Key_Home)
        qtbot.keyClicks(field, "  ")
    assert ws.state.title == "  X" and current(window).brief.title == "X"
    qtbot.keyClick(field, Qt.Key.Key_End)
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        qtbot.keyClick(field, Qt.Key.Key_Backspace)  # "  " is left
    qtbot.waitUntil(lambda: field.text() == "", timeout=2_000)
    assert ws.state.title == ""
    qtbot.waitUntil(lambda: not _clear_button_shown(field), timeout=2_000)
    assert current(window).brief.title == automatic
    assert field.placeholderText() == f"Automatic: {automatic}"


def test_a_project_whose_title_is_white_space_opens_with_the_automatic_title(
    qtbot, window: MainWindow, seeds_dir: Path, tmp_path: Path
) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    project = tmp_path / "spaces.briefgen"
    assert window.project_io.save_to(str(project))
    data = json.loads(project.read_text(encoding="utf-8"))
    data["title"] = " \t "
    project.write_text(json.dumps(data), encoding="utf-8")
    window.workspace.mark_saved(None)
    with qtbot.waitSignal(window.project_io.opened, timeout=LOAD_TIMEOUT_MS):
        window.project_io.open(str(project))
    ws, field = window.workspace, window.title_field.edit
    qtbot.waitUntil(lambda: window.preview.result is not None and not window.preview.busy(), timeout=LOAD_TIMEOUT_MS)
    automatic = current(window).brief.title
    assert automatic.strip() and field.text() == ""
    assert field.placeholderText() == f"Automatic: {automatic}"
    out = tmp_path / "brief.md"
    build_from_choices(ws.state.choices(), out)  # what the Export dialog builds
    assert f"\n# {automatic}\n" in out.read_text(encoding="utf-8")
    assert window.project_io.save_to(str(project))
    assert "title" not in json.loads(project.read_text(encoding="utf-8"))
