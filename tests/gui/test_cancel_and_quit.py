"""A large source can be cancelled, and quitting never waits for background work (issue: a 30 MB source ran on
for minutes after Quit). The time limits here are generous bounds that catch a hang; the measured figures are in
benchmarks/gui_cancel.py."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from briefgen.gui.busy_status import remaining_text
from briefgen.gui.main_window import MainWindow
from tests.gui.conftest import LOAD_TIMEOUT_MS, load

REPO = Path(__file__).resolve().parents[2]
PARAGRAPH = (
    "The council said on Tuesday that the barrier would be finished by March. Residents asked why the work had "
    "taken three years. Engineers blamed the weather and a shortage of steel, the report said.\n\n"
)


def big_source(folder: Path, megabytes: int = 30) -> Path:
    """A text source of about *megabytes* MB: one story repeated, numbered so paragraphs differ."""
    path = folder / "big.txt"
    count = megabytes * 1024 * 1024 // len(PARAGRAPH)
    with path.open("w", encoding="utf-8") as out:
        out.write("A very long report\n\n")
        for i in range(count):
            out.write(PARAGRAPH.replace("three years", f"{i % 97 + 2} years"))
    return path


def test_the_estimate_is_the_rate_so_far_applied_to_what_is_left() -> None:
    assert remaining_text(10.0, 5, 10) == "about 10 s left"
    assert remaining_text(60.0, 1, 4) == "about 3 min left"
    assert remaining_text(0.2, 5, 10) == ""  # too early to say
    assert remaining_text(5.0, 0, 10) == ""  # nothing to go on
    assert remaining_text(5.0, 10, 10) == ""


def test_cancel_stops_reading_a_30_mb_source_and_keeps_what_was_there(
    qtbot, window: MainWindow, tmp_path: Path, samples_dir: Path
) -> None:
    load(qtbot, window, sorted(samples_dir.iterdir())[:1])
    before = [s.id for s in window.workspace.state.corpus.sources]
    big = big_source(tmp_path)
    window.add_paths([str(big)])
    assert window.busy.isVisible() and window.busy.cancel.isVisible() and window.cancel_action.isEnabled()
    qtbot.wait(500)
    assert window.runner.active() >= 1, "the 30 MB source was read too fast for this test to cancel it"
    started = time.monotonic()
    window.busy.cancel.click()
    qtbot.waitUntil(lambda: window.runner.active() == 0, timeout=5_000)
    took = time.monotonic() - started
    assert took < 2.5, f"cancelling took {took:.1f} s"
    assert [s.id for s in window.workspace.state.corpus.sources] == before, "a cancelled read added nothing"
    assert not window.busy.isVisible() and not window.cancel_action.isEnabled()
    assert "cancelled" in window.status_label.text()
    assert not window.workspace.undo_stack.canRedo()


def test_cancel_stops_a_preview_update_and_the_next_change_updates_again(
    qtbot, window: MainWindow, samples_dir: Path
) -> None:
    load(qtbot, window, sorted(samples_dir.iterdir()))
    window.preview.schedule()
    with qtbot.waitSignal(window.preview.settled, timeout=5_000):
        window.cancel_action.setEnabled(True)
        window.cancel_action.trigger()
    assert window.preview.result is None
    assert "cancelled" in window.preview_pane.toPlainText()
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS):
        window.length.spin.setValue(window.length.spin.value() + 1)


QUIT_SCRIPT = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from briefgen.gui.app import make_application, run_app
app = make_application()
def quit_now():
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "mainWindow":
            print("busy", w.runner.active(), flush=True)
            print("closing", time.monotonic(), flush=True)
            w.close()
    app.quit()
QTimer.singleShot(int(sys.argv[2]), quit_now)
code = run_app([sys.argv[1]])
print("returned", time.monotonic(), flush=True)
sys.exit(code)
"""


def test_quit_while_reading_a_30_mb_source_exits_promptly(tmp_path: Path) -> None:
    big = big_source(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))  # user folders: tests/conftest.py
    proc = subprocess.Popen(
        [sys.executable, "-c", QUIT_SCRIPT, str(big), "1500"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    lines = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
    assert "closing" in lines, (out, err)
    assert int(lines["busy"]) >= 1, "the source was read before Quit: the test did not quit during work"
    exited = time.monotonic()
    assert proc.returncode == 0, err
    # the child's clock and ours are the same monotonic clock on one machine
    assert exited - float(lines["closing"]) < 6.0, out
