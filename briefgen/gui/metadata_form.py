"""Editing what citations are made of (title, author, publisher, date, URL) for one article.

Fields show the article's own metadata as placeholder text; what the user types becomes an undoable edit.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from briefgen.gui.workspace import Workspace
from briefgen.model import Metadata
from briefgen.project import METADATA_FIELDS

LABELS = {"title": "&Title", "author": "A&uthor", "publisher": "&Publisher", "date": "&Date", "url": "&URL"}


class MetadataForm(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.article_id: str | None = None
        self.heading = QLabel("Citation details: choose an article", self)
        self.heading.setWordWrap(True)
        self.fields: dict[str, QLineEdit] = {}
        layout = QFormLayout(self)
        layout.addRow(self.heading)
        for name in METADATA_FIELDS:
            edit = QLineEdit(self)
            edit.setAccessibleName(f"Citation {name}")
            edit.setClearButtonEnabled(True)
            edit.editingFinished.connect(self.commit)
            self.fields[name] = edit
            label = QLabel(LABELS[name], self)
            label.setBuddy(edit)
            layout.addRow(label, edit)
        self.fields["date"].setToolTip("YYYY-MM-DD, YYYY-MM or YYYY")
        workspace.metadataChanged.connect(self._on_changed)
        workspace.sourcesChanged.connect(self._on_sources_changed)
        self.set_article(None)

    def set_article(self, article_id: str | None) -> None:
        corpus = self.workspace.state.corpus
        if article_id is not None and not corpus.has(article_id):
            article_id = None
        self.article_id = article_id
        for edit in self.fields.values():
            edit.setEnabled(article_id is not None)
        if article_id is None:
            self.heading.setText("Citation details: choose an article in the tree")
            for edit in self.fields.values():
                edit.clear()
                edit.setPlaceholderText("")
            return
        original = corpus.article(article_id).metadata
        edited = self.workspace.state.metadata.get(article_id, Metadata())
        self.heading.setText(f"Citation details of “{original.title or article_id}”")
        for name, edit in self.fields.items():
            edit.setPlaceholderText(getattr(original, name) or "")
            edit.setText(getattr(edited, name) or "")

    def commit(self) -> None:
        if self.article_id is None:
            return
        values = {name: (edit.text().strip() or None) for name, edit in self.fields.items()}
        self.workspace.edit_metadata(self.article_id, Metadata(**values))

    def _on_changed(self, article_id: str) -> None:
        if article_id == self.article_id:
            self.set_article(article_id)

    def _on_sources_changed(self) -> None:
        self.set_article(self.article_id)
