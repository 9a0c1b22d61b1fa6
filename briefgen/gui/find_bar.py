"""Find (Ctrl+F) in the reading pane or the preview: a small bar under the panes. Esc (in its field or on its
buttons) closes it and gives the focus back to the pane searched; Enter presses the focused button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextEdit, QWidget

CLOSE_KEYS = (Qt.Key.Key_Escape,)
PRESS_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MARGIN_LINES = 3
"""A match closer than this many lines (or a fifth of the pane) to the pane's top or bottom edge is scrolled to
the middle."""


class FindBar(QWidget):
    def __init__(self, targets: list[QTextEdit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.targets = targets
        self.target: QTextEdit = targets[0]
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in the reading pane and the brief"))
        self.edit.setAccessibleName(self.tr("Find text"))
        self.status = QLabel("", self)
        self.next_button = QPushButton(self.tr("Next"), self)
        self.prev_button = QPushButton(self.tr("Previous"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setToolTip(self.tr("Close the find bar (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for w in (QLabel(self.tr("Find:"), self), self.edit, self.next_button, self.prev_button, self.status):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.close_button)
        self.edit.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(self.find_next)
        self.prev_button.clicked.connect(lambda: self.find_next(backward=True))
        self.close_button.clicked.connect(self.close_bar)
        for w in (self.edit, self.next_button, self.prev_button, self.close_button):
            w.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        """Esc closes the bar, before the window's own Esc (Cancel) shortcut can take it; Enter presses a button
        (outside a dialog a push button otherwise answers Space only)."""
        if isinstance(event, QKeyEvent) and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            key = event.key()
            pressable = isinstance(watched, QPushButton) and key in PRESS_KEYS
            if event.type() == QEvent.Type.ShortcutOverride and (key in CLOSE_KEYS or pressable):
                event.accept()  # ours: no window shortcut takes it
                return True
            if event.type() == QEvent.Type.KeyPress and key in CLOSE_KEYS:
                self.close_bar()
                return True
            if event.type() == QEvent.Type.KeyPress and pressable and isinstance(watched, QPushButton):
                watched.click()
                return True
        return super().eventFilter(watched, event)

    def start(self, target: QTextEdit | None) -> None:
        if target in self.targets:
            self.target = target
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        """Hide the bar; the pane last searched (where the match is selected) gets the focus back."""
        self.hide()
        self.target.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_next(self, backward: bool = False) -> bool:
        text = self.edit.text()
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        order = [self.target, *(t for t in self.targets if t is not self.target)]
        for target in order:
            if target.find(text, flags):
                self._found(target)
                return True
            cursor = target.textCursor()
            cursor.movePosition(cursor.MoveOperation.End if backward else cursor.MoveOperation.Start)
            target.setTextCursor(cursor)
            if target.find(text, flags):
                self._found(target)
                return True
        self.status.setText(self.tr("Not found"))
        return False

    def _found(self, target: QTextEdit) -> None:
        self.target = target
        self.status.setText("")
        scroll_into_view(target)


def scroll_into_view(pane: QTextEdit) -> None:
    """Scroll *pane* so its selection sits in the middle of the view when it is near an edge (``find`` scrolls
    only just far enough, leaving a match on the bottom edge); where the text ends first, as far as it goes."""
    bar = pane.verticalScrollBar()
    rect = pane.cursorRect()  # the cursor is at the match's end, in viewport coordinates
    height = pane.viewport().height()
    margin = min(max(MARGIN_LINES * rect.height(), height // 5), height // 3)
    if rect.top() < margin or rect.bottom() > height - margin:
        bar.setValue(bar.value() + rect.center().y() - height // 2)
