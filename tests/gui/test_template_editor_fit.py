"""The template editor at the size it opens with: the template names, the parts table's columns and the sample's
pages (A4 and US Letter) are all in view, with no sideways scrolling."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QHeaderView, QStyle

from briefgen.gui.main_window import MainWindow
from briefgen.gui.template_editor import EDITOR_SIZE, TemplateEditor
from briefgen.gui.template_parts import PART_COLUMNS, PartsTable
from briefgen.templates.builtins import is_builtin

TIMEOUT_MS = 60_000
PAGE_RATIOS = {"policy-brief": 210 / 297, "executive-one-page": 8.5 / 11}
"""Width over height of the built-in templates' pages: A4 and US Letter."""


def _opened(qtbot, window: MainWindow, name: str) -> TemplateEditor:
    editor = TemplateEditor(name, window.runner, window)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.sampleReady, timeout=TIMEOUT_MS):
        editor.show()
        editor.resize(*EDITOR_SIZE)  # the offscreen screen is smaller than a laptop's: the size it opens with there
    qtbot.waitUntil(lambda: (editor.width(), editor.height()) == EDITOR_SIZE)
    QApplication.processEvents()
    return editor


@pytest.mark.parametrize("name", sorted(PAGE_RATIOS))
def test_names_parts_and_sample_fit_at_the_default_size(qtbot, window: MainWindow, tmp_path: Path, name: str) -> None:
    editor = _opened(qtbot, window, name)
    editor.grab().save(str(tmp_path / f"{name}.png"))

    names = editor.list
    assert not names.horizontalScrollBar().isVisible()
    margins = 2 * (names.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, names) + 1)
    for row in range(names.count()):
        item = names.item(row)
        if is_builtin(str(item.data(256))):
            assert names.fontMetrics().horizontalAdvance(item.text()) + margins <= names.viewport().width(), item.text()
            assert item.text() in item.toolTip()

    table = editor.form.findChild(PartsTable)
    assert isinstance(table, PartsTable) and table.rowCount() >= 3
    editor.form_scroll.ensureWidgetVisible(table)
    QApplication.processEvents()
    assert not table.horizontalScrollBar().isVisible(), "the parts table scrolls sideways"
    type_column, heading_column = PART_COLUMNS.index("type"), PART_COLUMNS.index("heading")
    for row in range(table.rowCount()):
        combo = table.cellWidget(row, type_column)
        assert isinstance(combo, QComboBox)
        assert combo.width() >= combo.sizeHint().width(), "a part's type is cut short"
    header = table.horizontalHeader()
    assert header.sectionResizeMode(heading_column) == QHeaderView.ResizeMode.Stretch
    assert table.columnWidth(heading_column) >= 120, "Heading keeps room for a heading"

    area = editor.sample_area
    pixmap = editor.sample.pixmap()
    assert pixmap is not None and not pixmap.isNull()
    shown = pixmap.deviceIndependentSize()
    assert not area.horizontalScrollBar().isVisible()
    assert shown.width() <= area.viewport().width(), "the sample page is cut off at the right"
    assert shown.width() >= 0.8 * area.viewport().width()  # scaled to fit, not shrunk to a stamp
    page_height = shown.width() / PAGE_RATIOS[name]
    assert shown.height() >= page_height  # the first page whole, at the page's own proportions
    editor.close()


def test_the_sample_grows_with_its_pane_up_to_its_own_size(qtbot, window: MainWindow) -> None:
    editor = _opened(qtbot, window, "executive-one-page")
    image = editor.sample_area.image
    assert image is not None
    before = editor.sample.pixmap().deviceIndependentSize().width()
    editor.resize(EDITOR_SIZE[0] + 400, EDITOR_SIZE[1])
    qtbot.waitUntil(lambda: editor.sample.pixmap().deviceIndependentSize().width() > before)
    assert editor.sample.pixmap().deviceIndependentSize().width() <= image.width()
    assert editor.sample.alignment() & Qt.AlignmentFlag.AlignHCenter
    editor.close()
