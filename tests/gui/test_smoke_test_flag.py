"""``briefgen gui --smoke-test``: the packaged app's self-check starts, makes a preview and closes cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_smoke_test_flag_exits_zero_after_a_preview(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "BRIEFGEN_CONFIG_DIR": str(tmp_path / "config"),
        "BRIEFGEN_DATA_DIR": str(tmp_path / "data"),
        "BRIEFGEN_LOG_DIR": str(tmp_path / "log"),
    }
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
