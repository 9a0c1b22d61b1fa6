"""A Qt item model over the workspace's corpus: source -> article -> section, with tri-state checkboxes.

The model holds no choices of its own: check states are read from ``workspace.state.deselected`` and a click
becomes ``workspace.tick(...)`` (an undoable command). Sections and articles that the latest brief found to be
copies of an earlier one (``Summary.copies`` / ``Summary.article_copies``) are shown greyed with "also in …",
so the user sees why that copy is not in the brief; each new preview result replaces these marks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from briefgen.gui.workspace import Workspace

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
COPY_ROLE = Qt.ItemDataRole.UserRole + 3
"""The id of the section (article) this one is a copy of, or ``None``."""
COPY_FG = QColor("#7A7A7A")
SHORT_NAME = 50
"""Longest name of an original shown in the tree ("also in …"); the tooltip has it in full."""
Index = QModelIndex | QPersistentModelIndex
ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
"""Every item's flags (made once: the view asks for them hundreds of times when it lays the tree out)."""


@dataclass(eq=False)
class Node:
    kind: str
    """``source``, ``article`` or ``section``."""
    id: str
    label: str
    tooltip: str
    parent: Node | None
    row: int
    children: list[Node] = field(default_factory=list)
    section_ids: tuple[str, ...] = ()


def source_label(path: str) -> str:
    return PurePath(path).name or path


class SectionTreeModel(QAbstractItemModel):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self._roots: list[Node] = []
        self._by_id: dict[str, Node] = {}
        self._copies: dict[str, str] = {}
        """Section or article id -> the id of its original, from the latest brief."""
        self._shown_deselected: frozenset[str] = frozenset()
        """The unticked sections the view was last told about (a tick repaints only what it changed)."""
        self._rebuild()
        workspace.sourcesChanged.connect(self._on_sources_changed)
        workspace.selectionChanged.connect(self._on_selection_changed)
        workspace.metadataChanged.connect(self._on_metadata_changed)

    # ---- building ------------------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        self._roots, self._by_id = [], {}
        self._shown_deselected = self.workspace.state.deselected
        self._copies = {}  # the next preview result brings them back for the new sources
        corpus = self.workspace.state.effective_corpus()
        for r, src in enumerate(corpus.sources):
            snode = Node("source", src.id, source_label(src.path), src.path, None, r)
            for a, art in enumerate(src.articles):
                title = art.metadata.title or self.tr("Article {n}").format(n=a + 1)
                anode = Node("article", art.id, title, _article_tip(art.metadata), snode, a)
                for s, sec in enumerate(art.sections):
                    label = sec.heading or _untitled_label(s, len(art.sections))
                    tip = self.tr("{label}\n{words} words, {sentences} sentences").format(
                        label=label, words=sec.word_count, sentences=len(sec.sentences)
                    )
                    sn = Node("section", sec.id, label, tip, anode, s, section_ids=(sec.id,))
                    anode.children.append(sn)
                    self._by_id[sec.id] = sn
                anode.section_ids = tuple(sec.id for sec in art.sections)
                snode.children.append(anode)
                self._by_id[art.id] = anode
            snode.section_ids = tuple(sec.id for sec in src.sections)
            self._roots.append(snode)
            self._by_id[src.id] = snode

    def _on_sources_changed(self) -> None:
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def _on_selection_changed(self) -> None:
        """Repaint the check boxes of the sections whose tick changed, with their articles and sources (nothing
        after a rebuild, which showed the ticks already)."""
        deselected = self.workspace.state.deselected
        changed = deselected ^ self._shown_deselected
        self._shown_deselected = deselected
        nodes: dict[int, Node] = {}
        for section_id in changed:
            node = self._by_id.get(section_id)
            while node is not None and id(node) not in nodes:
                nodes[id(node)] = node
                node = node.parent
        roles = [Qt.ItemDataRole.CheckStateRole]
        for node in nodes.values():
            idx = self.createIndex(node.row, 0, node)
            self.dataChanged.emit(idx, idx, roles)

    def _on_metadata_changed(self, article_id: str) -> None:
        node = self._by_id.get(article_id)
        if node is None:
            return
        art = self.workspace.state.effective_corpus().article(article_id)
        node.label = art.metadata.title or self.tr("Article {n}").format(n=node.row + 1)
        node.tooltip = _article_tip(art.metadata)
        idx = self.index_for(article_id)
        self.dataChanged.emit(idx, idx)

    # ---- copies --------------------------------------------------------------------------------------------
    def set_copies(self, sections: Mapping[str, str], articles: Mapping[str, str]) -> None:
        """Mark the sections and articles that repeat an earlier one (from a new preview's summary)."""
        new = {**sections, **articles}
        if new == self._copies:
            return
        touched = set(new) | set(self._copies)
        self._copies = new
        for any_id in touched:
            idx = self.index_for(any_id)
            if idx.isValid():
                self.dataChanged.emit(idx, idx)

    def clear_copies(self) -> None:
        self.set_copies({}, {})

    def _original_name(self, node: Node, original_id: str) -> tuple[str, str]:
        """(short name for the label, longer description for the tooltip) of *node*'s original."""
        corpus = self.workspace.state.effective_corpus()
        if not corpus.has(original_id):
            return self.tr("an earlier source"), self.tr("an earlier source")
        if node.kind == "section":
            src, art, sec = corpus.section_context(original_id)
        else:
            src, art = corpus.article_context(original_id)
            sec = None
        file_name = source_label(src.path)
        title = art.metadata.title
        own_title = (node.parent.label if node.kind == "section" and node.parent else node.label) or ""
        short = title if title and title != own_title else file_name
        if len(short) > SHORT_NAME:
            short = short[: SHORT_NAME - 1].rstrip() + "…"
        where = self.tr("“{title}” ({file})").format(title=title, file=file_name) if title else file_name
        if sec is not None and sec.heading:
            where += self.tr(", section “{heading}”").format(heading=sec.heading)
        return short, where

    def _copy_texts(self, node: Node) -> tuple[str, str] | None:
        original = self._copies.get(node.id)
        if original is None or node.kind == "source":
            return None
        short, where = self._original_name(node, original)
        if node.kind == "section":
            tip = self.tr(
                "This section is mostly the same text as {where}, earlier in the brief's order. The brief shows the "
                "story once, from there."
            )
        else:
            tip = self.tr(
                "This article is mostly the same text as {where}, earlier in the brief's order. The brief shows the "
                "story once, from there."
            )
        return self.tr("also in {name}").format(name=short), tip.format(where=where)

    # ---- lookups -------------------------------------------------------------------------------------------
    def index_for(self, any_id: str) -> QModelIndex:
        node = self._by_id.get(any_id)
        return QModelIndex() if node is None else self.createIndex(node.row, 0, node)

    def node(self, index: Index) -> Node | None:
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        return node

    def check_state(self, node: Node) -> Qt.CheckState:
        off = self.workspace.state.deselected
        unticked = sum(1 for s in node.section_ids if s in off)
        if unticked == 0:
            return Qt.CheckState.Checked
        if unticked == len(node.section_ids):
            return Qt.CheckState.Unchecked
        return Qt.CheckState.PartiallyChecked

    # ---- QAbstractItemModel --------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        siblings = self._roots if not parent.isValid() else parent.internalPointer().children
        if column != 0 or not 0 <= row < len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(child)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self._roots)
        node = self.node(parent)
        return len(node.children) if node else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            copy = self._copy_texts(node) if node.id in self._copies else None
            return node.label if copy is None else f"{node.label} — {copy[0]}"
        if role == Qt.ItemDataRole.ToolTipRole:
            copy = self._copy_texts(node) if node.id in self._copies else None
            return node.tooltip if copy is None else f"{node.tooltip}\n\n{copy[1]}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return COPY_FG if node.id in self._copies else None
        if role == COPY_ROLE:
            return self._copies.get(node.id)
        if role == Qt.ItemDataRole.CheckStateRole:
            return self.check_state(node)
        if role == ID_ROLE:
            return node.id
        if role == KIND_ROLE:
            return node.kind
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        node = self.node(index)
        if node is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        self.workspace.tick(node.section_ids, state == Qt.CheckState.Checked)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        return ITEM_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags


def _article_tip(md: Any) -> str:
    parts = [md.title, md.author, md.publisher, md.date, md.url]
    return "\n".join(p for p in parts if p) or QCoreApplication.translate("SectionTreeModel", "No citation details yet")


def _untitled_label(index: int, count: int) -> str:
    """What a section without a heading is called: the text before the first heading, or the whole article."""
    if count == 1:
        return QCoreApplication.translate("SectionTreeModel", "Whole article")
    if index == 0:
        return QCoreApplication.translate("SectionTreeModel", "Introduction")
    return QCoreApplication.translate("SectionTreeModel", "Section {n}").format(n=index + 1)
