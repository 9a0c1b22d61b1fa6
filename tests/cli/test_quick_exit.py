"""Ending a command-line run at once (briefgen.cli.quick_exit): the exit status, the exit handlers and the
standard streams are what an ordinary exit gives; with another thread running or Qt loaded it is an ordinary
exit."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

_PRELUDE = """
import atexit, pathlib, sys, threading, time
from briefgen.cli.quick_exit import leave
marks = pathlib.Path(sys.argv[1])
atexit.register(lambda: (marks / "atexit").write_text("ran"))
sys.stdout.write("no newline at the end")  # still in the buffer when leave() is called
sys.stderr.write("a warning")
"""


def _run(tmp_path: Path, code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _PRELUDE + textwrap.dedent(code), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_status_the_streams_and_the_exit_handlers_are_kept(tmp_path: Path) -> None:
    proc = _run(tmp_path, "leave(3)")
    assert proc.returncode == 3
    assert proc.stdout == "no newline at the end"
    assert proc.stderr == "a warning"
    assert (tmp_path / "atexit").read_text() == "ran"


def test_a_running_thread_is_waited_for(tmp_path: Path) -> None:
    proc = _run(
        tmp_path,
        """
        def late() -> None:
            time.sleep(0.3)
            (marks / "thread").write_text("finished")
        threading.Thread(target=late).start()
        leave(0)
        """,
    )
    assert proc.returncode == 0
    assert (tmp_path / "thread").read_text() == "finished"  # os._exit would have killed the thread
    assert (tmp_path / "atexit").read_text() == "ran"


def test_with_qt_loaded_the_interpreter_exits_as_usual(tmp_path: Path) -> None:
    pytest.importorskip("PySide6.QtCore", reason="PySide6 is not installed")
    proc = _run(
        tmp_path,
        """
        import PySide6.QtCore
        class Closing:  # freed only by an ordinary exit's teardown
            def __del__(self) -> None:
                (marks / "teardown").write_text("ran")
        keep = Closing()
        leave(0)
        """,
    )
    assert proc.returncode == 0
    assert (tmp_path / "teardown").read_text() == "ran"


def test_a_summary_piped_to_a_file_is_whole(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text(
        "The council approved the flood barrier on Monday after a long debate about its cost.\n\n"
        "Work will start in spring and should take two years, the council said in a statement.\n",
        encoding="utf-8",
    )
    out = tmp_path / "summary.json"
    with out.open("w", encoding="utf-8") as stdout:
        proc = subprocess.run(
            [sys.executable, "-m", "briefgen", "summarize", str(source), "--json"],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert text.rstrip().endswith("}")
    assert "flood barrier" in text
