"""The sources list keeps a source's title and file name apart when the row is too narrow for both."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QListWidget, QStyle, QStyleOptionViewItem

from briefgen.gui.main_window import MainWindow
from briefgen.gui.sources_panel import SEPARATOR
from tests.gui.conftest import load

ELLIPSIS = "…"


def set_width(qtbot, lst: QListWidget, width: int) -> None:
    lst.setFixedWidth(width)
    qtbot.waitUntil(lambda: lst.viewport().width() < width)


def shown_text(lst: QListWidget, row: int) -> tuple[str, int]:
    """What row *row* of the list draws, and the width it has for text: asked of the list's item delegate when it
    lays the row out itself, else the whole text shortened as Qt's plain delegate does (the list's elide mode)."""
    item = lst.item(row)
    option = QStyleOptionViewItem()
    option.initFrom(lst)
    rect = lst.visualItemRect(item)  # as wide as the text; the list paints the row across its width
    option.rect = QRect(rect.x(), rect.y(), lst.viewport().width(), rect.height())
    option.font = lst.font()
    option.fontMetrics = lst.fontMetrics()
    option.widget = lst
    margin = 2 * (lst.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, lst) + 1)
    width = option.rect.width() - margin
    delegate = lst.itemDelegate()
    if hasattr(delegate, "shown"):
        return delegate.shown(option, lst.indexFromItem(item)).text, width
    return lst.fontMetrics().elidedText(item.text(), lst.textElideMode(), width), width


def test_a_shortened_title_and_file_name_keep_the_separator_between_them(
    qtbot, window: MainWindow, seeds_dir: Path
) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    lst = window.sources_panel.list
    set_width(qtbot, lst, 227)  # the window's default: neither title nor file name fits whole
    for row in range(lst.count()):
        full = lst.item(row).text()
        title, name = full.split(SEPARATOR)
        shown, width = shown_text(lst, row)
        assert SEPARATOR in shown, f"title and file name run together: {shown!r}"
        shown_title, shown_name = shown.split(SEPARATOR)
        assert shown_title.endswith(ELLIPSIS) and title.startswith(shown_title[:-1]), shown
        assert ELLIPSIS in shown_name and shown_name.endswith(".txt"), shown  # the extension stays in view
        assert name.startswith(shown_name.split(ELLIPSIS)[0])
        assert lst.fontMetrics().horizontalAdvance(shown) <= width
    lst.grab()  # the delegate paints what it measured without error


def test_a_row_wide_enough_shows_the_whole_label(qtbot, window: MainWindow, seeds_dir: Path, tmp_path: Path) -> None:
    untitled = tmp_path / "notes-without-a-title.md"
    untitled.write_text("A paragraph of plain words. Another sentence follows it here.\n", encoding="utf-8")
    load(qtbot, window, [*sorted(seeds_dir.iterdir()), untitled])
    lst = window.sources_panel.list
    set_width(qtbot, lst, 900)
    for row in range(lst.count()):
        assert shown_text(lst, row)[0] == lst.item(row).text()
    set_width(qtbot, lst, 120)
    shown, _width = shown_text(lst, lst.count() - 1)
    assert SEPARATOR not in shown and shown.endswith(".md") and ELLIPSIS in shown  # a file name alone: its middle
    assert lst.item(lst.count() - 1).data(Qt.ItemDataRole.UserRole)


def test_the_tooltip_gives_the_whole_title_and_path(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    paths = sorted(seeds_dir.iterdir())
    load(qtbot, window, paths)
    lst = window.sources_panel.list
    for row in range(lst.count()):
        item = lst.item(row)
        title = item.text().split(SEPARATOR)[0]
        tip = item.toolTip().splitlines()
        assert tip[0] == title, tip  # the list cuts the title short; the tooltip does not
        assert any(line.endswith(p.name) for line in tip for p in paths), tip
