"""The preview says how many sources carry a sentence, and can narrow to the claims only one source makes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor

from briefgen.gui.main_window import MainWindow
from briefgen.gui.preview_pane import PreviewPane
from tests.gui.conftest import current, load

STORY = """# Harbour town votes for a tidal barrier

The town flooded three times in the past decade, most recently in January, when a surge overtopped the quay.
The Environment Agency estimates that the risk of such a surge will double by 2050 as sea levels rise.
Insurers have already begun to withdraw cover from streets near the harbour and the old market.
"""
COPY = STORY.replace("Harbour town votes for a tidal barrier", "Barrier approved after six-year fight")
OTHER = """# Inland market town rejects new bypass

Traffic through the market square has doubled since the motorway junction opened last spring.
Shopkeepers say lorries park on the pavement every morning while they unload their goods.
"""


def sources(tmp_path: Path) -> list[Path]:
    out = []
    for name, text in (("story.md", STORY), ("copy.md", COPY), ("other.md", OTHER)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        out.append(tmp_path / name)
    return out


def anchor_position(pane: PreviewPane, sentence_id: str) -> object:
    """A point in the viewport over the sentence's link."""
    doc = pane.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == f"s:{sentence_id}":
                cursor = QTextCursor(doc)
                cursor.setPosition(fragment.position() + 1)
                return pane.cursorRect(cursor).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no link for {sentence_id}")


def test_hovering_a_sentence_says_how_many_sources_carry_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    load(qtbot, window, sources(tmp_path))
    pane = window.preview_pane
    brief = current(window).brief
    shared = next(s for s in brief.sentences() if s.support == 2)
    alone = next(s for s in brief.sentences() if s.support == 1)
    qtbot.waitUntil(lambda: pane.brief is not None and not pane._pending)
    text = pane.tooltip_at(anchor_position(pane, shared.id))
    assert text is not None and text.startswith("Carried by 2 sources")
    assert "Harbour town votes for a tidal barrier" in text and "Barrier approved after six-year fight" in text
    lone = pane.tooltip_at(anchor_position(pane, alone.id))
    assert lone is not None and "Only one source makes this claim." in lone


def test_the_preview_can_show_only_single_source_claims(qtbot, window: MainWindow, tmp_path: Path) -> None:
    load(qtbot, window, sources(tmp_path))
    pane = window.preview_pane
    full = current(window).brief
    assert any(s.support == 2 for s in full.sentences())
    with qtbot.waitSignal(pane.rendered):
        pane.single_source_action.setChecked(True)
    assert pane.brief is not None and pane.brief.sentences()
    assert all(s.support == 1 for s in pane.brief.sentences())
    with qtbot.waitSignal(pane.rendered):
        pane.single_source_action.setChecked(False)
    assert [s.id for s in pane.brief.sentences()] == [s.id for s in full.sentences()]
