"""Crash recovery for real: the app is killed (SIGKILL) after an autosave, then reopened and offered the work back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.gui import app as gui_app
from briefgen.gui.autosave import pending_recovery
from briefgen.gui.main_window import MainWindow
from briefgen.gui.settings import Settings
from tests.gui.conftest import LOAD_TIMEOUT_MS

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX-only")

DRIVER = r"""
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from briefgen.gui.app import make_application
from briefgen.gui.main_window import MainWindow
from briefgen.gui.settings import Settings

app = make_application()
win = MainWindow(Settings())
win.show()
done = []

def loaded():
    if done:
        return
    done.append(True)
    ws = win.workspace
    sections = [sec.id for _, _, sec in ws.state.corpus.sections()]
    ws.tick([sections[0]], False)
    pin = ws.state.corpus.section(sections[1]).sentences[0].id
    ws.toggle_pin(pin)
    path = win.autosave.save_now()
    print("SAVED", sections[0], pin, path, flush=True)

win.preview.settled.connect(loaded)
win.add_paths(sys.argv[1:])
app.exec()
"""


def test_work_survives_a_kill_and_is_recovered_on_reopening(
    qtbot, monkeypatch: pytest.MonkeyPatch, samples_dir: Path
) -> None:
    repo = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(samples_dir)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=repo,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)  # no chance to clean up: as in a crash or a power cut
    proc.wait(timeout=60)
    proc.stdout.close()
    assert line.startswith("SAVED "), line
    _, unticked, pinned, _ = line.split(" ", 3)

    recovery = pending_recovery()
    assert recovery is not None, "the autosaved copy did not survive the kill"

    asked: list[bool] = []

    def say_yes(_window: MainWindow) -> bool:
        asked.append(True)
        return True

    monkeypatch.setattr(gui_app, "ask_recover", say_yes)
    win = MainWindow(Settings())
    win.show()
    try:
        with qtbot.waitSignal(win.workspace.sourcesChanged, timeout=LOAD_TIMEOUT_MS):
            gui_app.open_initial(win, [], samples=False)
        state = win.workspace.state
        assert asked == [True]
        assert unticked not in state.ticked_sections()
        assert pinned in state.pins
        assert len(state.corpus.sources) == 3
        assert win.workspace.is_dirty()  # recovered work is not yet saved anywhere
    finally:
        win.workspace.mark_saved(None)
        win.close()
        assert win.runner.shutdown(30_000)
