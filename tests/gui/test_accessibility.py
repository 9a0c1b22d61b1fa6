"""Every control a keyboard or screen-reader user can reach has a name: its own accessible name, its text (a
button), or a label that is its buddy. Checked in the main window and every dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QWidget

from briefgen.gui.export_dialog import ExportDialog
from briefgen.gui.help import UserGuide
from briefgen.gui.main_window import MainWindow
from briefgen.gui.preferences import PreferencesDialog
from briefgen.gui.shortcuts import ShortcutsDialog
from briefgen.gui.template_editor import TemplateEditor
from briefgen.gui.url_import import UrlDialog

QT_INTERNAL = {"qt_spinbox_lineedit"}
"""A spin box's own line edit: screen readers announce the spin box."""


def unnamed_controls(top: QWidget) -> list[str]:
    buddies = {label.buddy() for label in top.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for widget in top.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(top):
            continue
        if widget.objectName() in QT_INTERNAL or widget.accessibleName() or widget in buddies:
            continue
        parent = widget.parent()
        if isinstance(parent, QComboBox) and parent.accessibleName():
            continue  # an editable combo box's own line edit: the combo box is announced
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        missing.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    return missing


def test_every_reachable_control_has_a_name(qtbot, window: MainWindow) -> None:
    dialogs: list[QWidget] = [
        window,
        PreferencesDialog(window.settings, window),
        ExportDialog(window.workspace.state.choices(), window.runner, window.settings, parent=window),
        TemplateEditor("policy-brief", window.runner, window),
        UserGuide(window),
        ShortcutsDialog(window),
        UrlDialog(window),
    ]
    found = {}
    for top in dialogs:
        top.show()
        found[type(top).__name__] = unnamed_controls(top)
        if top is not window:
            top.close()
    assert found == {name: [] for name in found}
