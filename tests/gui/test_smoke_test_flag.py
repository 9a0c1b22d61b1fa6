"""``briefgen gui --smoke-test``: the packaged app's self-check starts, makes a preview and closes cleanly."""

from __future__ import annotations

import os
import subprocess
import sys


def test_smoke_test_flag_exits_zero_after_a_preview() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # user folders: isolated by tests/conftest.py
    proc = subprocess.run(
        [sys.executable, "-m", "briefgen", "gui", "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "preview made" in proc.stdout
    assert "QThread: Destroyed" not in proc.stderr
    assert "Traceback" not in proc.stderr
