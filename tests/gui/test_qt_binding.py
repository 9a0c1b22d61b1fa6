"""The Qt binding keeps Python's reference counts right. PySide6 6.12.0 on CPython 3.11 took one reference from
``None`` on every Qt call that returns nothing (``setText``, ``insertText``, ``setBackground``…), so a long
session, or one large section shown in the reading pane, ended in "Fatal Python error: none_dealloc". The app
pins the binding below that release; this test fails on a binding with the fault (in a child process, since the
fault ends the process that has it)."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import sys
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
document = QTextDocument()
cursor = QTextCursor(document)
fmt = QTextCharFormat()
label = QLabel()
colour = QColor("#FFF3B0")
before = sys.getrefcount(None)
for _ in range(200):
    fmt.setBackground(colour)
    fmt.setFontUnderline(True)
    cursor.insertText("A sentence. ", fmt)
    label.setText("status")
print(before - sys.getrefcount(None))
"""


def test_void_qt_calls_leave_none_alone() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    lost = int(done.stdout.strip().splitlines()[-1])
    assert lost < 80, f"None lost {lost} references over 800 void Qt calls: the Qt binding has a refcount fault"
