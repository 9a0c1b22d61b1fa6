"""The real main window, driven offscreen: load, tick, preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from briefgen.gui.main_window import MainWindow
from briefgen.gui.section_tree_model import ID_ROLE
from tests.gui.conftest import LOAD_TIMEOUT_MS, load


def test_loading_seeds_fills_the_tree_and_the_preview(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    assert window.tree_model.rowCount() == 2
    assert window.sources_panel.list.count() == 2
    brief = window.preview.result.brief
    assert brief.sentences()
    html = window.preview_pane.toPlainText()
    assert brief.sentences()[0].text[:40] in html


def test_unticking_a_section_changes_the_preview(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    before = window.preview.result.brief
    cited = {c.source for s in before.sentences() for c in s.citations}
    src_index = window.tree_model.index(0, 0)
    source_id = src_index.data(ID_ROLE)
    assert source_id in cited
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS) as blocker:
        assert window.tree_model.setData(src_index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    after = blocker.args[0].brief
    assert source_id not in {c.source for s in after.sentences() for c in s.citations}
    assert src_index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
