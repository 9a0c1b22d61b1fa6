"""Keyboard shortcuts: the list in Help > Keyboard shortcuts (built from the window's own actions, so it cannot
go stale), and the guard that lets the main commands' shortcuts through when a text field has the focus."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefgen.gui.mnemonics import label_buttons
from briefgen.gui.screen_fit import fit_to_screen

SHORTCUT_NAME = "shortcutName"
"""Dynamic property: the name an action is listed under when its text changes (Undo names what it undoes)."""
NATIVE = QKeySequence.SequenceFormat.NativeText
WINDOW_UNDO = "windowUndo"
"""Dynamic property of a field each of whose edits is a step of the window's undo history (the brief's title, the
length): Undo and Redo pressed in it (or in its own line edit) undo and redo that history, not the field's own
text edits, so the two never pull against each other."""


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys, plus Ctrl+Y and Ctrl+Shift+Z: both redo everywhere."""
    keys: list[QKeySequence] = []
    for key in (
        *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
        QKeySequence("Ctrl+Y"),
        QKeySequence("Ctrl+Shift+Z"),
    ):
        if not key.isEmpty() and key not in keys:
            keys.append(key)
    return keys


class ShortcutGuard(QObject):
    """An event filter on the focused widget that lets the given actions' shortcuts win over a text field.

    A line edit (a spin box has one) claims some Ctrl+letter keys for editing (Ctrl+E moves to the end of the
    line), so without this Ctrl+E would not export while the Length box has the focus. Qt asks the focus widget
    (and only it) whether it claims a key, so the filter follows the focus (:meth:`attach`) instead of watching
    every event of the application: an application-wide Python filter runs Python, and so waits for the GIL,
    for every timer and paint event, which stalled the window while a worker computed.
    """

    def __init__(
        self, actions: Iterable[QAction], parent: QObject | None = None, undo_actions: Iterable[QAction] = ()
    ) -> None:
        super().__init__(parent)
        self.actions = list(actions)
        self.undo_actions = list(undo_actions)
        """Let through only in a field marked :data:`WINDOW_UNDO`."""
        self._watched: QObject | None = None

    def attach(self, app: QApplication) -> None:
        """Follow *app*'s focus from now on."""
        app.focusChanged.connect(self._focus_changed)
        self._watch(app.focusWidget())

    def detach(self, app: QApplication) -> None:
        app.focusChanged.disconnect(self._focus_changed)
        self._watch(None)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._watch(new)

    def _watch(self, widget: QObject | None) -> None:
        if self._watched is not None:
            with contextlib.suppress(RuntimeError):  # it was deleted (Qt removed the filter with it)
                self._watched.removeEventFilter(self)
        self._watched = widget
        if widget is not None:
            widget.installEventFilter(self)  # installed last, so it runs before the widget's other filters

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            actions = self.actions + self.undo_actions if _uses_window_undo(watched) else self.actions
            for action in actions:
                if action.isEnabled() and any(
                    key.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch for key in action.shortcuts()
                ):
                    event.ignore()  # not the field's: the shortcut map gets the key
                    return True
        return False


def _uses_window_undo(widget: QObject | None) -> bool:
    """Whether *widget* or the field it belongs to (a spin box's own line edit) is marked :data:`WINDOW_UNDO`."""
    for _ in range(3):
        if widget is None:
            return False
        if widget.property(WINDOW_UNDO):
            return True
        widget = widget.parent()
    return False


def plain(text: str) -> str:
    """A menu text without its mnemonic marker and ellipsis: ``&Open project…`` -> ``Open project``."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "&" and i + 1 < len(text):
            i += 1
        out.append(text[i])
        i += 1
    return "".join(out).rstrip("…").rstrip(".").strip()


NAMED_KEYS = frozenset(
    {"Esc", "Del", "Backspace", "Return", "Enter", "Tab", "Space", "Home", "End", "PgUp", "PgDown", "Ins"}
    | {f"F{n}" for n in range(1, 13)}
)
"""Keys on an ordinary keyboard that have a name rather than a character."""


def typeable(portable: str) -> bool:
    """False for bindings no ordinary keyboard has (``F14``, a media ``Undo`` key): the list shows what a user
    can press. *portable* is the sequence in Qt's portable text form."""
    last = portable.split("+")[-1] if portable not in ("+", "Ctrl++") else "+"
    return len(last) == 1 or last in NAMED_KEYS


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) for every action of *window* that has a shortcut, in the order they were made. An action
    that works in one pane only says where; the same action in several panes is listed once."""
    rows: dict[tuple[str, str], list[str]] = {}
    for action in window.findChildren(QAction):
        keys = [
            k
            for k in action.shortcuts()
            if not k.isEmpty() and typeable(k.toString(QKeySequence.SequenceFormat.PortableText))
        ]
        owner = action.parent()
        if not keys or not isinstance(owner, QWidget) or owner.window() is not window:
            continue
        name = action.property(SHORTCUT_NAME) or plain(action.text())
        places = rows.setdefault((str(name), _keys_text(k.toString(NATIVE) for k in keys)), [])
        if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut and owner.accessibleName():
            places.append(owner.accessibleName().lower())
    where = QCoreApplication.translate("ShortcutsDialog", "{action} (in the {places})")
    return [
        (where.format(action=name, places=", ".join(places)) if places else name, keys)
        for (name, keys), places in rows.items()
    ]


def _keys_text(keys: Iterable[str]) -> str:
    """``Ctrl+Y or Ctrl+Shift+Z``."""
    return QCoreApplication.translate("ShortcutsDialog", " or ").join(keys)


class ShortcutsDialog(QDialog):
    """Help > Keyboard shortcuts: every shortcut of the main window and of the PDF preview."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        from briefgen.gui.pdf_preview import ZOOM_SHORTCUTS

        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setObjectName("shortcutsDialog")
        rows = shortcut_rows(window)
        in_preview = self.tr("{action} (in the PDF preview)")
        rows += [
            (
                in_preview.format(action=QCoreApplication.translate("PdfPreviewDialog", name)),
                _keys_text(QKeySequence(k).toString(NATIVE) for k in keys),
            )
            for name, keys in ZOOM_SHORTCUTS
        ]
        rows.append((self.tr("Zoom (in the PDF preview)"), self.tr("Ctrl+mouse wheel")))
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for r, (name, keys) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(name))
            self.table.setItem(r, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(self.tr("Alt with an underlined letter moves to that field or presses that button."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        label_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 560)

    def rows(self) -> list[tuple[str, str]]:
        """The (action, keys) pairs the table lists."""
        cells = [(self.table.item(r, 0), self.table.item(r, 1)) for r in range(self.table.rowCount())]
        return [(a.text(), b.text()) for a, b in cells if a is not None and b is not None]
