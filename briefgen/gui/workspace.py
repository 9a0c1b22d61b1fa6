"""The Qt face of :class:`~briefgen.project.workspace.WorkspaceState`: signals when it changes, an undo stack, and the
dirty flag. Widgets read ``workspace.state`` and change it only through the methods here.

Every change of the workspace is an undoable command (sources, ticks, pins, excludes, citation edits, length,
method, template, title); only the output format and the record of the last export are not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from briefgen.corpus import Corpus
from briefgen.gui.undo_commands import (
    EditMetadataCommand,
    SetDeselectedCommand,
    SetMarksCommand,
    SetSourcesCommand,
    SetSteeringCommand,
    SetTitleCommand,
)
from briefgen.model import Metadata, Source
from briefgen.project.workspace import WorkspaceState
from briefgen.summarize.api import Budget
from briefgen.templates.schema import OutputFormat


@dataclass(frozen=True)
class SourcesSnapshot:
    """The sources and every choice tied to them: what undoing an add, remove or move restores."""

    corpus: Corpus
    deselected: frozenset[str]
    pins: frozenset[str]
    excludes: frozenset[str]
    metadata: Mapping[str, Metadata]

    @staticmethod
    def of(state: WorkspaceState) -> SourcesSnapshot:
        return SourcesSnapshot(state.corpus, state.deselected, state.pins, state.excludes, dict(state.metadata))

    def same_as(self, other: SourcesSnapshot) -> bool:
        return (
            [s.id for s in self.corpus.sources] == [s.id for s in other.corpus.sources]
            and (self.deselected, self.pins, self.excludes) == (other.deselected, other.pins, other.excludes)
            and dict(self.metadata) == dict(other.metadata)
        )


@dataclass(frozen=True)
class Steering:
    """Length, method and template."""

    budget: Budget
    algorithm: str
    template: str


class Workspace(QObject):
    sourcesChanged = Signal()  # noqa: N815 - Qt naming
    selectionChanged = Signal()  # noqa: N815
    marksChanged = Signal()  # noqa: N815
    """Pins or excludes."""
    metadataChanged = Signal(str)  # noqa: N815
    """Article id."""
    steeringChanged = Signal()  # noqa: N815
    """Budget, algorithm, template or output format."""
    titleChanged = Signal(str)  # noqa: N815
    """The brief's title as typed (empty: automatic)."""
    changed = Signal()
    """After any of the above: the brief may differ."""
    dirtyChanged = Signal(bool)  # noqa: N815
    pathChanged = Signal(str)  # noqa: N815

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.new_state: Callable[[], WorkspaceState] = WorkspaceState
        """What "New project" starts from (the app sets it from the preferences)."""
        self.state = self.new_state()
        self.undo_stack = QUndoStack(self)
        self.path: str | None = None
        self._unsaved_extra = False
        """Changes the undo stack does not track (output format, last export, recovered work)."""
        self.last_export: str | None = None
        """Where this workspace's brief was last exported (the export dialog proposes it again)."""
        self._was_dirty = False
        self.undo_stack.cleanChanged.connect(lambda _clean: self._emit_dirty())

    def close(self) -> None:
        """The window is closing for good: stop following the undo stack, which Qt may still change while it is
        being destroyed (a stack with unsaved steps announces "clean" as it empties)."""
        self.undo_stack.cleanChanged.disconnect()

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
        self.last_export = None
        self.undo_stack.clear()
        self.mark_saved(path)
        if dirty:
            self._touch()
        self.sourcesChanged.emit()
        self.selectionChanged.emit()
        self.marksChanged.emit()
        self.steeringChanged.emit()
        self.titleChanged.emit(state.title)
        self.changed.emit()

    # ---- sources (undoable: the command keeps the sources read, so nothing is read again) -------------------
    def add_sources(self, sources: Iterable[Source]) -> bool:
        """Add the sources not there yet; False (and nothing changes, nothing to save) when there are none."""
        new = list(sources)
        n = len({s.id for s in new} - {s.id for s in self.state.corpus.sources})
        label = self.tr("Add source") if n == 1 else self.tr("Add {n} sources", "", n).format(n=n)
        return self._change_sources(lambda state: state.add_sources(new), label)

    def set_corpus(self, corpus: Corpus) -> bool:
        return self._change_sources(lambda state: state.set_corpus(corpus), self.tr("Replace sources"))

    def remove_source(self, source_id: str) -> bool:
        if not self.state.corpus.has(source_id):
            return False
        return self._change_sources(lambda state: state.remove_source(source_id), self.tr("Remove source"))

    def move_source(self, source_id: str, new_index: int) -> bool:
        if not self.state.corpus.has(source_id):
            return False
        return self._change_sources(lambda state: state.move_source(source_id, new_index), self.tr("Move source"))

    def sources_snapshot(self) -> SourcesSnapshot:
        return SourcesSnapshot.of(self.state)

    def _change_sources(self, change: Callable[[WorkspaceState], None], label: str) -> bool:
        """Work out the change on a copy of the state; push it as one command when it changes anything."""
        before = self.sources_snapshot()
        scratch = WorkspaceState(before.corpus)
        scratch.deselected, scratch.pins, scratch.excludes = before.deselected, before.pins, before.excludes
        scratch.metadata = dict(before.metadata)
        change(scratch)
        after = SourcesSnapshot.of(scratch)
        if after.same_as(before):
            return False
        self.undo_stack.push(SetSourcesCommand(self, after, label))
        return True

    # ---- undoable choices ----------------------------------------------------------------------------------
    def tick(self, section_ids: Iterable[str], ticked: bool) -> None:
        ids = set(section_ids)
        new = self.state.deselected - ids if ticked else self.state.deselected | ids
        if new != self.state.deselected:
            label = self.tr("Tick sections") if ticked else self.tr("Untick sections")
            self.undo_stack.push(SetDeselectedCommand(self, frozenset(new), label))

    def toggle_pin(self, sentence_id: str) -> None:
        """Pin (or unpin) a sentence. Pinning a sentence of an unticked section also ticks that section, in the
        same undo step: a pin outside the ticked text could not reach the brief."""
        pins, excludes = set(self.state.pins), set(self.state.excludes)
        label = _toggle(sentence_id, pins, excludes, (self.tr("Pin sentence"), self.tr("Unpin sentence")))
        section = self.unticked_section_of(sentence_id) if sentence_id in pins else None
        if section is None:
            self._push_marks(pins, excludes, label)
            return
        self.undo_stack.beginMacro(self.tr("Pin sentence and tick its section"))
        self.tick([section], True)
        self._push_marks(pins, excludes, label)
        self.undo_stack.endMacro()

    def unticked_section_of(self, sentence_id: str) -> str | None:
        """The id of *sentence_id*'s section when that section is unticked, else ``None``."""
        corpus = self.state.corpus
        if not corpus.has(sentence_id):
            return None
        section_id = corpus.sentence(sentence_id).section.id
        return section_id if section_id in self.state.deselected else None

    def toggle_exclude(self, sentence_id: str) -> None:
        pins, excludes = set(self.state.pins), set(self.state.excludes)
        label = _toggle(sentence_id, excludes, pins, (self.tr("Exclude sentence"), self.tr("Include sentence")))
        self._push_marks(pins, excludes, label)

    def _push_marks(self, pins: set[str], excludes: set[str], label: str) -> None:
        self.undo_stack.push(SetMarksCommand(self, frozenset(pins), frozenset(excludes), label))

    def edit_metadata(self, article_id: str, metadata: Metadata | None) -> None:
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

    def apply_sources(self, snapshot: SourcesSnapshot) -> None:
        state = self.state
        state.set_corpus(snapshot.corpus)
        state.deselected, state.pins, state.excludes = snapshot.deselected, snapshot.pins, snapshot.excludes
        state.metadata = dict(snapshot.metadata)
        self.sourcesChanged.emit()
        self.selectionChanged.emit()
        self.marksChanged.emit()
        self.changed.emit()

    def apply_steering(self, steering: Steering) -> None:
        state = self.state
        state.budget, state.algorithm, state.template = steering.budget, steering.algorithm, steering.template
        self.steeringChanged.emit()
        self.changed.emit()

    # ---- steering (undoable; quick successive length changes are one step) --------------------------------
    def steering(self) -> Steering:
        return Steering(self.state.budget, self.state.algorithm, self.state.template)

    def set_budget(self, budget: Budget) -> None:
        if budget != self.state.budget:
            self._steer(Steering(budget, self.state.algorithm, self.state.template), self.tr("Change length"), True)

    def set_algorithm(self, name: str) -> None:
        if name != self.state.algorithm:
            self._steer(Steering(self.state.budget, name, self.state.template), self.tr("Change method"))

    def set_template(self, name: str, budget: Budget | None = None) -> None:
        """Use the template *name*; with *budget*, also take that length (a template's own default length),
        in one change so the preview and the saved project agree."""
        after = Steering(budget if budget is not None else self.state.budget, self.state.algorithm, name)
        if after != self.steering():
            self._steer(after, self.tr("Change template"))

    def _steer(self, after: Steering, label: str, length_only: bool = False) -> None:
        self.undo_stack.push(SetSteeringCommand(self, after, label, length_only=length_only))

    def set_title(self, title: str) -> None:
        """The brief's title (empty: the template's automatic title); typing merges into one undo step."""
        if title != self.state.title:
            self.undo_stack.push(SetTitleCommand(self, title))

    def apply_title(self, title: str) -> None:
        self.state.title = title
        self.titleChanged.emit(title)
        self.changed.emit()

    def set_output_format(self, fmt: str) -> None:
        if fmt != self.state.output_format:
            self.state.output_format = OutputFormat(fmt)
            self._touch()

    def set_exported(self, hashes: frozenset[str]) -> None:
        """Remember what the brief just exported held: the next brief marks the other sentences new."""
        if hashes != self.state.exported:
            self.state.exported = hashes
            self._touch()
            self.steeringChanged.emit()
            self.changed.emit()  # the brief's "new" marks are measured against it: the preview follows


def _toggle(sentence_id: str, marks: set[str], others: set[str], labels: tuple[str, str]) -> str:
    """Flip *sentence_id* in *marks* (a pin and an exclude never both hold); the undo label for what was done."""
    if sentence_id in marks:
        marks.discard(sentence_id)
        return labels[1]
    marks.add(sentence_id)
    others.discard(sentence_id)
    return labels[0]
