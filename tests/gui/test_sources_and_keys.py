"""Sources by drag and drop and reordering; pin and exclude from the keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QTextCursor

from briefgen.gui.main_window import MainWindow
from tests.gui.conftest import LOAD_TIMEOUT_MS, current, load


def test_dropping_a_folder_adds_its_sources(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seeds_dir))])
    target = window.sources_panel.list
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        target.dropEvent(event)
    assert sorted(Path(s.path).name for s in window.workspace.state.corpus.sources) == sorted(
        p.name for p in seeds_dir.iterdir()
    )


def test_reordering_sources_changes_the_order_everywhere(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    first, second = (s.id for s in window.workspace.state.corpus.sources)
    panel = window.sources_panel
    panel.list.setCurrentRow(0)
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        panel.down_button.click()
    assert [s.id for s in window.workspace.state.corpus.sources] == [second, first]
    assert panel.list.item(0).data(Qt.ItemDataRole.UserRole) == second
    assert window.tree_model.index(0, 0).data(Qt.ItemDataRole.UserRole + 1) == second
    assert window.workspace.is_dirty()
    panel.list.setCurrentRow(1)
    panel.remove_button.click()
    assert [s.id for s in window.workspace.state.corpus.sources] == [second]


def test_keyboard_pin_in_the_preview_and_exclude_in_the_reading_pane(
    qtbot, window: MainWindow, seeds_dir: Path
) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    pane = window.preview_pane
    target = current(window).brief.sentences()[0]
    # put the cursor on the first sentence's link, as Tab does, then press P
    doc = pane.document()
    found = doc.find(target.text[:30])
    assert not found.isNull()
    cursor = QTextCursor(doc)
    cursor.setPosition(found.selectionStart() + 2)
    pane.setTextCursor(cursor)
    pane.setFocus()
    assert pane.current_sentence() == target.id
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        qtbot.keyClick(pane, Qt.Key.Key_P)
    assert target.id in window.workspace.state.pins
    # in the reading pane: the shown sentence, X excludes it
    window.show_sentence(target.citations[0].sentence)
    window.reading.setFocus()
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        qtbot.keyClick(window.reading, Qt.Key.Key_X)
    assert target.citations[0].sentence in window.workspace.state.excludes
    assert target.id not in window.workspace.state.pins  # excluding a pinned sentence unpins it
