"""Following the system's dark scheme: the window turns dark, the reading pane's highlights stay legible, and the
preview stays a white page like the document it shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication

from briefgen.gui.colours import DARK, LIGHT, apply_colour_scheme, is_dark
from briefgen.gui.main_window import MainWindow
from tests.gui.conftest import load


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[QApplication]:
    apply_colour_scheme(qapp, Qt.ColorScheme.Dark)
    yield qapp
    apply_colour_scheme(qapp, Qt.ColorScheme.Light)


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_highlights_keep_text_legible(colours, qapp: QApplication) -> None:
    apply_colour_scheme(qapp, Qt.ColorScheme.Dark if colours is DARK else Qt.ColorScheme.Light)
    try:
        text = qapp.palette().color(QPalette.ColorRole.Text)
        for background in (colours.summary_bg, colours.pinned_bg, colours.focus_bg):
            assert contrast(text, background) >= 4.5, (text.name(), background.name())
        base = qapp.palette().color(QPalette.ColorRole.Base)
        assert contrast(colours.muted_fg, base) >= 4.5
    finally:
        apply_colour_scheme(qapp, Qt.ColorScheme.Light)


def test_a_dark_scheme_darkens_the_window_but_not_the_page(
    qtbot, dark: QApplication, window: MainWindow, seeds_dir: Path
) -> None:
    assert is_dark(window.palette()) and is_dark(window.reading.palette())
    assert window.preview_pane.viewport().palette().color(QPalette.ColorRole.Base) == QColor("#FFFFFF")
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    result = window.preview.result
    assert result is not None
    first = result.brief.sentences()[0]
    window.show_sentence(first.citations[0].sentence)
    cursor = QTextCursor(window.reading.document())
    doc_text = window.reading.toPlainText()
    at = doc_text.index(first.text)
    cursor.setPosition(at + 1)
    assert cursor.charFormat().background().color() in (DARK.focus_bg, DARK.summary_bg)

    apply_colour_scheme(dark, Qt.ColorScheme.Light)  # and back: the pane redraws with the light set
    qtbot.waitUntil(lambda: not is_dark(window.reading.palette()), timeout=2_000)
    cursor = QTextCursor(window.reading.document())
    cursor.setPosition(window.reading.toPlainText().index(first.text) + 1)
    assert cursor.charFormat().background().color() in (LIGHT.focus_bg, LIGHT.summary_bg)
