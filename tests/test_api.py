"""The embedding API (``import briefgen``): every exported name resolves, every error class is exported, and the
README's example runs and builds briefs without loading Qt."""

from __future__ import annotations

import importlib
import inspect
import io
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

import briefgen

REPO = Path(__file__).resolve().parent.parent
QT = ("PySide6", "shiboken6", "pypdfium2")
_REPORT_LOADED = f"""
import sys
qt = {QT!r}
print("LOADED", sorted(m for m in sys.modules if m.split(".")[0] in qt or m.startswith("briefgen.gui")))
"""


def readme_example() -> str:
    """The Python block of the README's "Embedding the engine" section."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("### Embedding the engine", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "the README has no Python example under 'Embedding the engine'"
    return match.group(1)


def test_all_lists_every_export_and_each_resolves() -> None:
    assert set(briefgen.__all__) == {"__version__", *briefgen._EXPORTS}
    missing = [name for name in briefgen.__all__ if getattr(briefgen, name, None) is None]
    assert missing == []
    assert callable(briefgen.build_brief) and callable(briefgen.render_brief) and callable(briefgen.compose_brief)
    with pytest.raises(AttributeError, match="no_such_name"):
        briefgen.no_such_name  # noqa: B018 - the attribute access is what is tested


def test_no_export_shares_its_name_with_a_subpackage() -> None:
    """Importing ``briefgen.render`` binds ``briefgen.render`` to the package: a function of that name would be
    replaced by it as soon as anything imported the package."""
    modules = {m.name for m in pkgutil.iter_modules(briefgen.__path__)}
    assert modules & set(briefgen.__all__) == set()


def _engine_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(briefgen.__path__, "briefgen."):
        if info.name.startswith(("briefgen.gui", "briefgen.__main__")):
            continue
        names.append(info.name)
    return names


def test_every_public_error_class_of_the_engine_is_exported() -> None:
    errors = set()
    for name in _engine_modules():
        try:
            module = importlib.import_module(name)
        except ImportError:  # an optional extra (dask) that is not installed
            continue
        for attr, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__ == name
                and not attr.startswith("_")
            ):
                errors.add(attr)
    assert {"BriefgenError", "InputError", "Cancelled"} <= errors, "the scan finds the error classes"
    assert errors - set(briefgen.__all__) == set(), "add them to briefgen/__init__.py"


def test_the_readme_example_builds_briefs_without_qt(tmp_path: Path) -> None:
    (tmp_path / "resources").symlink_to(REPO / "resources", target_is_directory=True)
    proc = subprocess.run(
        [sys.executable, "-c", readme_example() + _REPORT_LOADED],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "400/400 Done" in proc.stdout, "progress was reported"
    assert re.search(r"^[1-9]\d* cited sentences; templates: \[.*'research-digest'", proc.stdout, re.M)
    assert proc.stdout.splitlines()[-1] == "LOADED []", "building a brief through the API loaded Qt or the app"
    assert len(PdfReader(io.BytesIO((tmp_path / "brief.pdf").read_bytes())).pages) >= 1
    markdown = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert "Eastmouth" in markdown and "[^1]:" in markdown, "the Markdown brief cites the samples"


def test_the_qt_check_can_fail() -> None:
    """The check above sees Qt when it is loaded."""
    pytest.importorskip("PySide6")
    proc = subprocess.run(
        [sys.executable, "-c", "import PySide6.QtCore\n" + _REPORT_LOADED],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "'PySide6.QtCore'" in proc.stdout
