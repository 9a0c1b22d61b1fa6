"""Undoable edits of the workspace: adding, removing and reordering sources, ticking sections, pinning and
excluding sentences, metadata edits, and the length, method and template.

Each command keeps the value before and after, so undo and redo are exact whatever happened in between.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from briefgen.model import Metadata

if TYPE_CHECKING:
    from briefgen.gui.workspace import SourcesSnapshot, Steering, Workspace

LENGTH_MERGE_SECONDS = 2.0
"""Length changes this close together (a slider drag, typing a number) are one undo step."""
LENGTH_COMMAND_ID = 1


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
        super().__init__(QCoreApplication.translate("Workspace", "Edit citation details"))
        self.workspace = workspace
        self.article_id = article_id
        self.before = workspace.state.metadata.get(article_id)
        self.after = metadata

    def redo(self) -> None:
        self.workspace.apply_metadata(self.article_id, self.after)

    def undo(self) -> None:
        self.workspace.apply_metadata(self.article_id, self.before)


class SetSourcesCommand(QUndoCommand):
    """Adding, removing or reordering sources. The sources and every choice about them are kept before and after,
    so undoing a removal brings the source back in its place with its ticks, pins, excludes and citation edits."""

    def __init__(self, workspace: Workspace, after: SourcesSnapshot, text: str) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.before = workspace.sources_snapshot()
        self.after = after

    def redo(self) -> None:
        self.workspace.apply_sources(self.after)

    def undo(self) -> None:
        self.workspace.apply_sources(self.before)


class SetSteeringCommand(QUndoCommand):
    """The length, method and template. Length changes in quick succession merge into one step."""

    def __init__(self, workspace: Workspace, after: Steering, text: str, *, length_only: bool = False) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.before = workspace.steering()
        self.after = after
        self.length_only = length_only
        self.stamp = time.monotonic()

    def id(self) -> int:
        return LENGTH_COMMAND_ID if self.length_only else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt naming
        if not isinstance(other, SetSteeringCommand) or not other.length_only or other.before != self.after:
            return False
        return _merge_quick_edit(self, other, LENGTH_MERGE_SECONDS)

    def redo(self) -> None:
        self.workspace.apply_steering(self.after)

    def undo(self) -> None:
        self.workspace.apply_steering(self.before)


TITLE_MERGE_SECONDS = 5.0
"""Title edits this close together (typing a title) are one undo step."""
TITLE_COMMAND_ID = 2


class SetTitleCommand(QUndoCommand):
    """The brief's title as typed (empty: the automatic title). Typing in quick succession merges into one step."""

    def __init__(self, workspace: Workspace, title: str) -> None:
        super().__init__(QCoreApplication.translate("Workspace", "Change title"))
        self.workspace = workspace
        self.before = workspace.state.title
        self.after = title
        self.stamp = time.monotonic()

    def id(self) -> int:
        return TITLE_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt naming
        return isinstance(other, SetTitleCommand) and _merge_quick_edit(self, other, TITLE_MERGE_SECONDS)

    def redo(self) -> None:
        self.workspace.apply_title(self.after)

    def undo(self) -> None:
        self.workspace.apply_title(self.before)


def _merge_quick_edit(command: SetSteeringCommand | SetTitleCommand, later: Any, seconds: float) -> bool:
    """Fold *later* (the same kind of edit) into *command* when it came within *seconds*: one undo step that
    goes from *command*'s "before" to *later*'s "after", dropped from the stack when the two are equal."""
    if later.stamp - command.stamp > seconds:
        return False
    command.after = later.after
    command.stamp = later.stamp
    command.setObsolete(command.after == command.before)
    return True
