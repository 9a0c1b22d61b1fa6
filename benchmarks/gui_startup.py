"""Cold start of the desktop app: process start -> main window shown and painted (usable), and -> first brief
preview of the bundled samples. Each run is a fresh Python process (imports included). Target: usable < 2 s.

    QT_QPA_PLATFORM=offscreen python benchmarks/gui_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, os, sys, time
t0 = float(sys.argv[1])
sys.path.insert(0, sys.argv[2])
from PySide6.QtCore import QTimer
from briefgen.gui.app import make_application, open_initial
from briefgen.gui.main_window import MainWindow
from briefgen.gui.settings import Settings
app = make_application(["briefgen"])
window = MainWindow(Settings())
window.show()
marks = {}
def usable():
    marks["usable"] = time.time() - t0
    open_initial(window, [])
QTimer.singleShot(0, usable)
def previewed():
    marks["first_preview"] = time.time() - t0
    window.workspace.mark_saved(None)
    window.close()
    app.quit()
window.preview.settled.connect(previewed)
QTimer.singleShot(60000, app.quit)
app.exec()
window.runner.shutdown()
print(json.dumps(marks))
"""


def one_run(env: dict[str, str]) -> dict[str, float]:
    import time

    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, repr(start), str(REPO)], env=env, capture_output=True, text=True, check=True
    )
    line = [ln for ln in out.stdout.splitlines() if ln.startswith("{")][-1]
    marks: dict[str, float] = json.loads(line)
    return marks


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        for var in ("BRIEFGEN_CONFIG_DIR", "BRIEFGEN_DATA_DIR", "BRIEFGEN_LOG_DIR"):
            env[var] = str(Path(tmp) / var.lower())
        runs = [one_run(env) for _ in range(args.runs)]
    usable = [r["usable"] for r in runs]
    first = [r["first_preview"] for r in runs if "first_preview" in r]
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {len(runs)}")
    print(
        f"cold start to usable window: median {statistics.median(usable):.2f} s, max {max(usable):.2f} s "
        f"(target < 2 s: {'met' if max(usable) < 2 else 'MISSED'})"
    )
    if first:
        print(
            f"cold start to first brief preview (3 samples): median {statistics.median(first):.2f} s, "
            f"max {max(first):.2f} s"
        )


if __name__ == "__main__":
    main()
