"""Template names are checked as they are typed; every stored template can be deleted, broken ones included;
the mouse wheel over a field of the form scrolls the form unless the field has the focus."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QLineEdit,
    QScrollArea,
)

from briefgen.gui.errors_dialog import open_error_dialogs
from briefgen.gui.main_window import MainWindow
from briefgen.gui.template_editor import TemplateEditor
from briefgen.gui.template_names import NameDialog
from briefgen.templates import store
from tests.gui.conftest import send_wheel


def _editor(window: MainWindow) -> TemplateEditor:
    window.show_template_editor()
    editor = window.template_editor
    assert isinstance(editor, TemplateEditor)
    return editor


def test_a_name_is_checked_as_it_is_typed(qtbot, window: MainWindow) -> None:
    editor = _editor(window)
    typed: list[str] = []

    def type_a_name() -> None:
        dialog = getattr(editor, "name_dialog", None)
        if not isinstance(dialog, NameDialog):  # some other prompt: close it, the test fails below
            shown = QApplication.activeModalWidget()
            if isinstance(shown, QDialog):
                shown.reject()
            return
        assert dialog.isVisible()
        assert "lowercase letters, digits, - and _" in dialog.rule.text().lower()
        dialog.edit.clear()
        assert not dialog.ok_button.isEnabled()
        qtbot.keyClicks(dialog.edit, "Analyst draft!/")  # capitals and spaces fixed, the rest refused
        typed.append(dialog.edit.text())
        assert dialog.ok_button.isEnabled() and dialog.ok_button.text() == "&OK"
        dialog.ok_button.click()

    QTimer.singleShot(0, type_a_name)
    with qtbot.waitSignal(editor.templatesChanged, timeout=10_000):
        assert editor.save_as_new()
    assert typed == ["analyst-draft"]
    assert store.get_template("analyst-draft").name == "analyst-draft"
    assert editor.current_name() == "analyst-draft"
    assert not any("cannot be used" in editor.list.item(i).text() for i in range(editor.list.count()))
    editor.close()


def test_the_form_name_field_takes_only_usable_names(qtbot, window: MainWindow) -> None:
    editor = _editor(window)
    name = editor.form.widget("name")
    assert isinstance(name, QLineEdit)
    name.clear()
    qtbot.keyClicks(name, "Team Brief #2")
    assert name.text() == "team-brief-2"
    assert editor.error is None
    editor.close()


def test_a_name_that_slips_through_is_refused_not_stored(
    qtbot, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    editor = _editor(window)
    monkeypatch.setattr(editor, "ask_name", lambda title, default: "Analyst draft")
    assert not editor.save_as_new()
    dialogs = open_error_dialogs()
    assert dialogs and "not a template name" in dialogs[-1].informativeText()
    for d in dialogs:
        d.close()
    assert not store.user_templates_dir().exists() or not list(store.user_templates_dir().iterdir())
    editor.close()


def _click_item(qtbot, editor: TemplateEditor, text_start: str) -> None:
    row = next(i for i in range(editor.list.count()) if editor.list.item(i).text().startswith(text_start))
    rect = editor.list.visualItemRect(editor.list.item(row))
    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.list.currentRow() == row


def test_broken_templates_can_be_deleted(qtbot, monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> None:
    folder = store.user_templates_dir()
    folder.mkdir(parents=True)
    badly_named = folder / "Analyst draft.json"  # what the editor used to save
    badly_named.write_text(json.dumps({"schema_version": 1, "name": "Analyst draft"}), encoding="utf-8")
    not_json = folder / "broken.json"
    not_json.write_text("{ not json", encoding="utf-8")
    editor = _editor(window)
    monkeypatch.setattr(editor, "confirm_delete", lambda name: True)
    for start, path in (("Analyst draft", badly_named), ("broken", not_json)):
        _click_item(qtbot, editor, start)
        assert editor.broken is not None
        assert "cannot be used" in editor.message.text()
        assert editor.buttons["delete"].isEnabled()
        assert not editor.buttons["use"].isEnabled() and not editor.buttons["save"].isEnabled()
        with qtbot.waitSignal(editor.templatesChanged, timeout=5000):
            editor.buttons["delete"].click()
        assert not path.exists()
        assert not any(editor.list.item(i).text().startswith(start) for i in range(editor.list.count()))
    assert editor.broken is None and editor.form.isEnabled()
    editor.close()


def test_the_wheel_scrolls_the_form_unless_the_field_has_the_focus(qtbot, window: MainWindow) -> None:
    editor = _editor(window)
    qtbot.waitExposed(editor)
    scroll = next(a for a in editor.findChildren(QScrollArea) if a.widget() is editor.form)
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the form is taller than its scroll area
    size = editor.form.widget("fonts.size")
    choice = editor.form.widget("page.size")
    assert isinstance(size, QDoubleSpinBox) and isinstance(choice, QComboBox)
    value, index = size.value(), choice.currentIndex()
    editor.list.setFocus()
    send_wheel(size, -1)
    assert size.value() == value and bar.value() > 0
    scrolled = bar.value()
    send_wheel(choice, -1)
    assert choice.currentIndex() == index and bar.value() > scrolled
    # with the focus, the wheel changes the value
    editor.activateWindow()
    size.setFocus()
    qtbot.waitUntil(size.hasFocus)
    send_wheel(size, 1)
    assert size.value() == value + 1
    editor.close()
