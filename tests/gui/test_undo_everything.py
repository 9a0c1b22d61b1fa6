"""Every change of the workspace is undoable: removing a source keeps its state in the undo history, reordering,
length, method and template are undo steps; a file that cannot be read changes nothing; a pin in an unticked
section ticks it, in the same undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from briefgen.gui.errors_dialog import open_error_dialogs
from briefgen.gui.main_window import MainWindow
from briefgen.model import Metadata
from tests.gui.conftest import LOAD_TIMEOUT_MS, current, load


def _source_ids(window: MainWindow) -> list[str]:
    return [s.id for s in window.workspace.state.corpus.sources]


def _listed_ids(window: MainWindow) -> list[str]:
    panel = window.sources_panel.list
    return [panel.item(r).data(Qt.ItemDataRole.UserRole) for r in range(panel.count())]


def test_removing_a_source_is_undone_with_its_place_ticks_pins_excludes_and_citation_edits(
    qtbot, window: MainWindow, seeds_dir: Path, tmp_path: Path
) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    ws = window.workspace
    first, second = ws.state.corpus.sources
    # work on the first source: untick a section, pin, exclude, edit its citation
    sections = [sec.id for sec in first.sections]
    refs = [r for r in ws.state.corpus.sentence_refs() if r.source.id == first.id and r.section.id != sections[0]]
    ws.tick([sections[0]], False)
    ws.toggle_pin(refs[1].sentence.id)
    ws.toggle_exclude(refs[-1].sentence.id)
    ws.edit_metadata(first.articles[0].id, Metadata(author="A. Writer", publisher="Wenn Valley Courier"))
    project = tmp_path / "work.briefgen"
    worked = ws.state.to_project(project)
    # remove it with the panel's button
    panel = window.sources_panel
    panel.list.setCurrentRow(0)
    panel.remove_button.click()
    assert _source_ids(window) == [second.id]
    assert ws.state.pins == frozenset() and ws.state.excludes == frozenset()
    assert window.undo_action.isEnabled() and "Remove source" in window.undo_action.text()
    # Edit > Undo brings it back first in the list, with everything it had
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        window.undo_action.trigger()
    assert _source_ids(window) == [first.id, second.id] == _listed_ids(window)
    assert ws.state.to_project(project) == worked
    assert window.tree_model.index(0, 0).data(Qt.ItemDataRole.UserRole + 1) == first.id
    assert refs[1].sentence.id in {c.sentence for s in current(window).brief.sentences() for c in s.citations}
    # and redo removes it again
    window.redo_action.trigger()
    assert _source_ids(window) == [second.id]
    window.undo_action.trigger()
    assert ws.state.to_project(project) == worked


def test_reordering_length_method_and_template_are_each_an_undo_step(
    qtbot, window: MainWindow, seeds_dir: Path
) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    ws, length = window.workspace, window.length
    start_order, start = _source_ids(window), ws.steering()
    steps = ws.undo_stack.count()
    window.sources_panel.list.setCurrentRow(0)
    window.sources_panel.down_button.click()
    assert _source_ids(window) == start_order[::-1]
    length.spin.setValue(length.spin.value() + 50)  # typing a number: one step for the quick changes in a row
    length.spin.setValue(length.spin.value() + 50)
    length.algorithm.setCurrentIndex(length.algorithm.findData("lead"))
    other = next(
        n for n in (length.template.itemData(i) for i in range(length.template.count())) if n != start.template
    )
    length.template.setCurrentIndex(length.template.findData(other))
    assert ws.state.template == other and ws.state.algorithm == "lead"
    assert ws.undo_stack.count() == steps + 4
    # undo one at a time: the controls follow
    window.undo_action.trigger()
    assert ws.state.template == start.template and length.template.currentData() == start.template
    assert ws.state.algorithm == "lead"
    window.undo_action.trigger()
    assert ws.state.algorithm == start.algorithm == length.algorithm.currentData()
    assert ws.state.budget != start.budget
    window.undo_action.trigger()
    assert ws.state.budget == start.budget == length.budget()
    window.undo_action.trigger()
    assert _source_ids(window) == start_order == _listed_ids(window)
    # redo all four
    for _ in range(4):
        window.redo_action.trigger()
    assert _source_ids(window) == start_order[::-1]
    assert ws.state.template == other and ws.state.algorithm == "lead"
    assert length.budget() == ws.state.budget != start.budget
    # back to where it was saved: nothing to save
    ws.mark_saved(None)
    window.undo_action.trigger()
    assert ws.is_dirty()
    window.redo_action.trigger()
    assert not ws.is_dirty()


def test_a_file_that_cannot_be_read_leaves_the_project_unmodified(qtbot, window: MainWindow, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    ws = window.workspace
    assert not ws.is_dirty()
    window.add_paths([str(empty)])
    qtbot.waitUntil(lambda: bool(open_error_dialogs()), timeout=LOAD_TIMEOUT_MS)
    for dialog in open_error_dialogs():
        dialog.close()
    assert not ws.is_dirty() and not window.isWindowModified()
    assert ws.undo_stack.count() == 0 and not window.undo_action.isEnabled()


def test_adding_sources_already_there_changes_nothing(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    paths = sorted(seeds_dir.iterdir())
    load(qtbot, window, paths)
    ws = window.workspace
    ws.mark_saved(None)
    steps = ws.undo_stack.count()
    window.add_paths([str(paths[0])])
    qtbot.waitUntil(lambda: window.status_label.text() == "Those sources are already in the project.")
    assert not ws.is_dirty() and ws.undo_stack.count() == steps


def test_pinning_in_an_unticked_section_ticks_it_in_the_same_undo_step(
    qtbot, window: MainWindow, seeds_dir: Path
) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    ws = window.workspace
    in_brief = {c.section for s in current(window).brief.sentences() for c in s.citations}
    section = next(sec for _, _, sec in ws.state.corpus.sections() if sec.id in in_brief and len(sec.sentences) > 2)
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        ws.tick([section.id], False)
    target = section.sentences[1].id
    window.show_sentence(target)
    assert window.reading.current_sentence() == target
    steps = ws.undo_stack.count()
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS) as blocker:
        window.reading.pin_action.trigger()
    assert target in ws.state.pins and section.id not in ws.state.deselected
    assert target in {c.sentence for s in blocker.args[0].brief.sentences() for c in s.citations}
    assert ws.undo_stack.count() == steps + 1
    window.undo_action.trigger()
    assert target not in ws.state.pins and section.id in ws.state.deselected
    window.redo_action.trigger()
    assert target in ws.state.pins and section.id not in ws.state.deselected
