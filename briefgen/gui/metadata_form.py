"""Editing what citations are made of (title, author, publisher, date, URL or DOI) for one article.

Fields show the article's own metadata as placeholder text; what the user types becomes an undoable edit. The
URL field takes a web address or a DOI (``10.1234/abc``, ``doi:10.1234/abc``, ``https://doi.org/10.1234/abc``;
stored as ``https://doi.org/…``); anything else is said to be wrong under the field and is not stored.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from briefgen.citations import normalise_url, url_problem
from briefgen.gui.workspace import Workspace
from briefgen.model import Metadata
from briefgen.project.format import METADATA_FIELDS

LABELS = {
    "title": str(QT_TRANSLATE_NOOP("MetadataForm", "&Title")),
    "author": str(QT_TRANSLATE_NOOP("MetadataForm", "A&uthor")),
    "publisher": str(QT_TRANSLATE_NOOP("MetadataForm", "&Publisher")),
    "date": str(QT_TRANSLATE_NOOP("MetadataForm", "&Date")),
    "url": str(QT_TRANSLATE_NOOP("MetadataForm", "URL or DO&I")),
}
"""Field -> its label (translated where shown)."""
ACCESSIBLE_NAMES = {
    "title": str(QT_TRANSLATE_NOOP("MetadataForm", "Citation title")),
    "author": str(QT_TRANSLATE_NOOP("MetadataForm", "Citation author")),
    "publisher": str(QT_TRANSLATE_NOOP("MetadataForm", "Citation publisher")),
    "date": str(QT_TRANSLATE_NOOP("MetadataForm", "Citation date")),
    "url": str(QT_TRANSLATE_NOOP("MetadataForm", "Citation url")),
}
"""Field -> the accessible name of its box (translated where used)."""
ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
"""The date forms citations use."""
BAD_FIELD = "border: 2px solid #B3261E;"


class MetadataForm(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.article_id: str | None = None
        self.heading = QLabel(self.tr("Citation details: choose an article"), self)
        self.heading.setWordWrap(True)
        self.fields: dict[str, QLineEdit] = {}
        layout = QFormLayout(self)
        layout.addRow(self.heading)
        for name in METADATA_FIELDS:
            edit = QLineEdit(self)
            edit.setAccessibleName(self.tr(ACCESSIBLE_NAMES[name]))
            edit.setClearButtonEnabled(True)
            edit.editingFinished.connect(self.commit)
            self.fields[name] = edit
            label = QLabel(self.tr(LABELS[name]), self)
            label.setBuddy(edit)
            layout.addRow(label, edit)
        self.fields["date"].setToolTip(self.tr("YYYY-MM-DD, YYYY-MM or YYYY"))
        self.fields["url"].setToolTip(
            self.tr("A web address (https://…) or a DOI: 10.1234/abc, doi:10.1234/abc or https://doi.org/10.1234/abc")
        )
        self.url_problem = QLabel(self)
        self.url_problem.setWordWrap(True)
        self.url_problem.setStyleSheet("color: #B3261E;")
        self.url_problem.setAccessibleName(self.tr("URL or DOI problem"))
        self.url_problem.hide()
        layout.addRow(self.url_problem)
        self.fields["url"].textChanged.connect(self._recheck_url)
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
            self.heading.setText(self.tr("Citation details: choose an article in the tree"))
            for edit in self.fields.values():
                edit.clear()
                edit.setPlaceholderText("")
            return
        original = corpus.article(article_id).metadata
        edited = self.workspace.state.metadata.get(article_id, Metadata())
        self.heading.setText(self.tr("Citation details of “{title}”").format(title=original.title or article_id))
        for name, edit in self.fields.items():
            edit.setPlaceholderText(getattr(original, name) or "")
            edit.setText(getattr(edited, name) or "")
        self._show_url_problem(None)

    def commit(self) -> None:
        """Store what the fields say; a URL that is neither a web address nor a DOI is said to be wrong and not
        stored (the article keeps its previous URL)."""
        if self.article_id is None:
            return
        values = {name: (edit.text().strip() or None) for name, edit in self.fields.items()}
        values["date"] = self._checked_date(values["date"])
        problem = url_problem(values["url"])
        self._show_url_problem(problem)
        if problem is None:
            values["url"] = normalise_url(values["url"])
        else:
            values["url"] = self.workspace.state.metadata.get(self.article_id, Metadata()).url
        self.workspace.edit_metadata(self.article_id, Metadata(**values))

    def _checked_date(self, typed: str | None) -> str | None:
        """The typed date in the form citations use: "5 March 2025" becomes 2025-03-05 (shown so); a text that
        is no date is marked and not stored (the article keeps its previous date)."""
        field = self.fields["date"]
        if typed is None or ISO_DATE.fullmatch(typed):
            field.setStyleSheet("")
            field.setAccessibleDescription("")
            return typed
        from briefgen.ingest.dates import to_iso

        iso = to_iso(typed)
        if iso is not None:
            field.setText(iso)
            field.setStyleSheet("")
            field.setAccessibleDescription("")
            return iso
        field.setStyleSheet(BAD_FIELD)
        field.setAccessibleDescription(self.tr("Not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY"))
        field.setToolTip(self.tr("Not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY"))
        assert self.article_id is not None
        return self.workspace.state.metadata.get(self.article_id, Metadata()).date

    def url_problem_text(self) -> str | None:
        """What the form says is wrong with the URL field, or ``None``."""
        return self.url_problem.text() if not self.url_problem.isHidden() else None

    def _show_url_problem(self, problem: str | None) -> None:
        self.url_problem.setText(problem or "")
        self.url_problem.setHidden(problem is None)
        self.fields["url"].setStyleSheet(BAD_FIELD if problem else "")
        self.fields["url"].setAccessibleDescription(problem or "")

    def _recheck_url(self, text: str) -> None:
        """While a problem is shown, say at once when it is fixed (or what is wrong now)."""
        if self.url_problem_text() is not None:
            self._show_url_problem(url_problem(text))

    def _on_changed(self, article_id: str) -> None:
        if article_id == self.article_id:
            typed = self.fields["url"].text() if self.url_problem_text() is not None else None
            self.set_article(article_id)
            if typed is not None:  # another field was stored: keep the wrong URL in view with its message
                self.fields["url"].setText(typed)
                self._show_url_problem(url_problem(typed))

    def _on_sources_changed(self) -> None:
        self.set_article(self.article_id)
