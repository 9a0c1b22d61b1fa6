"""The keyboard: Ctrl+E from anywhere, both redo keys, unique mnemonics in each window, mnemonics on every
dialog's buttons, and Help > Keyboard shortcuts listing every shortcut."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QWidget,
)

from briefgen.gui.about import show_about
from briefgen.gui.app import ask_recover
from briefgen.gui.errors_dialog import open_error_dialogs, show_error
from briefgen.gui.export_dialog import ExportDialog
from briefgen.gui.help import UserGuide
from briefgen.gui.main_window import MainWindow
from briefgen.gui.mnemonics import mnemonic_of
from briefgen.gui.pdf_preview import PdfPreviewDialog
from briefgen.gui.preferences import PreferencesDialog
from briefgen.gui.project_io import ProjectIO
from briefgen.gui.shortcuts import ShortcutsDialog, typeable
from briefgen.gui.template_editor import TemplateEditor
from briefgen.project.format import ProjectSource
from briefgen.project.remap import ChangeKind, SourceChange
from briefgen.summarize.api import Budget

NATIVE = QKeySequence.SequenceFormat.NativeText


def _activate(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _close_error_dialogs() -> None:
    for dialog in open_error_dialogs():
        dialog.close()


class ClaimsCtrlE(QObject):
    """What a line edit does with the X11 key scheme (Linux desktops), where Ctrl+E is "end of line": it
    claims the key before shortcuts see it. Offscreen Qt uses the Windows scheme, so the test adds the claim."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        claimed = (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+E")
        )
        if claimed:
            event.accept()
        return claimed


def test_ctrl_e_exports_when_a_spin_box_or_text_field_has_the_focus(qtbot, window: MainWindow) -> None:
    x11_scheme = QKeySequence("Ctrl+E") in QKeySequence.keyBindings(QKeySequence.StandardKey.MoveToEndOfLine)
    claim = ClaimsCtrlE(window)
    window.find_bar.start(window.reading)
    for field in (window.length.spin, window.find_bar.edit, window.tree):
        _activate(qtbot, window)
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        focused = QApplication.focusWidget()  # the spin box's own line edit
        assert focused is not None
        if not x11_scheme and field is not window.tree:
            focused.installEventFilter(claim)
            # a line edit claims the key in its own event handler, after every filter: focus again, so the
            # window's guard (which follows the focus) is installed after the claim and runs before it, as there
            field.clearFocus()
            field.setFocus()
            qtbot.waitUntil(lambda f=focused: QApplication.focusWidget() is f)
        with qtbot.waitSignal(window.export_action.triggered, timeout=2000):
            qtbot.keyClick(focused, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        focused.removeEventFilter(claim)
        assert open_error_dialogs()  # nothing to export yet: it says so
        _close_error_dialogs()


def test_ctrl_y_and_ctrl_shift_z_both_redo(qtbot, window: MainWindow) -> None:
    _activate(qtbot, window)
    ws = window.workspace
    window.tree.setFocus()
    for keys in ("Ctrl+Y", "Ctrl+Shift+Z"):
        assert QKeySequence(keys) in window.redo_action.shortcuts()
        ws.set_budget(Budget(words=ws.state.budget.words + 100 if ws.state.budget.words else 300))
        changed = ws.state.budget
        ws.undo_stack.undo()
        assert ws.state.budget != changed
        qtbot.keySequence(window.tree, QKeySequence(keys))
        assert ws.state.budget == changed, keys
        ws.undo_stack.clear()


def _mnemonics(window: QWidget) -> dict[str, list[QWidget | QAction]]:
    """Letter -> what Alt+letter reaches in *window* (labels reach their buddy, buttons press, menus open)."""
    found: dict[str, list[QWidget | QAction]] = defaultdict(list)
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if letter := mnemonic_of(action.text()):
                found[letter].append(action)
    for label in window.findChildren(QLabel):
        if label.buddy() is not None and label.window() is window and (letter := mnemonic_of(label.text())):
            found[letter].append(label)
    for button in window.findChildren(QAbstractButton):
        if button.window() is window and (letter := mnemonic_of(button.text())):
            found[letter].append(button)
    for box in window.findChildren(QGroupBox):
        if box.window() is window and (letter := mnemonic_of(box.title())):
            found[letter].append(box)
    return found


def _clashes(found: dict[str, list[QWidget | QAction]]) -> dict[str, list[str]]:
    """Letters reaching more than one control."""
    return {
        letter: [w.text() if hasattr(w, "text") else w.objectName() for w in ws]
        for letter, ws in found.items()
        if len(ws) > 1
    }


def test_mnemonics_are_unique_in_the_main_window_and_its_menus(window: MainWindow) -> None:
    assert _clashes(_mnemonics(window)) == {}
    for menu in window.menuBar().findChildren(QMenu):
        letters = [mnemonic_of(a.text()) for a in menu.actions() if not a.isSeparator()]
        letters = [x for x in letters if x]
        assert len(letters) == len(set(letters)), [a.text() for a in menu.actions()]


def test_mnemonics_are_unique_in_the_export_dialog_and_the_template_editor(window: MainWindow) -> None:
    dialog = ExportDialog(window.workspace.state.choices(), window.runner, window.settings, parent=window)
    assert _clashes(_mnemonics(dialog)) == {}
    dialog.deleteLater()
    editor = TemplateEditor("policy-brief", window.runner, window)
    assert _clashes(_mnemonics(editor)) == {}
    editor.close()
    preferences = PreferencesDialog(window.settings, window)
    assert _clashes(_mnemonics(preferences)) == {}
    preferences.deleteLater()


def _button_texts(widget: QWidget) -> list[str]:
    return [b.text() for b in widget.findChildren(QAbstractButton) if b.text() and b.window() is widget]


def _answer_next_dialog(record: list[list[str]], press: str) -> None:
    """When the next modal dialog shows: note its buttons' texts and press the one whose text is *press*."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, answer)
            return
        buttons = [b for b in dialog.findChildren(QAbstractButton) if b.text() and b.isVisible()]
        record.append([b.text() for b in buttons])
        chosen = [b for b in buttons if b.text() == press]
        if chosen:
            chosen[0].click()
        elif isinstance(dialog, QDialog):  # not there: close it anyway, the test fails on the texts
            dialog.reject()

    QTimer.singleShot(0, answer)


def _modal_buttons(call: Callable[[], object], press: str = "&Cancel") -> list[str]:
    record: list[list[str]] = []
    _answer_next_dialog(record, press)
    call()
    assert record, "no dialog was shown"
    return record[0]


def test_every_dialog_button_has_a_mnemonic(qtbot, window: MainWindow, tmp_path: Path) -> None:
    texts: list[str] = []
    export = ExportDialog(window.workspace.state.choices(), window.runner, window.settings, parent=window)
    texts += _button_texts(export)
    export.deleteLater()
    preview = PdfPreviewDialog(str(tmp_path / "missing.pdf"), window.runner, window)
    with qtbot.waitSignal(preview.job.signals.done, timeout=10_000):
        pass
    texts += _button_texts(preview)
    preview.close()
    editor = TemplateEditor("policy-brief", window.runner, window)
    texts += _button_texts(editor)
    texts += _modal_buttons(lambda: editor.ask_name("Save as new template", "team"))
    texts += _modal_buttons(lambda: editor.confirm_delete("team"))
    editor.close()
    texts += _button_texts(ShortcutsDialog(window))
    texts += _button_texts(PreferencesDialog(window.settings, window))
    texts += _button_texts(UserGuide(window))
    box = show_error(window, "Something", ValueError("bad"))
    texts += _button_texts(box)
    box.close()
    io = window.project_io
    change = SourceChange(ChangeKind.MISSING, ProjectSource("a.txt", "0" * 64, "s1"), "a.txt", "not found")
    texts += _modal_buttons(lambda: ProjectIO.ask_unsaved(io))
    texts += _modal_buttons(lambda: ProjectIO.ask_missing(io, change))
    texts += _modal_buttons(lambda: ProjectIO.tell_changed(io, [change]), press="&OK")
    texts += _modal_buttons(lambda: show_about(window), press="&OK")
    texts += _modal_buttons(lambda: ask_recover(window), press="&No")
    missing = [t for t in texts if not mnemonic_of(t)]
    assert not missing
    assert {"&Cancel", "&OK", "&Close", "&Export", "Open in PDF &viewer", "Fit &width", "&Don't save"} <= set(texts)


def test_keyboard_shortcuts_lists_every_shortcut(qtbot, window: MainWindow) -> None:
    help_menu = window.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu) and window.shortcuts_action in help_menu.actions()
    window.shortcuts_action.trigger()
    dialog = window.shortcuts_dialog
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    rows = dialog.rows()

    def in_window(action: QAction) -> bool:
        owner = action.parent()
        return isinstance(owner, QWidget) and owner.window() is window

    actions = [a for a in window.findChildren(QAction) if a.shortcuts() and in_window(a)]
    assert len(actions) >= 14
    for action in actions:
        name = action.property("shortcutName") or action.text().replace("&", "").rstrip("…")
        keys = [k.toString(NATIVE) for k in action.shortcuts() if typeable(k.toString())]
        assert any(row_name.startswith(name) and all(k in row_keys for k in keys) for row_name, row_keys in rows), (
            name,
            keys,
        )
    redo = next(keys for name, keys in rows if name == "Redo")
    assert "Ctrl+Y" in redo and "Ctrl+Shift+Z" in redo
    undo = next(keys for name, keys in rows if name == "Undo")
    assert undo.startswith("Ctrl+Z") and "F14" not in undo and not undo.endswith(" or Undo"), undo
    assert ("Export brief", "Ctrl+E") in rows
    assert any(name.startswith("Pin sentence (in the") and "reading pane" in name for name, _ in rows)
    assert any(name == "Zoom in (in the PDF preview)" for name, _ in rows)
    dialog.close()


def test_undo_and_redo_keys_in_the_title_and_length_fields_step_through_the_window_history(
    qtbot, window: MainWindow
) -> None:
    """Ctrl+Z in the title field used the field's own undo, which the window recorded as a new edit (Redo stayed
    grey), and did nothing in the Length box: in both, the keys now undo and redo the window's history."""
    _activate(qtbot, window)
    ws, field = window.workspace, window.title_field.edit
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Talks")
    assert ws.state.title == "Talks"
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.state.title == "" and field.text() == ""
    assert window.redo_action.isEnabled(), "undo in the field is the window's undo, so it can be redone"
    qtbot.keyClick(field, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert ws.state.title == "Talks" and field.text() == "Talks"

    spin = window.length.spin
    spin.setFocus()
    focused = QApplication.focusWidget()  # the spin box's own line edit
    assert focused is not None
    before = ws.state.budget
    spin.setValue(spin.value() + 50)
    assert ws.state.budget != before
    qtbot.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.state.budget == before and spin.value() == (before.words or before.sentences or spin.value())
