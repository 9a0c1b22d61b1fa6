"""The find bar: Esc in its field or on its buttons closes it and gives the focus back to the pane searched;
Enter presses its focused Close button; a match is scrolled well inside the pane, not left on its edge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from briefgen.gui.main_window import MainWindow

WORD = "zanzibar"


def _long_brief(window: MainWindow) -> None:
    """A preview far taller than its pane, with the one match near the end."""
    paragraphs = [f"<p>Paragraph {n} says nothing worth finding here.</p>" for n in range(200)]
    paragraphs[150] = f"<p>Paragraph 150 names {WORD} once.</p>"
    window.preview_pane.setHtml("".join(paragraphs))


def _open_and_find(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _long_brief(window)
    window.preview_pane.setFocus()
    qtbot.waitUntil(window.preview_pane.hasFocus)
    window.find_action.trigger()  # Ctrl+F with the preview focused
    bar = window.find_bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.edit.hasFocus())
    qtbot.keyClicks(bar.edit, WORD)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert window.preview_pane.textCursor().selectedText() == WORD


def _focus(qtbot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


@pytest.mark.parametrize("where", ["field", "next", "close"])
@pytest.mark.parametrize("busy", [False, True])
def test_esc_closes_the_find_bar_and_returns_to_the_preview(qtbot, window: MainWindow, where: str, busy: bool) -> None:
    _open_and_find(qtbot, window)
    bar = window.find_bar
    focused = {"field": bar.edit, "next": bar.next_button, "close": bar.close_button}[where]
    _focus(qtbot, focused)
    cancelled: list[bool] = []
    window.cancel_action.triggered.connect(lambda: cancelled.append(True))
    window.cancel_action.setEnabled(busy)  # while work runs, Esc in the window is Cancel
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not bar.isVisible(), f"Esc with the focus on the find bar's {where} left it open"
    qtbot.waitUntil(window.preview_pane.hasFocus)
    assert not cancelled, "Esc in the find bar is the bar's, not the window's Cancel"
    window.cancel_action.setEnabled(False)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_on_the_close_button_closes_the_find_bar(qtbot, window: MainWindow, key: Qt.Key) -> None:
    _open_and_find(qtbot, window)
    bar = window.find_bar
    _focus(qtbot, bar.close_button)
    qtbot.keyClick(bar.close_button, key)
    assert not bar.isVisible()
    qtbot.waitUntil(window.preview_pane.hasFocus)


def test_enter_on_the_next_button_finds_again(qtbot, window: MainWindow) -> None:
    _open_and_find(qtbot, window)
    bar = window.find_bar
    pane = window.preview_pane
    _focus(qtbot, bar.next_button)
    cursor = pane.textCursor()
    cursor.clearSelection()
    pane.setTextCursor(cursor)
    qtbot.keyClick(bar.next_button, Qt.Key.Key_Return)
    assert pane.textCursor().selectedText() == WORD
    assert bar.isVisible()


def test_a_match_is_scrolled_well_inside_the_preview(qtbot, window: MainWindow) -> None:
    _open_and_find(qtbot, window)
    pane = window.preview_pane
    rect = pane.cursorRect()
    height = pane.viewport().height()
    line = rect.height()
    assert height > 6 * line, "the pane is too short for the test"
    assert pane.verticalScrollBar().value() > 0
    assert rect.top() >= 3 * line, f"the match is at the top edge ({rect.top()} of {height} pixels)"
    assert rect.bottom() <= height - 3 * line, f"the match is at the bottom edge ({rect.bottom()} of {height} pixels)"
