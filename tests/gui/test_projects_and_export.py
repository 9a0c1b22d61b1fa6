"""Export (PDF, DOCX read back), projects (save, reopen, moved sources), corrupt files, autosave recovery."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from briefgen.gui.autosave import pending_recovery
from briefgen.gui.errors_dialog import open_error_dialogs
from briefgen.gui.export_dialog import ExportDialog
from briefgen.gui.main_window import MainWindow
from briefgen.gui.project_io import DISCARD, LOCATE
from briefgen.project.remap import SourceChange
from briefgen.summarize.api import Budget
from tests.gui.conftest import LOAD_TIMEOUT_MS, current, load


def _export(qtbot, window: MainWindow, path: Path, fmt: str) -> ExportDialog:
    window.show_export()
    dialog = window.export_dialog
    assert isinstance(dialog, ExportDialog)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.path.setText(str(path))
    with qtbot.waitSignal(dialog.exported, timeout=LOAD_TIMEOUT_MS) as blocker:
        dialog.export_button.click()
    assert blocker.args == [str(path)]
    return dialog


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_export_pdf_and_docx_and_read_them_back(qtbot, window: MainWindow, seeds_dir: Path, tmp_path: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    brief = current(window).brief
    first = brief.sentences()[0].text
    _export(qtbot, window, tmp_path / "brief.pdf", "pdf")
    pdf_text = _norm(" ".join(page.extract_text() for page in PdfReader(tmp_path / "brief.pdf").pages))
    assert _norm(brief.title) in pdf_text
    assert _norm(first)[:50] in pdf_text
    _export(qtbot, window, tmp_path / "brief.docx", "docx")
    doc_text = _norm(" ".join(p.text for p in Document(str(tmp_path / "brief.docx")).paragraphs))
    assert _norm(first) in doc_text
    assert window.workspace.state.output_format == "docx"
    assert window.statusBar().currentMessage() == f"Exported to {tmp_path / 'brief.docx'}"


def test_exported_pdf_shows_in_the_preview_dialog(qtbot, window: MainWindow, seeds_dir: Path, tmp_path: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    window.settings.set("open_when_done", True)
    window.show_export()
    dialog = window.export_dialog
    assert isinstance(dialog, ExportDialog)
    dialog.path.setText(str(tmp_path / "shown.pdf"))
    with qtbot.waitSignal(dialog.exported, timeout=LOAD_TIMEOUT_MS):
        dialog.export_button.click()
    preview = dialog.preview
    assert preview is not None
    with qtbot.waitSignal(preview.job.signals.done, timeout=LOAD_TIMEOUT_MS):
        pass
    assert len(preview.page_labels) == len(PdfReader(tmp_path / "shown.pdf").pages)
    assert not preview.page_labels[0].pixmap().isNull()
    preview.close()


def test_save_and_reopen_gives_identical_state(qtbot, window: MainWindow, seeds_dir: Path, tmp_path: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    ws = window.workspace
    corpus = ws.state.corpus
    sections = [sec.id for _, _, sec in corpus.sections()]
    sentences = [r.sentence.id for r in corpus.sentence_refs()]
    ws.tick([sections[-1]], False)
    ws.toggle_pin(sentences[3])
    ws.toggle_exclude(sentences[0])
    ws.set_budget(Budget(words=180))
    ws.set_algorithm("lead")
    article = corpus.sources[1].articles[0].id
    from briefgen.model import Metadata

    ws.edit_metadata(article, Metadata(author="A. Writer", date="2017-08-10"))
    path = tmp_path / "work.briefgen"
    assert window.project_io.save_to(str(path))
    assert not ws.is_dirty()
    assert window.windowTitle().startswith("work.briefgen")
    saved = ws.state.to_project(path)
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        window.project_io.new()
    assert not ws.state.corpus.sources
    with qtbot.waitSignal(window.project_io.opened, timeout=LOAD_TIMEOUT_MS):
        window.project_io.open(str(path))
    assert ws.state.to_project(path) == saved
    assert ws.path == str(path) and not ws.is_dirty()
    assert window.length.budget() == Budget(words=180)
    assert window.length.algorithm.currentData() == "lead"
    assert str(path.resolve()) in window.recent.paths()


def test_unsaved_changes_prompt_can_cancel(
    qtbot, monkeypatch: pytest.MonkeyPatch, window: MainWindow, seeds_dir: Path
) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    window.workspace.toggle_pin(next(window.workspace.state.corpus.sentence_refs()).sentence.id)
    asked: list[bool] = []

    def cancel() -> str:
        asked.append(True)
        return "cancel"

    monkeypatch.setattr(window.project_io, "ask_unsaved", cancel)
    window.project_io.new()
    assert asked and window.workspace.state.corpus.sources  # still there
    monkeypatch.setattr(window.project_io, "ask_unsaved", lambda: DISCARD)
    window.project_io.new()
    assert not window.workspace.state.corpus.sources


def test_moved_source_is_located_again(
    qtbot, monkeypatch: pytest.MonkeyPatch, window: MainWindow, seeds_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for f in seeds_dir.iterdir():
        shutil.copy(f, folder / f.name)
    load(qtbot, window, sorted(folder.iterdir()))
    window.workspace.toggle_pin(next(window.workspace.state.corpus.sentence_refs()).sentence.id)
    project = tmp_path / "p.briefgen"
    assert window.project_io.save_to(str(project))
    before = window.workspace.state.to_project(project)
    moved = sorted(folder.iterdir())[0]
    elsewhere = tmp_path / "moved.txt"
    moved.rename(elsewhere)
    asked: list[str] = []

    def locate(change: SourceChange) -> str:
        asked.append(change.path)
        return LOCATE

    monkeypatch.setattr(window.project_io, "ask_missing", locate)
    monkeypatch.setattr(window.project_io, "ask_location", lambda change: str(elsewhere))
    monkeypatch.setattr(window.project_io, "ask_unsaved", lambda: DISCARD)
    with qtbot.waitSignal(window.project_io.opened, timeout=LOAD_TIMEOUT_MS):
        window.project_io.open(str(project))
    assert asked == [str(moved)]
    state = window.workspace.state
    assert state.pins == before.pins
    assert str(elsewhere) in [s.path for s in state.corpus.sources]
    assert window.workspace.is_dirty()  # the new location is not saved yet


@pytest.mark.parametrize("content", [b"{ this is not json", b'{"format": "something-else"}', b"\x00\x01\x02"])
def test_corrupt_project_shows_an_error_dialog(qtbot, window: MainWindow, tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.briefgen"
    bad.write_bytes(content)
    with qtbot.waitSignal(window.project_io.openFailed, timeout=5000) as blocker:
        window.project_io.open(str(bad))
    assert str(bad) in str(blocker.args[0])
    dialogs = open_error_dialogs()
    assert dialogs, "no error dialog was shown"
    assert str(bad) in dialogs[-1].informativeText()
    assert "Traceback" not in dialogs[-1].informativeText()
    for d in dialogs:
        d.close()
    assert window.isVisible()


def test_unreadable_source_is_reported_by_name(qtbot, window: MainWindow, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    window.add_paths([str(empty)])
    qtbot.waitUntil(lambda: bool(open_error_dialogs()), timeout=LOAD_TIMEOUT_MS)
    dialogs = open_error_dialogs()
    assert dialogs and str(empty) in dialogs[-1].informativeText()
    for d in dialogs:
        d.close()


def test_autosave_writes_a_recovery_copy(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    window.workspace.toggle_pin(next(window.workspace.state.corpus.sentence_refs()).sentence.id)
    copy = window.autosave.save_now()
    assert copy is not None and copy.exists()
    recovery = pending_recovery()
    assert recovery is not None and recovery.path == copy
    # a second window recovers it (as after a crash)
    other = MainWindow(window.settings)
    try:
        with qtbot.waitSignal(other.workspace.sourcesChanged, timeout=LOAD_TIMEOUT_MS):
            other.project_io.recover(recovery)
        assert other.workspace.state.pins == window.workspace.state.pins
        assert other.workspace.is_dirty()
    finally:
        other.workspace.mark_saved(None)
        other.close()
        other.runner.shutdown()
    QApplication.processEvents()


def test_cancelling_an_export_writes_nothing(
    qtbot, monkeypatch: pytest.MonkeyPatch, window: MainWindow, seeds_dir: Path, tmp_path: Path
) -> None:
    import threading

    from briefgen.gui import export_dialog

    load(qtbot, window, sorted(seeds_dir.iterdir()))
    started, release = threading.Event(), threading.Event()

    def slow_build(choices, output=None, *, progress=None, cancel=None):  # stands in for the real build
        started.set()
        release.wait(30)
        cancel.raise_if_cancelled()
        raise AssertionError("the export was not cancelled")

    monkeypatch.setattr(export_dialog, "build_from_choices", slow_build)
    window.show_export()
    dialog = window.export_dialog
    assert isinstance(dialog, ExportDialog)
    target = tmp_path / "never.pdf"
    dialog.path.setText(str(target))
    dialog.export_button.click()
    assert started.wait(30)
    job = dialog.job
    assert job is not None
    with qtbot.waitSignal(job.signals.cancelled, timeout=LOAD_TIMEOUT_MS):
        dialog.cancel_button.click()
        release.set()
    assert "cancelled" in dialog.status.text() and dialog.export_button.isEnabled()
    assert dialog.isVisible() and not target.exists()
    dialog.close()
