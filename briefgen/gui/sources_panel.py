"""The sources list: add (dialog or drag and drop of files and folders), remove and reorder sources."""

from __future__ import annotations

import os
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from briefgen.gui.section_tree_model import source_label
from briefgen.gui.workspace import Workspace
from briefgen.model import Source

TITLE_CHARS = 60
"""A longer title is shortened in the list (the tooltip has the path)."""
SEPARATOR = " — "
"""Between a source's title and its file name, in the list and in the item's text."""
NAME_SHARE = 0.5
"""When the title and the file name do not both fit, the file name keeps at most this share of the row."""
TITLE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The item's title (empty when the list shows the file name alone)."""
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
"""The item's file name."""
MIN_ROWS = 5
"""Sources the list shows at the least, however low the window (the buttons stay below it)."""
ROW_MARGINS = 4
"""What an item adds to a line of text (the styles' item margins are 1-2 px above and below)."""
SOURCE_FILTER = str(
    QT_TRANSLATE_NOOP(
        "SourcesPanel", "Articles (*.txt *.text *.md *.markdown *.html *.htm *.xhtml *.docx *.pdf);;All files (*)"
    )
)
"""The Add sources dialog's filter (translated where used)."""


def supported_suffixes() -> tuple[str, ...]:
    from briefgen.ingest import supported_extensions

    return tuple(supported_extensions())


def label_parts(source: Source) -> tuple[str, str]:
    """The title shown for *source* (the first article's, as the brief cites it, edits included; empty when
    there is none or it is the file name) and its file name."""
    name = source_label(source.path)
    title = next((a.title.strip() for a in source.articles if a.title and a.title.strip()), "")
    if title == name:
        title = ""
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1].rstrip() + "…"
    return title, name


def titled_label(source: Source) -> str:
    """``Title — file.txt``: the title with the file name beside it; the file name alone when there is no
    title."""
    title, name = label_parts(source)
    return f"{title}{SEPARATOR}{name}" if title else name


class ShownParts(NamedTuple):
    """What a row of the list draws: the title, the separator and the file name, each as shortened to fit."""

    title: str
    separator: str
    name: str

    @property
    def text(self) -> str:
        return self.title + self.separator + self.name


def fit_parts(metrics: QFontMetrics, title: str, name: str, width: int) -> ShownParts:
    """*title* and *name* shortened apart to fit *width* pixels, so that each keeps its own "…" and the
    separator between them stays in view: the title loses its end, the file name its middle (its extension
    stays), and the file name keeps at most :data:`NAME_SHARE` of the row when both are long."""
    name_width = metrics.horizontalAdvance(name)
    if not title:
        return ShownParts("", "", metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, width))
    title_width = metrics.horizontalAdvance(title)
    room = width - metrics.horizontalAdvance(SEPARATOR)
    if title_width + name_width <= room:
        return ShownParts(title, SEPARATOR, name)
    name_room = min(name_width, max(int(room * NAME_SHARE), room - title_width))
    shown_title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room - name_room)
    if len(shown_title) < 2:  # no room for even a letter of the title: the file name alone
        return ShownParts("", "", metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, width))
    return ShownParts(shown_title, SEPARATOR, metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, name_room))


class SourceItemDelegate(QStyledItemDelegate):
    """Draws a source's title and file name each shortened on its own, with the separator kept between them
    (shortening the whole text in the middle ran the two together: "North Korea cris…3061ed.txt")."""

    def _layout(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> tuple[QStyleOptionViewItem, QStyle, QRect]:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, opt.widget) + 1
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        return opt, style, rect.adjusted(margin, 0, -margin, 0)

    def shown(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> ShownParts:
        """What the row of *index* shows with *option* (its rectangle and font)."""
        opt, _style, rect = self._layout(option, index)
        title = str(index.data(TITLE_ROLE) or "")
        name = str(index.data(NAME_ROLE) or opt.text)
        return fit_parts(opt.fontMetrics, title, name, rect.width())

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if not index.data(NAME_ROLE):
            super().paint(painter, option, index)
            return
        parts = self.shown(option, index)
        opt, style, rect = self._layout(option, index)
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        enabled = bool(opt.state & QStyle.StateFlag.State_Enabled)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.save()
        painter.setFont(opt.font)
        x = rect.left()
        for piece in parts:
            if not piece:
                continue
            width = opt.fontMetrics.horizontalAdvance(piece)
            box = QRect(x, rect.top(), min(width, rect.right() - x + 1), rect.height())
            style.drawItemText(painter, box, int(align), opt.palette, enabled, piece, role)
            x += width
        painter.restore()


class SourceList(QListWidget):
    """The list itself: internal drag to reorder, external drops of files and folders."""

    filesDropped = Signal(list)  # noqa: N815
    moved = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAccessibleName(self.tr("Sources"))
        # a long title gives way in the middle, so the file name at the end of "Title — file.txt" stays in view
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.delegate = SourceItemDelegate(self)  # the title and the file name are each shortened on their own
        self.setItemDelegate(self.delegate)

    def height_for_rows(self, rows: int) -> int:
        """The height that shows *rows* sources (a row is a line of text and the item's margins)."""
        return rows * (self.fontMetrics().lineSpacing() + ROW_MARGINS) + 2 * self.frameWidth()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
            event.acceptProposedAction()
            if paths:
                self.filesDropped.emit(paths)
            return
        dragged = self.currentItem()
        sid = dragged.data(Qt.ItemDataRole.UserRole) if dragged else None
        super().dropEvent(event)
        if sid:
            for row in range(self.count()):
                if self.item(row).data(Qt.ItemDataRole.UserRole) == sid:
                    self.moved.emit(sid, row)
                    break


class SourcesPanel(QWidget):
    """List plus buttons. ``addRequested`` carries file or folder paths for the main window to load in a worker."""

    addRequested = Signal(list)  # noqa: N815
    sourceActivated = Signal(str)  # noqa: N815

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.list = SourceList(self)
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.add_folder_button = QPushButton(self.tr("Add folder…"), self)  # Alt+F is the File menu (it has Add folder)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        for button, name in (
            (self.add_button, self.tr("Add source files")),
            (self.add_folder_button, self.tr("Add a folder of sources")),
            (self.remove_button, self.tr("Remove the chosen source")),
            (self.up_button, self.tr("Move the chosen source up")),
            (self.down_button, self.tr("Move the chosen source down")),
        ):
            button.setAccessibleName(name)
            button.setToolTip(name)
        # two rows, so the panel stays usable in a narrow window
        adding, editing = QHBoxLayout(), QHBoxLayout()
        for b in (self.add_button, self.add_folder_button):
            adding.addWidget(b)
        for b in (self.remove_button, self.up_button, self.down_button):
            editing.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list.setMinimumHeight(self.list.height_for_rows(MIN_ROWS))
        layout.addWidget(self.list, 1)
        layout.addLayout(adding)
        layout.addLayout(editing)

        self.add_button.clicked.connect(self.choose_files)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(+1))
        self.list.filesDropped.connect(self.addRequested.emit)
        self.list.moved.connect(self.workspace.move_source)
        self.list.currentRowChanged.connect(self._current_changed)
        workspace.sourcesChanged.connect(self.refresh)
        workspace.metadataChanged.connect(lambda _article: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        current = self.current_source_id()
        self.list.blockSignals(True)
        self.list.clear()
        for src in self.workspace.state.effective_corpus().sources:
            title, name = label_parts(src)
            item = QListWidgetItem(titled_label(src))
            item.setData(Qt.ItemDataRole.UserRole, src.id)
            item.setData(TITLE_ROLE, title)
            item.setData(NAME_ROLE, name)
            # the whole title and path, which a narrow list cuts short
            tip = "\n".join([*([title] if title else []), src.path, *src.warnings])
            item.setToolTip(tip)
            self.list.addItem(item)
            if src.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._update_buttons()

    def current_source_id(self) -> str | None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return str(value) if value else None

    def _current_changed(self, _row: int) -> None:
        self._update_buttons()
        sid = self.current_source_id()
        if sid:
            self.sourceActivated.emit(sid)

    def _update_buttons(self) -> None:
        row, n = self.list.currentRow(), self.list.count()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < n - 1)

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add sources"), os.path.expanduser("~"), self.tr(SOURCE_FILTER)
        )
        if paths:
            self.addRequested.emit(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of sources"), os.path.expanduser("~"))
        if folder:
            self.addRequested.emit([folder])

    def remove_current(self) -> None:
        sid = self.current_source_id()
        if sid:
            row = self.list.currentRow()
            self.workspace.remove_source(sid)
            if self.list.count():
                self.list.setCurrentRow(min(row, self.list.count() - 1))

    def move_current(self, step: int) -> None:
        sid = self.current_source_id()
        row = self.list.currentRow()
        if sid and 0 <= row + step < self.list.count():
            self.workspace.move_source(sid, row + step)
            self.list.setCurrentRow(row + step)
