"""The engine runs without Qt: building a brief through the Python API loads no Qt module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
from briefgen.build import build_brief
result = build_brief(sys.argv[1:-1], output=sys.argv[-1])
qt = ("PySide6", "shiboken6", "pypdfium2")
loaded = sorted(m for m in sys.modules if m.split(".")[0] in qt or m.startswith("briefgen.gui"))
print(len(result.brief.sentences()), loaded)
"""


def test_building_a_brief_through_the_api_imports_no_qt(samples_dir: Path, tmp_path: Path) -> None:
    files = sorted(str(p) for p in samples_dir.iterdir() if p.suffix in (".txt", ".md"))
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, *files, str(tmp_path / "b.pdf")],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.split(maxsplit=1)
    assert int(out[0]) > 0, "a brief was built"
    assert out[1].strip() == "[]", f"Qt or the app was imported: {out[1]}"
