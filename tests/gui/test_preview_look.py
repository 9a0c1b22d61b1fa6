"""The main window's preview shows the chosen template's look, as the export will: its heading colour, body
font, and its marking where the template puts it (a coloured banner, or the header and footer)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor

from briefgen.gui.main_window import MainWindow
from tests.gui.conftest import LOAD_TIMEOUT_MS, current, load


def _heading_colour(window: MainWindow, heading: str) -> str:
    text = window.preview_pane.toPlainText()
    cursor = QTextCursor(window.preview_pane.document())
    cursor.setPosition(text.index(heading) + 1)
    return cursor.charFormat().foreground().color().name().upper()


def _tables(window: MainWindow) -> list[str]:
    """Background colours of the tables in the preview (the banner is one)."""
    frame = window.preview_pane.document().rootFrame()
    found = []
    for child in frame.childFrames():
        fmt = child.frameFormat()
        if fmt.isTableFormat():
            found.append(fmt.background().color().name().upper())
    return found


def test_the_preview_takes_the_templates_colours_fonts_and_marking(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    qtbot.waitUntil(window.preview_pane.is_complete)
    policy = current(window)
    assert policy.template.name == "policy-brief"
    first_heading = next(p.heading for p in policy.brief.parts if p.sentences)
    assert _heading_colour(window, first_heading) == policy.style.colours.headings.upper() == "#1F3864"
    text = window.preview_pane.toPlainText()
    lines = text.splitlines()
    assert lines[0] == policy.style.header_text, "the running header, as on the export's pages"
    assert lines[1] == "OFFICIAL" and lines[-1] == "OFFICIAL", "the marking at top and bottom (placement both)"
    assert _tables(window) == []

    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS):
        window.choose_template("executive-one-page")
    qtbot.waitUntil(window.preview_pane.is_complete)
    one_page = current(window)
    style = one_page.style
    heading = next(p.heading for p in one_page.brief.parts if p.sentences)
    assert _heading_colour(window, heading) == style.colours.headings.upper() == "#0B6E4F"
    assert style.colours.marking.upper() in _tables(window), "the marking banner in the template's colour"
    font = window.preview_pane.document().defaultFont()
    assert "Sans" in font.family() or font.family() in ("Arial", "Liberation Sans"), font.family()


def test_the_title_block_shows_what_the_templates_title_block_shows(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS):
        window.choose_template("research-digest")  # its subtitle carries the date, and show_date is off
    qtbot.waitUntil(window.preview_pane.is_complete)
    brief = current(window).brief
    text = window.preview_pane.toPlainText()
    head = text[: text.index(brief.parts[0].heading)]
    assert brief.date in head and head.count(brief.date) == 1, head
