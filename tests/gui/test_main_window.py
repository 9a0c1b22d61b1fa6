"""The real main window, driven offscreen: load, tick, preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl

from briefgen.gui.main_window import MainWindow
from briefgen.gui.section_tree_model import ID_ROLE
from briefgen.model import Metadata
from briefgen.summarize.api import Budget
from tests.gui.conftest import LOAD_TIMEOUT_MS, current, load


def test_loading_seeds_fills_the_tree_and_the_preview(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    with qtbot.waitSignals([window.preview.settled, window.preview_pane.rendered], timeout=LOAD_TIMEOUT_MS):
        window.add_paths([str(p) for p in sorted(seeds_dir.iterdir())])
    assert window.tree_model.rowCount() == 2
    assert window.sources_panel.list.count() == 2
    brief = current(window).brief
    assert brief.sentences()
    lines = window.preview_pane.toPlainText().splitlines()
    assert brief.title in lines  # laid out in batches, each part still its own block
    assert brief.parts[0].heading in lines
    text = " ".join(lines)
    assert all(s.text in text for s in brief.sentences())


def test_unticking_a_section_changes_the_preview(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    before = current(window).brief
    cited = {c.source for s in before.sentences() for c in s.citations}
    src_index = window.tree_model.index(0, 0)
    source_id = src_index.data(ID_ROLE)
    assert source_id in cited
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS) as blocker:
        assert window.tree_model.setData(src_index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    after = blocker.args[0].brief
    assert source_id not in {c.source for s in after.sentences() for c in s.citations}
    assert src_index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def _first_brief_sentence(window: MainWindow) -> str:
    return current(window).brief.sentences()[0].id


def test_pin_and_exclude_from_the_preview_and_undo_redo(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    ws = window.workspace
    first = _first_brief_sentence(window)
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS) as blocker:
        ws.toggle_exclude(first)
    assert first not in {s.id for s in blocker.args[0].brief.sentences()}
    # a sentence that is not in the brief, pinned from the reading pane, comes in
    corpus = ws.state.corpus
    in_brief = {s.id for s in blocker.args[0].brief.sentences()}
    candidate = next(
        r.sentence.id
        for r in corpus.sentence_refs()
        if r.sentence.id not in in_brief and r.sentence.id != first and len(r.sentence.text.split()) > 8
    )
    window.show_sentence(candidate)
    assert window.reading.current_sentence() == candidate
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS) as blocker:
        window.reading.pin_action.trigger()
    assert candidate in {s.id for s in blocker.args[0].brief.sentences()}
    assert ws.state.pins == frozenset({candidate}) and ws.state.excludes == frozenset({first})
    assert ws.is_dirty()
    # undo the pin, then the exclude; redo both
    ws.undo_stack.undo()
    assert ws.state.pins == frozenset()
    ws.undo_stack.undo()
    assert ws.state.excludes == frozenset()
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS) as blocker:
        ws.undo_stack.redo()
        ws.undo_stack.redo()
    assert ws.state.pins == frozenset({candidate}) and ws.state.excludes == frozenset({first})
    assert candidate in {s.id for s in blocker.args[0].brief.sentences()}


def test_undo_redo_of_ticks_and_metadata(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    ws = window.workspace
    art_index = window.tree_model.index(0, 0, window.tree_model.index(0, 0))
    article_id = art_index.data(ID_ROLE)
    window.tree.setCurrentIndex(art_index)
    assert window.metadata_form.article_id == article_id
    window.metadata_form.fields["author"].setText("Jane Reporter")
    window.metadata_form.commit()
    assert ws.state.metadata[article_id].author == "Jane Reporter"
    window.tree_model.setData(art_index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert art_index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert art_index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    window.undo_action.trigger()
    assert article_id not in ws.state.metadata
    assert window.metadata_form.fields["author"].text() == ""
    window.redo_action.trigger()
    assert ws.state.metadata[article_id].author == "Jane Reporter"
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS) as blocker:
        window.redo_action.trigger()
    assert art_index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert blocker.args[0].brief is not None


def test_metadata_edit_reaches_the_bibliography(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    article_id = current(window).brief.sources[0].article_id
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS) as blocker:
        window.workspace.edit_metadata(article_id, Metadata(publisher="Zebra Weekly Review"))
    entry = next(e for e in blocker.args[0].brief.sources if e.article_id == article_id)
    assert "Zebra Weekly Review" in entry.formatted


def test_switching_template_changes_the_brief(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    combo = window.length.template
    names = [combo.itemData(i) for i in range(combo.count())]
    assert window.workspace.state.template in names and len(names) >= 2
    other = next(n for n in names if n != window.workspace.state.template)
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS) as blocker:
        combo.setCurrentIndex(names.index(other))
    assert window.workspace.state.template == other
    assert blocker.args[0].template.name == other
    assert blocker.args[0].brief.template_name == other


def test_length_controls_steer_the_summary(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    mode = window.length.mode
    if mode.currentData() != "sentences":  # the default length is in words
        with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS):
            mode.setCurrentIndex(mode.findData("sentences"))
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS) as blocker:
        window.length.spin.setValue(2)
    small = len(blocker.args[0].summary.sentences)
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS) as blocker:
        window.length.spin.setValue(12)
    large = len(blocker.args[0].summary.sentences)
    assert window.workspace.state.budget == Budget(sentences=12)
    assert large > small
    assert window.length.slider.value() == 12


def test_clicking_a_brief_sentence_shows_its_place(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    sentence = current(window).brief.sentences()[-1]
    window.preview_pane.anchorClicked.emit(QUrl(f"c:{sentence.id}"))
    ref = window.workspace.state.corpus.sentence(sentence.citations[0].sentence)
    assert window.reading.section_id == ref.section.id
    assert window.reading.textCursor().selectedText() == ref.sentence.text
    assert window.tree.currentIndex().data(ID_ROLE) == ref.section.id


def test_sections_without_a_heading_get_a_readable_name(qtbot, window: MainWindow, samples_dir: Path) -> None:
    from tests.gui.conftest import load

    load(qtbot, window, [samples_dir / "regional-flood-digest.txt"])
    model = window.tree.model()
    source = model.index(0, 0)
    article = model.index(0, 0, source)
    assert model.index(0, 0, article).data() == "Whole article"
