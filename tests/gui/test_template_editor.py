"""The template editor: every setting in the form, inline validation, live sample, and the store actions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDoubleSpinBox, QLineEdit

from briefgen.gui.main_window import MainWindow
from briefgen.gui.template_editor import TemplateEditor
from briefgen.gui.template_fields import ColourEdit
from briefgen.templates import store
from briefgen.templates.serialize import template_to_dict

TIMEOUT_MS = 60_000


def _editor(window: MainWindow) -> TemplateEditor:
    window.show_template_editor()
    editor = window.template_editor
    assert isinstance(editor, TemplateEditor)
    return editor


def _leaf_paths(data: dict[str, object], prefix: str = "") -> set[str]:
    out: set[str] = set()
    for key, value in data.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            out |= _leaf_paths(value, path)
        elif key not in ("schema_version", "parts") and not path.startswith("summary"):
            out.add(path)
    return out


def test_form_covers_every_setting_and_round_trips(qtbot, window: MainWindow) -> None:
    editor = _editor(window)
    assert editor.current_name() == "policy-brief" and editor.builtin
    data = template_to_dict(store.get_template("policy-brief"))
    missing = {p for p in _leaf_paths(data) if editor.form.widget(p) is None}
    assert not missing
    assert editor.edited() == store.get_template("policy-brief")
    assert not editor.buttons["save"].isEnabled()  # built-ins are read-only
    editor.close()


def test_a_long_text_shows_its_beginning(qtbot, window: MainWindow) -> None:
    """A description longer than its field showed only its end ("…ey points, a short summary and…")."""
    editor = _editor(window)
    description = editor.form.widget("description")
    assert isinstance(description, QLineEdit) and len(description.text()) > 40
    assert description.cursorPosition() == 0
    editor.close()


def test_invalid_value_is_reported_inline_and_blocks_saving(qtbot, window: MainWindow) -> None:
    editor = _editor(window)
    colour = editor.form.widget("colours.accent")
    assert isinstance(colour, ColourEdit)
    colour.edit.setText("#12")
    assert editor.error is not None
    assert "colours.accent" in editor.message.text()
    assert "border" in colour.styleSheet()
    assert not editor.buttons["save_as"].isEnabled()
    colour.edit.setText("#123456")
    assert editor.error is None and "valid" in editor.message.text()
    editor.close()


def test_save_as_new_rename_duplicate_export_import_delete(
    qtbot, monkeypatch: pytest.MonkeyPatch, window: MainWindow, tmp_path: Path
) -> None:
    editor = _editor(window)
    label = editor.form.widget("label")
    assert isinstance(label, QLineEdit)
    label.setText("Team brief")
    size = editor.form.widget("fonts.size")
    assert isinstance(size, QDoubleSpinBox)
    size.setValue(12)
    monkeypatch.setattr(editor, "ask_name", lambda title, default: "team")
    with qtbot.waitSignal(editor.templatesChanged, timeout=TIMEOUT_MS):
        assert editor.save_as_new()
    saved = store.get_template("team")
    assert saved.style.fonts.base_size_pt == 12 and editor.current_name() == "team"
    assert window.length.template.findData("team") >= 0  # the main window's chooser was refreshed
    # rename
    monkeypatch.setattr(editor, "ask_name", lambda title, default: "team2")
    assert editor.rename()
    names = {i.name for i in store.list_templates()}
    assert "team2" in names and "team" not in names
    # duplicate, export, delete, import back
    assert editor.duplicate()
    assert "team2-copy" in {i.name for i in store.list_templates()}
    target = tmp_path / "exported.json"
    monkeypatch.setattr(editor, "ask_export_path", lambda name: str(target))
    assert editor.export_file()
    assert json.loads(target.read_text(encoding="utf-8"))["name"] == "team2-copy"
    monkeypatch.setattr(editor, "confirm_delete", lambda name: True)
    assert editor.delete()
    assert "team2-copy" not in {i.name for i in store.list_templates()}
    monkeypatch.setattr(editor, "ask_import_path", lambda: str(target))
    assert editor.import_file()
    assert editor.current_name() == "team2-copy"
    editor.close()


def test_live_sample_is_drawn(qtbot, window: MainWindow) -> None:
    editor = _editor(window)
    with qtbot.waitSignal(editor.sampleReady, timeout=TIMEOUT_MS):
        editor.refresh_sample()
    pixmap = editor.sample.pixmap()
    assert pixmap is not None and not pixmap.isNull() and pixmap.width() > 100
    editor.close()


def test_use_template_switches_the_workspace(qtbot, window: MainWindow) -> None:
    editor = TemplateEditor("policy-brief", window.runner, window)
    editor.templateChosen.connect(window.workspace.set_template)
    names = [editor.list.item(i).data(256) for i in range(editor.list.count())]
    other = next(n for n in names if n != "policy-brief")
    editor.list.setCurrentRow(names.index(other))
    editor.use()
    assert window.workspace.state.template == other
    editor.close()
