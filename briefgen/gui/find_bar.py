"""Find (Ctrl+F) in the reading pane or the preview: a small bar under the panes."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextEdit, QWidget


class FindBar(QWidget):
    def __init__(self, targets: list[QTextEdit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.targets = targets
        self.target: QTextEdit = targets[0]
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in the reading pane and the brief"))
        self.edit.setAccessibleName(self.tr("Find text"))
        self.status = QLabel("", self)
        next_button = QPushButton(self.tr("Next"), self)
        prev_button = QPushButton(self.tr("Previous"), self)
        close = QPushButton(self.tr("Close"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for w in (QLabel(self.tr("Find:"), self), self.edit, next_button, prev_button, self.status):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(close)
        self.edit.returnPressed.connect(self.find_next)
        next_button.clicked.connect(self.find_next)
        prev_button.clicked.connect(lambda: self.find_next(backward=True))
        close.clicked.connect(self.hide)
        self.hide()

    def start(self, target: QTextEdit | None) -> None:
        if target in self.targets:
            self.target = target
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def find_next(self, backward: bool = False) -> bool:
        text = self.edit.text()
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        order = [self.target, *(t for t in self.targets if t is not self.target)]
        for target in order:
            if target.find(text, flags):
                self.target = target
                self.status.setText("")
                return True
            cursor = target.textCursor()
            cursor.movePosition(cursor.MoveOperation.End if backward else cursor.MoveOperation.Start)
            target.setTextCursor(cursor)
            if target.find(text, flags):
                self.target = target
                self.status.setText("")
                return True
        self.status.setText(self.tr("Not found"))
        return False
