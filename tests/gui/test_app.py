"""Start-up and shutdown: first run with the samples, sources from the command line, the exception hook,
remembered settings, accessible names, and no thread left running at exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from briefgen.gui import errors_dialog
from briefgen.gui.app import open_initial
from briefgen.gui.errors_dialog import _hook, open_error_dialogs
from briefgen.gui.main_window import MainWindow
from briefgen.gui.settings import Settings
from tests.gui.conftest import LOAD_TIMEOUT_MS

REPO = Path(__file__).resolve().parents[2]


def _child_env() -> dict[str, str]:
    """The test's environment (user folders already isolated by ``tests/conftest.py``) for a child app."""
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))


def test_first_run_opens_with_the_samples_and_nothing_unsaved(qtbot, window: MainWindow, samples_dir: Path) -> None:
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        open_initial(window, [])
    names = {Path(s.path).name for s in window.workspace.state.corpus.sources}
    assert names == {p.name for p in samples_dir.iterdir()}
    assert not window.workspace.is_dirty()
    assert window.preview.result is not None and window.export_action.isEnabled()


def test_files_on_the_command_line_are_loaded(qtbot, window: MainWindow, seeds_dir: Path) -> None:
    files = [str(p) for p in sorted(seeds_dir.iterdir())]
    with qtbot.waitSignal(window.preview.settled, timeout=LOAD_TIMEOUT_MS):
        open_initial(window, files)
    assert [s.path for s in window.workspace.state.corpus.sources] == files


def test_unexpected_exception_shows_a_dialog_with_the_log_path(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logged: list[BaseException] = []
    log_path = tmp_path / "briefgen.log"

    def fake_log(exc: BaseException) -> Path:
        logged.append(exc)
        return log_path

    monkeypatch.setattr(errors_dialog, "log_exception", fake_log)
    monkeypatch.setattr(errors_dialog, "_before_dialog", None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the original comes back after the test
    kept: list[bool] = []
    errors_dialog.install_excepthook(lambda: kept.append(True))
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        _hook(type(exc), exc, exc.__traceback__)
    dialogs = open_error_dialogs()
    assert dialogs
    text = dialogs[-1].informativeText()
    assert "boom in a slot" in text and str(log_path) in text and "Traceback" not in text
    assert len(logged) == 1 and logged[0].__traceback__ is not None  # the details go to the log
    assert kept == [True]  # the work was kept (autosaved) before the dialog
    for d in dialogs:
        d.close()
    assert window.isVisible()


def test_layout_and_recent_files_are_remembered(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.resize(760, 560)  # smaller than the default, not below the window's minimum
    window.save_layout()
    window.recent.add(str(tmp_path / "a.briefgen"))
    again = Settings()
    assert again.get("window_geometry")
    assert again.get("recent_files") == [str(tmp_path / "a.briefgen")]
    assert window.recent_menu.actions()[0].text().endswith("a.briefgen")
    other = MainWindow(again)
    try:
        assert other.size().height() == window.size().height() == 560
    finally:
        other.close()
        other.runner.shutdown()


def test_main_controls_have_accessible_names_and_shortcuts(window: MainWindow) -> None:
    for widget in (
        window.tree,
        window.reading,
        window.preview_pane,
        window.sources_panel.list,
        window.length.slider,
        window.length.spin,
        window.length.algorithm,
        window.length.template,
    ):
        assert isinstance(widget, QWidget) and widget.accessibleName()
    shortcuts = {a.text(): a.shortcut().toString() for a in window.findChildren(type(window.open_action))}
    assert shortcuts["&Open project…"] == "Ctrl+O"
    assert shortcuts["&Save project"] == "Ctrl+S"
    assert shortcuts["&Export brief…"] == "Ctrl+E"
    assert shortcuts["&Find…"] == "Ctrl+F"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"


def test_other_commands_never_load_qt() -> None:
    code = "import sys; from briefgen.cli.main import build_parser; build_parser(); print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], env=_child_env(), capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_quitting_while_a_worker_runs_leaves_no_thread_behind(seeds_dir: Path) -> None:
    code = f"""
from PySide6.QtCore import QTimer
from briefgen.gui.app import make_application, open_initial
from briefgen.gui.main_window import MainWindow
from briefgen.gui.settings import Settings
app = make_application(["briefgen"])
window = MainWindow(Settings())
window.show()
open_initial(window, {[str(p) for p in sorted(seeds_dir.iterdir())]!r})
tries = [0]
def quit_when_busy():
    # quit as soon as a worker runs (it starts after the window's first turns of the event loop); give up
    # after ~10 s so a worker that never starts fails the test instead of hanging it
    tries[0] += 1
    if window.runner.active() == 0 and tries[0] < 10000:
        QTimer.singleShot(1, quit_when_busy)
        return
    print("worker running" if window.runner.active() > 0 else "no worker ran")
    window.workspace.mark_saved(None)
    window.close()
    app.quit()
QTimer.singleShot(0, quit_when_busy)
app.exec()
print("exited")
"""
    out = subprocess.run([sys.executable, "-c", code], env=_child_env(), capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "worker running" in out.stdout
    assert "exited" in out.stdout
    assert "QThread" not in out.stderr and "Traceback" not in out.stderr


def test_quitting_without_saving_logs_no_error(tmp_path: Path) -> None:
    """Closing with unsaved changes ("Don't save") then tearing the window down made Qt empty the undo stack
    while it was being destroyed; the dirty-flag handler and the error hook's autosave then raised on the
    deleted stack and two "unexpected error" tracebacks went to the log."""
    logs = tmp_path / "logs"
    code = """
import gc
from PySide6.QtCore import QTimer
from briefgen.gui.app import make_application
from briefgen.gui.errors_dialog import install_excepthook
from briefgen.gui.main_window import MainWindow
from briefgen.gui.settings import Settings
app = make_application(["briefgen"])
window = MainWindow(Settings())
install_excepthook(window.autosave.save_now)
window.show()
window.workspace.set_title("Unsaved title")
assert window.workspace.is_dirty()
window.project_io.maybe_save = lambda: True  # the user chose "Don't save"
QTimer.singleShot(0, window.close)
app.exec()
del window
gc.collect()
print("exited")
"""
    env = dict(_child_env(), BRIEFGEN_LOG_DIR=str(logs))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "exited" in out.stdout
    logged = "".join(p.read_text(encoding="utf-8") for p in logs.glob("*.log")) if logs.exists() else ""
    assert "unexpected error" not in logged and "already deleted" not in logged + out.stderr


def test_about_box_names_the_version(window: MainWindow) -> None:
    from briefgen import __version__
    from briefgen.gui.about import about_text

    assert f"briefgen {__version__}" in about_text()
    assert window.about_action.text() == "&About briefgen"
