"""The brief's Title field, above the preview: what the user types is the brief's title (undoable, saved in the
project, used by the export); left empty, or holding only white space, the brief takes the template's automatic
title, which the field shows greyed as its placeholder."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from briefgen.gui.shortcuts import WINDOW_UNDO
from briefgen.gui.workspace import Workspace

MAX_TITLE_CHARS = 200
"""The longest title the field takes (a project refuses longer ones)."""


class TitleField(QWidget):
    """A label and a line edit; ``edit`` is the field itself."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.automatic = ""
        """The automatic title the latest brief had (shown as the placeholder)."""
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(MAX_TITLE_CHARS)
        self.edit.setClearButtonEnabled(True)
        self.edit.setProperty(WINDOW_UNDO, True)  # Ctrl+Z / Ctrl+Y here step through the window's history
        self.edit.setAccessibleName(self.tr("Brief title"))
        self.edit.setToolTip(
            self.tr("The brief's title. Leave it empty to use the automatic title (from the template and sources).")
        )
        # no mnemonic: every letter of "Brief title" already reaches a control of the window (Tab reaches it)
        label = QLabel(self.tr("Brief title:"), self)
        label.setBuddy(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        self.set_automatic("")
        self.edit.textEdited.connect(self._edited)
        workspace.titleChanged.connect(self.show_title)
        self.show_title(workspace.state.title)

    def _edited(self, text: str) -> None:
        """Typed: the brief's title (one undo step for a run of typing). Only white space is no title: the field
        empties, so that its placeholder shows the automatic title the brief takes."""
        if not text.strip():
            if text:  # once the line edit has finished with the key (else it shows its clear button again)
                QTimer.singleShot(0, self._clear_blank)
            text = ""
        self.workspace.set_title(text)

    def _clear_blank(self) -> None:
        if self.edit.text() and not self.edit.text().strip():
            self.edit.clear()

    def show_title(self, title: str) -> None:
        """Show the workspace's title (after undo, redo or opening a project); the cursor stays while typing. A
        title of white space alone (from a project file) shows as the empty field with its placeholder."""
        shown = title if title.strip() else ""
        if shown != self.edit.text() and (shown or self.edit.text().strip()):  # blank already: _edited empties it
            self.edit.setText(shown)

    def set_automatic(self, title: str) -> None:
        """The title the brief has when the field is empty."""
        self.automatic = title
        self.edit.setPlaceholderText(
            self.tr("Automatic: {title}").format(title=title) if title else self.tr("Automatic title")
        )
