"""The template editor offers the installed font families beside serif and sans, and a file chooser for the logo;
both reach the template the editor saves."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QFileDialog

from briefgen.gui import template_fields
from briefgen.gui.main_window import MainWindow
from briefgen.gui.template_editor import TemplateEditor
from briefgen.gui.template_fields import LogoEdit, installed_families


def test_font_boxes_offer_serif_sans_and_installed_families(qtbot, window: MainWindow) -> None:
    families = installed_families()
    if not families:
        pytest.skip("Qt lists no installed font families on this machine")
    editor = TemplateEditor("policy-brief", window.runner, window)
    qtbot.addWidget(editor)
    body = editor.form.widget("fonts.body")
    assert isinstance(body, QComboBox) and body.isEditable()
    items = [body.itemText(i) for i in range(body.count())]
    assert items[:2] == ["serif", "sans"] and families[0] in items
    body.setCurrentText(families[0])
    assert editor.form.to_dict()["fonts"]["body"] == families[0]
    body.setCurrentText("A family typed by hand")
    assert editor.form.to_dict()["fonts"]["body"] == "A family typed by hand"


def test_the_logo_is_chosen_with_a_file_dialog(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logo = tmp_path / "crest.png"
    asked: list[str] = []

    def choose(_parent: object, title: str, _start: str, _filter: str) -> tuple[str, str]:
        asked.append(title)
        return str(logo), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    editor = TemplateEditor("policy-brief", window.runner, window)
    qtbot.addWidget(editor)
    field = editor.form.widget("logo.path")
    assert isinstance(field, LogoEdit)
    assert field.button.text().replace("&", "") == "Choose logo…"
    field.button.click()
    assert asked and field.text() == str(logo)
    assert editor.form.to_dict()["logo"]["path"] == str(logo)
    field.edit.clear()
    assert editor.form.to_dict()["logo"]["path"] is None
    assert template_fields.LOGO_FILTER.startswith("Images (")
