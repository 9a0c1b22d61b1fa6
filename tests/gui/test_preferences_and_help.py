"""Desktop manners: preferences, starting where the user left off, autosave slots, the Help menu, method tooltips
and titled sources."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from briefgen.gui import app as gui_app
from briefgen.gui import autosave
from briefgen.gui.help import UserGuide, diagnostic_text
from briefgen.gui.main_window import MainWindow
from briefgen.gui.preferences import PreferencesDialog, default_state
from briefgen.gui.settings import Settings
from briefgen.summarize.api import Budget
from tests.gui.conftest import LOAD_TIMEOUT_MS, load


def test_preferences_set_what_a_new_project_starts_with(qtbot, window: MainWindow) -> None:
    window.preferences_action.trigger()
    dialog = window.preferences_dialog
    assert isinstance(dialog, PreferencesDialog) and dialog.isVisible()
    dialog.template.setCurrentIndex(dialog.template.findData("research-digest"))
    dialog.use_template_length.setChecked(False)
    dialog.length_unit.setCurrentIndex(dialog.length_unit.findData("sentences"))
    dialog.length_value.setValue(9)
    dialog.algorithm.setCurrentIndex(dialog.algorithm.findData("coverage"))
    dialog.autosave.setValue(120)
    dialog.accept()

    reread = Settings()  # saved to disk, not only in memory
    assert reread.get("default_template") == "research-digest"
    assert reread.get("default_length") == ["sentences", 9]
    assert reread.get("autosave_seconds") == 120
    assert window.autosave.timer.interval() == 120_000

    window.new_action.trigger()
    state = window.workspace.state
    assert (state.template, state.budget, state.algorithm) == ("research-digest", Budget(sentences=9), "coverage")
    assert window.length.template.currentData() == "research-digest"


def test_a_preferred_template_brings_its_own_length_unless_a_length_is_preferred(window: MainWindow) -> None:
    window.settings.set("default_template", "executive-one-page")
    assert default_state(window.settings).budget == Budget(pages=1)
    window.settings.set("default_length", ["words", 300])
    assert default_state(window.settings).budget == Budget(words=300)
    window.settings.set("default_template", "no-such-template")  # vanished: the built-in default, no crash
    assert default_state(window.settings).template == "policy-brief"


def test_web_sources_on_the_local_network_need_web_sources_first(qtbot, window: MainWindow) -> None:
    dialog = PreferencesDialog(window.settings, window)
    qtbot.addWidget(dialog)
    assert dialog.url_import.isChecked() and not dialog.local_urls.isChecked()
    dialog.url_import.setChecked(False)
    assert not dialog.local_urls.isEnabled()


def _window(qtbot) -> MainWindow:
    """Another window, as the next start of the app would make (its autosave timer off: a copy written while
    a slow machine runs this test would make the next start ask about recovery)."""
    win = MainWindow(Settings())
    win.autosave.stop()
    qtbot.addWidget(win)
    return win


def test_samples_only_on_a_true_first_run_then_the_last_project(
    qtbot, window: MainWindow, samples_dir: Path, seeds_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    def no_recovery_prompt(_window: MainWindow) -> bool:
        raise AssertionError("no autosave copy was expected")

    monkeypatch.setattr(gui_app, "ask_recover", no_recovery_prompt)
    window.autosave.stop()
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        gui_app.open_initial(window, [])
    assert {Path(s.path).name for s in window.workspace.state.corpus.sources} == {p.name for p in samples_dir.iterdir()}
    assert Settings().get("first_run_done") is True

    second = _window(qtbot)
    gui_app.open_initial(second, [])  # not the first run, no last project: an empty window
    qtbot.wait(200)
    assert second.runner.active() == 0 and not second.workspace.state.corpus.sources

    seed = seeds_dir / sorted(os.listdir(seeds_dir))[0]
    kept = tmp_path / seed.name  # beside the project, as a user's own files are (no "outside" question)
    kept.write_bytes(seed.read_bytes())
    load(qtbot, second, [kept])
    project = tmp_path / "kept.briefgen"
    second.project_io.save_to(str(project))
    assert Settings().get("last_project") == str(project)
    second.workspace.mark_saved(second.workspace.path)

    third = _window(qtbot)
    with qtbot.waitSignal(third.project_io.opened, timeout=LOAD_TIMEOUT_MS):
        gui_app.open_initial(third, [])
    assert third.workspace.path == str(project)
    assert len(third.workspace.state.corpus.sources) == 1

    third.settings.set("reopen_last_project", False)
    third.settings.save()
    fourth = _window(qtbot)
    gui_app.open_initial(fourth, [])
    qtbot.wait(200)
    assert fourth.workspace.path is None and not fourth.workspace.state.corpus.sources
    for win in (second, third, fourth):
        win.workspace.mark_saved(win.workspace.path)
        win.runner.shutdown(30_000)


def test_the_last_three_autosaves_are_kept_and_a_damaged_one_is_skipped(
    qtbot, window: MainWindow, seeds_dir: Path
) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    written = []
    for budget in (Budget(sentences=3), Budget(sentences=4), Budget(sentences=5), Budget(sentences=6)):
        window.workspace.set_budget(budget)
        copy = window.autosave.save_now()
        assert copy is not None
        written.append(copy)
        time.sleep(0.01)  # distinct modification times
    kept = sorted(autosave.autosave_dir().glob("*.briefgen"))
    assert kept == sorted(written[1:]), "the oldest of four copies goes, three stay"

    written[-1].write_text('{"format": "briefgen-project", "sources": [', encoding="utf-8")  # cut short
    recovery = autosave.pending_recovery()
    assert recovery is not None and recovery.path == written[-2]

    autosave.discard_recovery()
    assert autosave.pending_recovery() is None
    assert not list(autosave.autosave_dir().iterdir())


def test_the_user_guide_opens_offline_and_diagnostics_reach_the_clipboard(qtbot, window: MainWindow) -> None:
    window.guide_action.trigger()
    guide = window.guide
    assert isinstance(guide, UserGuide) and guide.isVisible()
    assert "Add your sources" in guide.browser.toPlainText()

    window.diagnostics_action.trigger()
    text = QGuiApplication.clipboard().text()
    assert text == diagnostic_text()
    assert "briefgen" in text and "Qt " in text and "Log file:" in text
    assert "copied" in window.status_label.text()


def test_each_method_is_explained_in_its_tooltip(window: MainWindow) -> None:
    combo = window.length.algorithm
    tips = [combo.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(combo.count())]
    assert all(isinstance(t, str) and t.endswith(".") and len(t) > 30 for t in tips), tips
    assert len(set(tips)) == len(tips)
    combo.setCurrentIndex(combo.findData("lead"))
    assert "first sentences" in combo.toolTip()


def test_sources_list_shows_titles_beside_file_names(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    texts = [window.sources_panel.list.item(i).text() for i in range(window.sources_panel.list.count())]
    names = sorted(p.name for p in seeds_dir.iterdir())
    assert all(" — " in t for t in texts), texts
    assert [t.rsplit(" — ", 1)[1] for t in texts] == names
    src = window.workspace.state.corpus.sources[0]
    article = src.articles[0]
    from briefgen.model import Metadata

    window.workspace.edit_metadata(article.id, Metadata(title="An edited title"))
    assert window.sources_panel.list.item(0).text() == f"An edited title — {Path(src.path).name}"
    assert window.sources_panel.list.textElideMode() == Qt.TextElideMode.ElideMiddle, "the file name stays in view"


def test_a_template_that_brings_its_own_length_says_so(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    window.workspace.set_budget(Budget(words=400))
    window.choose_template("executive-one-page")
    assert window.workspace.state.budget == Budget(pages=1)
    qtbot.wait(1_000)  # the preview updates meanwhile: the message stays
    message = window.statusBar().currentMessage()
    assert "1 page" in message and "Ctrl+Z" in message
    window.workspace.undo_stack.undo()
    assert window.workspace.state.budget == Budget(words=400)
