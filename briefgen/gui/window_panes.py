"""The main window's panes: sources, sections and citation details on the left, the reading pane in the middle,
the brief preview (with its title, length, method and template) on the right, and the status bar; and the window's
size and pane widths, restored at start and saved at quit."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefgen.gui.busy_status import BusyStatus
from briefgen.gui.find_bar import FindBar
from briefgen.gui.length_controls import LengthControls
from briefgen.gui.metadata_form import MetadataForm
from briefgen.gui.preview_pane import PreviewPane
from briefgen.gui.reading_pane import ReadingPane
from briefgen.gui.screen_fit import fit_to_screen
from briefgen.gui.section_tree_model import SectionTreeModel
from briefgen.gui.settings import Settings
from briefgen.gui.sources_panel import SourcesPanel
from briefgen.gui.title_field import TitleField
from briefgen.gui.workspace import Workspace

PANE_SIZES = (380, 420, 640)
"""Default widths of the left pane, the reading pane and the brief preview."""
PANE_MIN_WIDTHS = (220, 170, 300)
"""Narrowest each pane may get: at 800 px every one is still usable."""
PANE_STRETCH = (2, 3, 4)
"""How the window's width is shared when it is resized."""
LEFT_SIZES = (230, 340, 200)
"""Default heights of the sources list, the sections tree and the citation details."""
DEFAULT_SIZE = (1320, 820)


def _titled(title: str, widget: QWidget, parent: QWidget) -> QWidget:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    label = QLabel(f"<b>{title}</b>", box)
    label.setBuddy(widget)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box


class PanedWindow(QMainWindow):
    """The panes and the window's layout (the main window adds the actions and the wiring)."""

    workspace: Workspace
    settings: Settings

    def _build_widgets(self) -> None:
        ws = self.workspace
        self.sources_panel = SourcesPanel(ws, self)
        self.tree_model = SectionTreeModel(ws)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Sources, articles and sections"))
        self.tree.setUniformRowHeights(True)
        self.metadata_form = MetadataForm(ws, self)
        self.reading = ReadingPane(ws, self)
        self.preview_pane = PreviewPane(ws, self)
        self.length = LengthControls(self)
        self.title_field = TitleField(ws, self)
        self.find_bar = FindBar([self.reading, self.preview_pane], self)

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(_titled(self.tr("&Sources"), self.sources_panel, left))
        left.addWidget(_titled(self.tr("Se&ctions"), self.tree, left))  # Alt+T is the citation Title
        left.addWidget(self.metadata_form)
        left.setSizes(list(LEFT_SIZES))
        left.setChildrenCollapsible(False)
        for index, stretch in enumerate((1, 3, 0)):  # a lower window takes the height from the lists
            left.setStretchFactor(index, stretch)
        left.setMinimumWidth(PANE_MIN_WIDTHS[0])
        right = QWidget(self)
        right.setMinimumWidth(PANE_MIN_WIDTHS[2])
        rlayout = QVBoxLayout(right)
        rlayout.setContentsMargins(4, 4, 4, 4)
        header = QHBoxLayout()
        header.addWidget(QLabel("<b>{}</b>".format(self.tr("Brief preview")), right))
        header.addWidget(self.length.count, 1)  # the count of what the preview has, just above the Length control
        # it takes the room there is (a long count must not widen the pane; its tooltip has it in full)
        self.length.count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.length.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        rlayout.addLayout(header)
        rlayout.addWidget(self.title_field)
        rlayout.addWidget(self.length)
        rlayout.addWidget(self.preview_pane, 1)
        reading = _titled(self.tr("&Reading"), self.reading, self)
        reading.setMinimumWidth(PANE_MIN_WIDTHS[1])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(reading)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        for index, stretch in enumerate(PANE_STRETCH):
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setSizes(list(PANE_SIZES))
        central = QWidget(self)
        clayout = QVBoxLayout(central)
        clayout.setContentsMargins(0, 0, 0, 0)
        clayout.addWidget(self.splitter, 1)
        clayout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.status_label = QLabel("", self)
        self.left_out_label = QLabel("", self)
        self.left_out_label.setAccessibleName(self.tr("Left out of the brief"))
        self.left_out_label.hide()
        self.busy = BusyStatus(self)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.left_out_label)
        self.statusBar().addPermanentWidget(self.busy)

    def _restore_layout(self) -> None:
        for key, restore in (
            ("window_geometry", self.restoreGeometry),
            ("window_state", self.restoreState),
            ("splitter_state", self.splitter.restoreState),
        ):
            value = self.settings.get(key)
            if value:
                restore(QByteArray.fromBase64(value.encode("ascii")))
        if not self.settings.get("window_geometry"):
            self.resize(*DEFAULT_SIZE)
        if not self.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            fit_to_screen(self)  # a layout saved on a larger screen, or the default on a small one

    def save_layout(self) -> None:
        for key, data in (
            ("window_geometry", self.saveGeometry()),
            ("window_state", self.saveState()),
            ("splitter_state", self.splitter.saveState()),
        ):
            self.settings.set(key, bytes(data.toBase64().data()).decode("ascii"))
        self.settings.save()
