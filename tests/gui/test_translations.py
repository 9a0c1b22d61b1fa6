"""Translations: the committed English template (resources/translations/briefgen_en.ts) holds every text the app
wraps, the texts of the real windows are wrapped, and a translation changes them at run time."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QWidget

from briefgen.gui import translations
from briefgen.gui.length_controls import count_text
from briefgen.gui.main_window import MainWindow
from briefgen.gui.preferences import PreferencesDialog
from briefgen.gui.settings import Settings
from briefgen.gui.template_editor import TemplateEditor
from tests.load_script import load_script

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = REPO / "resources" / "translations" / "briefgen_en.ts"


def _load_tool() -> ModuleType:
    return load_script(REPO / "tools" / "update_translations.py")


tool = _load_tool()


def _need(name: str) -> None:
    if tool.find_tool(name) is None:
        pytest.skip(f"{name} is not installed (it ships with PySide6-Essentials)")


def _sources() -> set[str]:
    return {text for _context, text in tool.messages(TEMPLATE)}


# ---- the committed template is up to date --------------------------------------------------------------------
def test_the_committed_template_holds_every_wrapped_text_and_no_stale_one() -> None:
    _need("pyside6-lupdate")
    missing, stale = tool.stale_messages(TEMPLATE)
    assert not missing, f"texts not in {TEMPLATE.name} (run tools/update_translations.py): {sorted(missing)[:10]}"
    assert not stale, f"texts the app no longer has (run tools/update_translations.py): {sorted(stale)[:10]}"


def test_the_template_is_english_with_plural_forms_for_counts() -> None:
    root = ET.parse(TEMPLATE).getroot()
    assert (root.get("language"), root.get("sourcelanguage")) == ("en", "en")
    numerus = {m.findtext("source") for m in root.iter("message") if m.get("numerus") == "yes"}
    # counts wrapped with self.tr(text, "", n) are plural messages (lupdate 6.11 marks only those, not
    # QCoreApplication.translate(..., n) in module functions)
    assert {"{n} sentence(s)", "{n} source article(s)", "Carried by {n} source(s)"} <= numerus
    contexts = {c.findtext("name") for c in root.iter("context")}
    assert {"MainWindow", "PreferencesDialog", "TemplateEditor", "DialogButtons"} <= contexts
    assert all(name and name.isidentifier() for name in contexts), sorted(c or "" for c in contexts)


# ---- the real windows' texts are wrapped ---------------------------------------------------------------------
def _action_texts(widget: QWidget) -> set[str]:
    return {a.text() for a in widget.findChildren(QAction) if a.text() and not a.isSeparator()}


def _button_texts(widget: QWidget) -> set[str]:
    return {b.text() for b in widget.findChildren(QPushButton) if b.text()}


def test_menus_actions_and_buttons_of_the_windows_are_in_the_template(window: MainWindow) -> None:
    sources = _sources()
    menus = {a.text() for a in window.menuBar().actions()}
    assert {"&File", "&Edit", "&Help"} <= menus
    texts = {"menus": menus, "main window": _action_texts(window) | _button_texts(window)}
    window.show_preferences()
    preferences = window.preferences_dialog
    assert isinstance(preferences, PreferencesDialog)
    buttons = preferences.findChild(QDialogButtonBox)
    assert buttons is not None and {b.text() for b in buttons.buttons()} == {"&OK", "&Cancel"}
    texts["preferences"] = _button_texts(preferences)
    window.show_template_editor()
    editor = window.template_editor
    assert isinstance(editor, TemplateEditor)
    texts["template editor"] = _button_texts(editor) | _action_texts(editor)
    try:
        for where, found in texts.items():
            assert found, f"no texts found in the {where}: the scan is broken"
            unwrapped = sorted(found - sources)
            assert not unwrapped, f"texts of the {where} not wrapped for translation: {unwrapped}"
    finally:
        preferences.reject()
        editor.reject()


# ---- a translation changes the texts at run time -------------------------------------------------------------
def _write_ts(path: Path, language: str, entries: list[tuple[str, str, str | tuple[str, ...]]]) -> None:
    """A .ts file translating (context, source) to a text, or to plural forms for a numerus message."""
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    for context, source, translated in entries:
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        message = ET.SubElement(ctx, "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if isinstance(translated, tuple):
            message.set("numerus", "yes")
            for form in translated:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = translated
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


GERMAN: list[tuple[str, str, str | tuple[str, ...]]] = [
    ("MainWindow", "&File", "&Datei"),
    ("DialogButtons", "&Cancel", "&Abbrechen"),
    ("LengthControls", "% of the text", "% des Textes"),
    ("LengthControls", "{n} word(s)", ("{n} Wort", "{n} Wörter")),
]
"""One text of each kind: a class's ``self.tr``, a module's ``QT_TRANSLATE_NOOP`` constant translated where used
(two of them), and a plural message."""


def _compiled(tmp_path: Path, name: str = "briefgen_de") -> Path:
    _need("pyside6-lrelease")
    ts = tmp_path / f"{name}.ts"
    _write_ts(ts, "de", GERMAN)
    return Path(tool.lrelease(ts))


@pytest.fixture
def german(tmp_path: Path, qapp: QApplication) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(_compiled(tmp_path)))
    assert qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_a_translation_changes_the_texts_of_a_new_window(qtbot, german: QTranslator) -> None:
    win = MainWindow(Settings())
    try:
        assert "&Datei" in [a.text() for a in win.menuBar().actions()]
        assert "% des Textes" in [win.length.mode.itemText(i) for i in range(win.length.mode.count())]
        win.show_preferences()
        dialog = win.preferences_dialog
        assert isinstance(dialog, PreferencesDialog)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "&Abbrechen"
        dialog.reject()
        assert count_text(1, 2, None) == "1 Wort · 2 sentences"  # untranslated texts stay English
        assert count_text(1200, 1, None) == "1,200 Wörter · 1 sentence"
    finally:
        win.workspace.mark_saved(win.workspace.path)
        win.close()
        assert win.runner.shutdown(30_000)
        win.deleteLater()


def test_without_a_translation_the_english_plurals_are_used() -> None:
    assert count_text(1, 1, 1) == "1 word · 1 sentence · 1 page"
    assert QCoreApplication.translate("LengthControls", "{n} word(s)", None, 3) == "{n} word(s)"
    assert translations.plural_form("{n} page(s)", 1) == "{n} page"
    assert translations.plural_form("{n} Seiten", 3) == "{n} Seiten"  # a translated text is left alone


# ---- the app loads the translation for the system's language -------------------------------------------------
def test_the_app_installs_the_translation_for_the_locale_when_there_is_one(
    tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    _compiled(tmp_path)
    monkeypatch.setattr(translations, "translations_dir", lambda: tmp_path)
    installed = translations.install_translators(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        ours = [t for t in installed if t.objectName() == "translator-briefgen"]
        assert len(ours) == 1
        assert ours[0].translate("MainWindow", "&File") == "&Datei"
        assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
            translator.setParent(None)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    french = translations.install_translators(qapp, QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        assert not [t for t in french if t.objectName() == "translator-briefgen"]  # no briefgen_fr.qm
    finally:
        for translator in french:
            qapp.removeTranslator(translator)
            translator.setParent(None)
