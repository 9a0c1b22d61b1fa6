"""The live brief preview: the composed brief as rich text. Clicking a sentence or its citation shows its place
in the source; right-click (or Tab to a sentence and press P or X) pins or excludes it. Hovering a sentence says
how many sources carry it (and whether it is new since the last export); the preview can be narrowed to the
claims only one source makes."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QPalette,
    Qt,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QToolTip, QWidget

from briefgen.brief import Brief, BriefSentence, PartKind
from briefgen.gui.translations import plural_form
from briefgen.gui.workspace import Workspace
from briefgen.render.brief_html import brief_fragments, css_for, font_stack, message_html
from briefgen.templates.style import RenderStyle

PAPER = "#FFFFFF"
INK = "#1A1A1A"
BATCH_CHARS = 3_000
"""HTML laid out per event-loop turn (a few milliseconds' work)."""


class PreviewPane(QTextBrowser):
    sentenceActivated = Signal(str)  # noqa: N815
    """A sentence id whose place in the source should be shown."""
    rendered = Signal()
    """The whole brief (or message) is laid out."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.brief: Brief | None = None
        self._generation = 0
        self._pending: list[str] = []
        self._scroll = 0
        self.setAccessibleName(self.tr("Brief preview"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self.pin_action = QAction(self.tr("&Pin sentence"), self)
        self.pin_action.setShortcut("P")
        self.pin_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.pin_action.triggered.connect(self._pin_current)
        self.exclude_action = QAction(self.tr("E&xclude sentence"), self)
        self.exclude_action.setShortcut("X")
        self.exclude_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.exclude_action.triggered.connect(self._exclude_current)
        self.addAction(self.pin_action)
        self.addAction(self.exclude_action)
        self.single_source_action = QAction(self.tr("Show &single-source claims only"), self)
        self.single_source_action.setCheckable(True)
        self.single_source_action.setToolTip(self.tr("Show only the sentences that one source alone carries"))
        self.single_source_action.toggled.connect(self._single_source_toggled)
        self._full_brief: Brief | None = None
        self._style: RenderStyle | None = None
        """The template's look of the brief shown (kept for redraws that do not bring a new one)."""
        self._paper()
        self.show_message(self.tr("The brief appears here as soon as a source is loaded."))

    def _paper(self) -> None:
        """A white page with dark text, in a light or dark scheme alike: the preview looks like the document."""
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(PAPER))
        palette.setColor(QPalette.ColorRole.Text, QColor(INK))
        self.viewport().setPalette(palette)
        self.viewport().setAutoFillBackground(True)
        self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.palette().color(QPalette.ColorRole.Base) != QColor(PAPER):
            self._paper()

    def show_message(self, text: str) -> None:
        self.brief = None
        self._generation += 1
        self._pending = []
        self.setUpdatesEnabled(True)
        self.setHtml(message_html(text))
        self.rendered.emit()

    def show_brief(self, brief: Brief, fragments: list[str] | None = None, style: RenderStyle | None = None) -> None:
        """Show *brief* (from its HTML *fragments* when they were made in a worker) in the template's look
        (*style*: colours, fonts, marking); a long one is laid out a batch at a time so the window keeps
        responding."""
        if style is not None:
            self._style = style
        style = self._style
        self._full_brief = brief
        if self.single_source_action.isChecked():
            brief, fragments = single_source_only(brief), None
        self.brief = brief
        self._generation += 1
        self._scroll = self.verticalScrollBar().value()
        pins = self.workspace.state.pins
        self._pending = list(fragments) if fragments is not None else brief_fragments(brief, pins, style)
        self.setUpdatesEnabled(False)
        self.clear()
        self.document().setDefaultStyleSheet(css_for(style))
        body = style.fonts.body if style is not None else "serif"
        font = QFont(self.font())
        font.setStyleHint(QFont.StyleHint.SansSerif if body == "sans" else QFont.StyleHint.Serif)
        font.setFamilies([f.strip().strip("'") for f in font_stack(body).split(",")])
        self.document().setDefaultFont(font)
        self._insert_batch(self._generation)

    def _insert_batch(self, generation: int) -> None:
        if generation != self._generation:
            return
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        size = 0
        while self._pending and size < BATCH_CHARS:
            fragment = self._pending.pop(0)
            if not self.document().isEmpty():
                # a fresh block, or the fragment's first block would merge into the last one
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            cursor.insertHtml(fragment)
            size += len(fragment)
        self.setUpdatesEnabled(True)
        if self._pending:
            QTimer.singleShot(0, lambda: self._insert_batch(generation))
            return
        self.verticalScrollBar().setValue(self._scroll)
        self.rendered.emit()

    def is_complete(self) -> bool:
        """True when the whole brief (or message) is laid out (a long brief goes in over several turns)."""
        return not self._pending

    def _single_source_toggled(self, _checked: bool) -> None:
        if self._full_brief is not None:
            self.show_brief(self._full_brief)

    def sentence_at(self, sentence_id: str) -> BriefSentence | None:
        if self.brief is None:
            return None
        return next((s for s in self.brief.sentences() if s.id == sentence_id), None)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip_at(self, pos: object) -> str | None:
        """What hovering at *pos* (viewport coordinates) says: the sentence's sources, and whether it is new."""
        href = self.anchorAt(pos)  # type: ignore[arg-type]
        sid = self._sentence_of(href) if href else None
        sentence = self.sentence_at(sid) if sid else None
        if sentence is None or self.brief is None:
            return None
        titles = []
        for citation in sentence.citations:
            entry = self.brief.entry_for(citation)
            if entry is not None and entry.metadata.title and entry.metadata.title not in titles:
                titles.append(entry.metadata.title)
        n = sentence.support
        carried = plural_form(self.tr("Carried by {n} source(s)", "", n), n).format(n=n)
        lines = [carried + (": " if titles else "")]
        lines += [f"• {t}" for t in titles]
        if n == 1:
            lines.append(self.tr("Only one source makes this claim."))
        if sentence.new:
            lines.append(self.tr("New since the last export."))
        return "\n".join(lines)

    def sentence_ids(self) -> list[str]:
        return [s.id for s in self.brief.sentences()] if self.brief else []

    @staticmethod
    def _sentence_of(href: str) -> str | None:
        kind, _, sid = href.partition(":")
        return sid if kind in ("s", "c") and sid else None

    def _on_anchor(self, url: QUrl) -> None:
        sid = self._sentence_of(url.toString())
        if sid:
            self.sentenceActivated.emit(sid)

    def current_sentence(self) -> str | None:
        href = self.textCursor().charFormat().anchorHref()
        return self._sentence_of(href) if href else None

    def _pin_current(self) -> None:
        sid = self.current_sentence()
        if sid:
            self.workspace.toggle_pin(sid)

    def _exclude_current(self) -> None:
        sid = self.current_sentence()
        if sid:
            self.workspace.toggle_exclude(sid)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        href = self.anchorAt(event.pos())
        sid = self._sentence_of(href) if href else None
        menu = QMenu(self)
        if sid:
            state = self.workspace.state
            show = menu.addAction(self.tr("Show in source"))
            show.triggered.connect(lambda: self.sentenceActivated.emit(sid))
            pin = menu.addAction(self.tr("Unpin sentence") if sid in state.pins else self.tr("Pin sentence"))
            pin.setShortcut("P")
            pin.triggered.connect(lambda: self.workspace.toggle_pin(sid))
            exc = menu.addAction(self.tr("Exclude sentence from the brief"))
            exc.setShortcut("X")
            exc.triggered.connect(lambda: self.workspace.toggle_exclude(sid))
            menu.addSeparator()
        menu.addAction(self.single_source_action)
        copy = menu.addAction(self.tr("Copy"))
        copy.triggered.connect(self.copy)
        menu.exec(event.globalPos())


def single_source_only(brief: Brief) -> Brief:
    """*brief* with only the sentences one source alone carries (parts left empty are dropped; the source list
    stays)."""
    parts = []
    for part in brief.parts:
        if part.kind in (PartKind.SOURCES, PartKind.KEYPHRASES):
            parts.append(part)
            continue
        kept = tuple(s for s in part.sentences if s.support == 1)
        if kept:
            parts.append(dataclasses.replace(part, sentences=kept, rows=()))
    return dataclasses.replace(brief, parts=tuple(parts))
