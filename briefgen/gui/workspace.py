"""The Qt face of :class:`~briefgen.project_state.WorkspaceState`: signals when it changes, an undo stack, and the
dirty flag. Widgets read ``workspace.state`` and change it only through the methods here.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from briefgen.corpus import Corpus
from briefgen.model import Metadata, Source
from briefgen.project_state import WorkspaceState
from briefgen.summarize.api import Budget


class Workspace(QObject):
    sourcesChanged = Signal()  # noqa: N815 - Qt naming
    selectionChanged = Signal()  # noqa: N815
    marksChanged = Signal()  # noqa: N815
    """Pins or excludes."""
    metadataChanged = Signal(str)  # noqa: N815
    """Article id."""
    steeringChanged = Signal()  # noqa: N815
    """Budget, algorithm, template or output format."""
    changed = Signal()
    """After any of the above: the brief may differ."""
    dirtyChanged = Signal(bool)  # noqa: N815
    pathChanged = Signal(str)  # noqa: N815

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = WorkspaceState()
        self.undo_stack = QUndoStack(self)
        self.path: str | None = None
        self._unsaved_extra = False
        """Changes the undo stack does not track (sources, length, template)."""
        self._was_dirty = False
        self.undo_stack.cleanChanged.connect(lambda _clean: self._emit_dirty())

    # ---- dirty flag ----------------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self._unsaved_extra or not self.undo_stack.isClean()

    def _emit_dirty(self) -> None:
        dirty = self.is_dirty()
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirtyChanged.emit(dirty)

    def _touch(self) -> None:
        self._unsaved_extra = True
        self._emit_dirty()

    def mark_saved(self, path: str | None) -> None:
        self._unsaved_extra = False
        self.undo_stack.setClean()
        if path != self.path:
            self.path = path
            self.pathChanged.emit(path or "")
        self._emit_dirty()

    def reset(self, state: WorkspaceState, path: str | None, *, dirty: bool = False) -> None:
        """Start over with *state* (a new or opened project): clears the undo history."""
        self.state = state
        self.undo_stack.clear()
        self.mark_saved(path)
        if dirty:
            self._touch()
        self.sourcesChanged.emit()
        self.selectionChanged.emit()
        self.marksChanged.emit()
        self.steeringChanged.emit()
        self.changed.emit()

    # ---- sources (not undoable: they reload files) ---------------------------------------------------------
    def add_sources(self, sources: Iterable[Source]) -> None:
        self.state.add_sources(sources)
        self._touch()
        self.sourcesChanged.emit()
        self.changed.emit()

    def set_corpus(self, corpus: Corpus) -> None:
        self.state.set_corpus(corpus)
        self._touch()
        self.sourcesChanged.emit()
        self.changed.emit()

    def remove_source(self, source_id: str) -> None:
        self.state.remove_source(source_id)
        self._touch()
        self.sourcesChanged.emit()
        self.changed.emit()

    def move_source(self, source_id: str, new_index: int) -> None:
        self.state.move_source(source_id, new_index)
        self._touch()
        self.sourcesChanged.emit()
        self.changed.emit()

    # ---- undoable choices ----------------------------------------------------------------------------------
    def tick(self, section_ids: Iterable[str], ticked: bool) -> None:
        from briefgen.gui.undo_commands import SetDeselectedCommand

        ids = set(section_ids)
        new = self.state.deselected - ids if ticked else self.state.deselected | ids
        if new != self.state.deselected:
            label = "Tick sections" if ticked else "Untick sections"
            self.undo_stack.push(SetDeselectedCommand(self, frozenset(new), label))

    def toggle_pin(self, sentence_id: str) -> None:
        pins, excludes = set(self.state.pins), set(self.state.excludes)
        label = _toggle(sentence_id, pins, excludes, ("Pin sentence", "Unpin sentence"))
        self._push_marks(pins, excludes, label)

    def toggle_exclude(self, sentence_id: str) -> None:
        pins, excludes = set(self.state.pins), set(self.state.excludes)
        label = _toggle(sentence_id, excludes, pins, ("Exclude sentence", "Include sentence"))
        self._push_marks(pins, excludes, label)

    def _push_marks(self, pins: set[str], excludes: set[str], label: str) -> None:
        from briefgen.gui.undo_commands import SetMarksCommand

        self.undo_stack.push(SetMarksCommand(self, frozenset(pins), frozenset(excludes), label))

    def edit_metadata(self, article_id: str, metadata: Metadata | None) -> None:
        from briefgen.gui.undo_commands import EditMetadataCommand

        if self.state.metadata.get(article_id) != (metadata if metadata != Metadata() else None):
            self.undo_stack.push(EditMetadataCommand(self, article_id, metadata))

    # ---- raw setters used by undo commands -----------------------------------------------------------------
    def apply_deselected(self, deselected: frozenset[str]) -> None:
        corpus = self.state.corpus
        self.state.deselected = frozenset(i for i in deselected if corpus.has(i))
        self.selectionChanged.emit()
        self.changed.emit()

    def apply_marks(self, pins: frozenset[str], excludes: frozenset[str]) -> None:
        corpus = self.state.corpus
        self.state.pins = frozenset(i for i in pins if corpus.has(i))
        self.state.excludes = frozenset(i for i in excludes if corpus.has(i))
        self.marksChanged.emit()
        self.changed.emit()

    def apply_metadata(self, article_id: str, metadata: Metadata | None) -> None:
        if metadata is not None and not self.state.corpus.has(article_id):
            return
        self.state.set_metadata(article_id, metadata)
        self.metadataChanged.emit(article_id)
        self.changed.emit()

    # ---- steering (not undoable; each is one control) ------------------------------------------------------
    def set_budget(self, budget: Budget) -> None:
        if budget != self.state.budget:
            self.state.budget = budget
            self._steered()

    def set_algorithm(self, name: str) -> None:
        if name != self.state.algorithm:
            self.state.algorithm = name
            self._steered()

    def set_template(self, name: str, budget: Budget | None = None) -> None:
        """Use the template *name*; with *budget*, also take that length (a template's own default length),
        in one change so the preview and the saved project agree."""
        changed = name != self.state.template
        self.state.template = name
        if budget is not None and budget != self.state.budget:
            self.state.budget = budget
            changed = True
        if changed:
            self._steered()

    def set_output_format(self, fmt: str) -> None:
        if fmt != self.state.output_format:
            self.state.output_format = fmt
            self._touch()

    def set_exported(self, hashes: frozenset[str]) -> None:
        """Remember what the brief just exported held: the next brief marks the other sentences new."""
        if hashes != self.state.exported:
            self.state.exported = hashes
            self._touch()
            self.steeringChanged.emit()

    def _steered(self) -> None:
        self._touch()
        self.steeringChanged.emit()
        self.changed.emit()


def _toggle(sentence_id: str, marks: set[str], others: set[str], labels: tuple[str, str]) -> str:
    """Flip *sentence_id* in *marks* (a pin and an exclude never both hold); the undo label for what was done."""
    if sentence_id in marks:
        marks.discard(sentence_id)
        return labels[1]
    marks.add(sentence_id)
    others.discard(sentence_id)
    return labels[0]
