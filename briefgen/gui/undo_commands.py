"""Undoable edits of the workspace: ticking sections, pinning and excluding sentences, metadata edits.

Each command keeps the value before and after, so undo and redo are exact whatever happened in between.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from briefgen.model import Metadata

if TYPE_CHECKING:
    from briefgen.gui.workspace import Workspace


class SetDeselectedCommand(QUndoCommand):
    def __init__(self, workspace: Workspace, deselected: frozenset[str], text: str) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.before = workspace.state.deselected
        self.after = deselected

    def redo(self) -> None:
        self.workspace.apply_deselected(self.after)

    def undo(self) -> None:
        self.workspace.apply_deselected(self.before)


class SetMarksCommand(QUndoCommand):
    def __init__(self, workspace: Workspace, pins: frozenset[str], excludes: frozenset[str], text: str) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.before = (workspace.state.pins, workspace.state.excludes)
        self.after = (pins, excludes)

    def redo(self) -> None:
        self.workspace.apply_marks(*self.after)

    def undo(self) -> None:
        self.workspace.apply_marks(*self.before)


class EditMetadataCommand(QUndoCommand):
    def __init__(self, workspace: Workspace, article_id: str, metadata: Metadata | None) -> None:
        super().__init__("Edit citation details")
        self.workspace = workspace
        self.article_id = article_id
        self.before = workspace.state.metadata.get(article_id)
        self.after = metadata

    def redo(self) -> None:
        self.workspace.apply_metadata(self.article_id, self.after)

    def undo(self) -> None:
        self.workspace.apply_metadata(self.article_id, self.before)
