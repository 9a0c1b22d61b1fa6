"""Start-up stays light: help, template listing and argument errors never load the heavy libraries.

Each case runs the command line in a fresh interpreter and lists the modules it imported; the time it takes is
measured in ``benchmarks/startup_and_throughput.py``, not here.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("nltk", "numpy", "reportlab", "docx", "trafilatura", "pypdf", "lxml", "PySide6")
_LIST_MODULES = """\
import sys
from briefgen.cli.main import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print("EXIT", code)
print("\\n".join(sorted(sys.modules)))
"""


def _imported(args: list[str]) -> tuple[int, set[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", _LIST_MODULES, *args], capture_output=True, text=True, timeout=120, check=False
    )
    lines = proc.stdout.splitlines()
    exits = [line for line in lines if line.startswith("EXIT ")]
    assert exits, proc.stderr
    code = exits[-1].split()[1]
    return (int(code) if code.lstrip("-").isdigit() else 0), set(lines[lines.index(exits[-1]) + 1 :])


@pytest.mark.parametrize(
    ("args", "expected_exit"),
    [
        (["--help"], 0),
        (["--version"], 0),
        (["build", "--help"], 0),
        (["templates", "list"], 0),
        (["demo", "--no-such-option"], 2),
        (["build", "source.txt"], 2),  # -o is missing
        (["build", "source.txt", "-o", "out.pdf", "--sentences", "many"], 2),
        (["summarize"], 2),  # no files
        (["--quiet", "--verbose", "templates", "list"], 2),
    ],
)
def test_no_heavy_module_is_imported(args: list[str], expected_exit: int) -> None:
    code, modules = _imported(args)
    assert code == expected_exit
    loaded = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert loaded == [], f"briefgen {' '.join(args)} imported {loaded[:10]}"


def test_the_guard_sees_heavy_imports() -> None:
    """The check above can fail: a command that reads a source does load NLTK (Punkt) and numpy."""
    code, modules = _imported(["summarize", "--sentences", "1", "--no-such-option"])
    assert code == 2 and "nltk" not in modules  # an argument error still stops before the engine
    proc = subprocess.run(
        [sys.executable, "-c", "import sys, briefgen.nlp, briefgen.summarize.engine; print(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "'nltk.tokenize.punkt'" in proc.stdout and "'numpy'" in proc.stdout
