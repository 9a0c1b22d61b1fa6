"""The preview says how many sources carry a sentence, and can narrow to the claims only one source makes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor, QTextFragment

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


def link_fragment(pane: PreviewPane, sentence_id: str) -> QTextFragment:
    """The first piece of text of the sentence's link in the preview."""
    block = pane.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == f"s:{sentence_id}":
                return fragment
            it += 1
        block = block.next()
    raise AssertionError(f"no link for {sentence_id}")


def anchor_position(pane: PreviewPane, sentence_id: str) -> object:
    """A point in the viewport over the sentence's link."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(link_fragment(pane, sentence_id).position() + 1)
    return pane.cursorRect(cursor).center()


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


def test_after_an_export_the_preview_highlights_what_is_new(qtbot, window: MainWindow, tmp_path: Path) -> None:
    from briefgen.novelty import text_hash

    load(qtbot, window, sources(tmp_path))
    brief = current(window).brief
    assert not any(s.new for s in brief.sentences()), "nothing is new before the first export"
    other = window.workspace.state.corpus.sources[2].id
    later = {s.id for s in brief.sentences() if s.citations[0].source == other}
    assert later, "the third source has sentences in the brief"
    # an export that held every sentence but the third source's (as if that source came later)
    exported = frozenset(text_hash(s.text) for s in brief.sentences() if s.id not in later)
    with qtbot.waitSignal(window.preview.settled, timeout=60_000):
        window.workspace.set_exported(exported)  # what a finished export does
    assert window.workspace.is_dirty(), "the project now knows what was exported: worth saving"
    again = current(window).brief
    assert {s.id for s in again.sentences() if s.new} == later
    pane = window.preview_pane
    qtbot.waitUntil(lambda: pane.brief is again and not pane._pending)
    new_id = sorted(later)[0]
    assert (
        link_fragment(pane, new_id).charFormat().background().color().name() == "#dcebfa"
    )  # light blue: not the reading pane's yellow "in the brief"
    old = next(s for s in again.sentences() if not s.new)
    assert link_fragment(pane, old.id).charFormat().background().style().name == "NoBrush"
    text = pane.tooltip_at(anchor_position(pane, new_id))
    assert text is not None and "New since the last export." in text
