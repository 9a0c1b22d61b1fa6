"""The reading pane: one section's text, with the sentences that made the summary highlighted.

Pinned sentences are underlined in green, excluded ones struck through. Right-click a sentence (or put the text
cursor in it and press P or X) to pin or exclude it.
"""

from __future__ import annotations

import bisect
from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QContextMenuEvent, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QTextBrowser, QWidget

from briefgen.gui.colours import highlights
from briefgen.gui.workspace import Workspace


class ReadingPane(QTextBrowser):
    pinRequested = Signal(str)  # noqa: N815
    excludeRequested = Signal(str)  # noqa: N815

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.section_id: str | None = None
        self.summary_ids: frozenset[str] = frozenset()
        self._starts: list[int] = []
        self._spans: list[tuple[int, int, str]] = []
        self.setAccessibleName(self.tr("Reading pane"))
        self.setOpenLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.pin_action = QAction(self.tr("&Pin sentence"), self)
        self.pin_action.setShortcut("P")
        self.pin_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.pin_action.triggered.connect(lambda: self._act_on_cursor(self.pinRequested))
        self.exclude_action = QAction(self.tr("E&xclude sentence"), self)
        self.exclude_action.setShortcut("X")
        self.exclude_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.exclude_action.triggered.connect(lambda: self._act_on_cursor(self.excludeRequested))
        self.addAction(self.pin_action)
        self.addAction(self.exclude_action)
        self.pinRequested.connect(workspace.toggle_pin)
        self.excludeRequested.connect(workspace.toggle_exclude)
        workspace.marksChanged.connect(self.refresh)
        workspace.selectionChanged.connect(self.refresh)
        workspace.sourcesChanged.connect(self._on_sources_changed)
        self.show_placeholder()

    def show_placeholder(self) -> None:
        self.section_id = None
        self._spans, self._starts = [], []
        muted = highlights(self.palette()).muted_fg.name()
        text = self.tr(
            "Choose a section in the tree to read it here. Sentences in the brief are highlighted; right-click a "
            "sentence to pin it (always in the brief) or exclude it."
        )
        self.setHtml(f"<p style='color:{muted}'>{escape(text)}</p>")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark: the highlights change with it
            if self.section_id is None:
                self.show_placeholder()
            else:
                self.refresh()

    def _on_sources_changed(self) -> None:
        if self.section_id and not self.workspace.state.corpus.has(self.section_id):
            self.show_placeholder()
        else:
            self.refresh()

    def set_summary_ids(self, ids: frozenset[str]) -> None:
        """Sentences of the brief; the pane is redrawn only when the shown section's highlights change."""
        shown = {sid for _, _, sid in self._spans}
        changed = (self.summary_ids & shown) != (ids & shown)
        self.summary_ids = ids
        if changed:
            self.refresh()

    def show_section(self, section_id: str, focus_sentence: str | None = None) -> None:
        self.section_id = section_id
        self.refresh(focus_sentence)

    def refresh(self, focus_sentence: str | None = None) -> None:
        if self.section_id is None:
            return
        corpus = self.workspace.state.effective_corpus()
        if not corpus.has(self.section_id):
            self.show_placeholder()
            return
        src, art, sec = corpus.section_context(self.section_id)
        state = self.workspace.state
        scroll = self.verticalScrollBar().value()
        self.clear()
        cursor = QTextCursor(self.document())
        plain = QTextCharFormat()
        title_fmt = QTextCharFormat()
        title_fmt.setFontWeight(QFont.Weight.Bold)
        title_fmt.setFontPointSize(self.font().pointSizeF() * 1.25)
        cursor.insertText(sec.heading or art.metadata.title or self.tr("Untitled section"), title_fmt)
        meta = QTextCharFormat()
        colours = highlights(self.palette())
        meta.setForeground(colours.muted_fg)
        cursor.insertBlock()
        where = Path(src.path).name or src.path
        article_title = art.metadata.title or self.tr("Untitled article")
        cursor.insertText(f"{article_title} — {where}", meta)
        if sec.id in state.deselected:
            cursor.insertBlock()
            cursor.insertText(
                self.tr(
                    "This section is unticked: it is not used in the brief (pinning one of its sentences ticks it)."
                ),
                meta,
            )
        self._spans = []
        focus_pos: tuple[int, int] | None = None
        for para in sec.paragraphs:
            cursor.insertBlock()
            cursor.insertBlock()
            pos = para.start
            for sent in para.sentences:
                if sent.start > pos:
                    cursor.insertText(sec.text[pos : sent.start], plain)
                fmt = QTextCharFormat()
                if sent.id in state.pins:
                    fmt.setBackground(colours.pinned_bg)
                    fmt.setFontUnderline(True)
                elif sent.id in state.excludes:
                    fmt.setForeground(colours.excluded_fg)
                    fmt.setFontStrikeOut(True)
                elif sent.id in self.summary_ids:
                    fmt.setBackground(colours.summary_bg)
                if sent.id == focus_sentence:
                    fmt.setBackground(colours.focus_bg)
                start = cursor.position()
                cursor.insertText(sent.text, fmt)
                self._spans.append((start, cursor.position(), sent.id))
                if sent.id == focus_sentence:
                    focus_pos = (start, cursor.position())
                pos = sent.end
            if para.end > pos:
                cursor.insertText(sec.text[pos : para.end], plain)
        self._starts = [s for s, _, _ in self._spans]
        if focus_pos is not None:
            c = self.textCursor()
            c.setPosition(focus_pos[0])
            c.setPosition(focus_pos[1], QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(c)
            self.ensureCursorVisible()
        else:
            self.verticalScrollBar().setValue(scroll)

    def sentence_at_position(self, position: int) -> str | None:
        i = bisect.bisect_right(self._starts, position) - 1
        if i >= 0:
            start, end, sid = self._spans[i]
            if start <= position <= end:
                return sid
        return None

    def sentence_at(self, point: QPoint) -> str | None:
        return self.sentence_at_position(self.cursorForPosition(point).position())

    def current_sentence(self) -> str | None:
        return self.sentence_at_position(self.textCursor().selectionStart())

    def _act_on_cursor(self, signal: SignalInstance) -> None:
        sid = self.current_sentence()
        if sid:
            signal.emit(sid)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        sid = self.sentence_at(event.pos())
        menu = QMenu(self)
        if sid:
            state = self.workspace.state
            if sid in state.pins:
                pin_text = self.tr("Unpin sentence")
            elif self.workspace.unticked_section_of(sid) is not None:
                pin_text = self.tr("Pin sentence (and tick its section, so it can be in the brief)")
            else:
                pin_text = self.tr("Pin sentence (always in the brief)")
            pin = menu.addAction(pin_text)
            pin.setShortcut("P")
            pin.triggered.connect(lambda: self.pinRequested.emit(sid))
            exc = menu.addAction(
                self.tr("Include sentence again") if sid in state.excludes else self.tr("Exclude sentence")
            )
            exc.setShortcut("X")
            exc.triggered.connect(lambda: self.excludeRequested.emit(sid))
            menu.addSeparator()
        copy = menu.addAction(self.tr("Copy"))
        copy.triggered.connect(self.copy)
        menu.exec(event.globalPos())
