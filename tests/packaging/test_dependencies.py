"""Every library briefgen imports is declared in pyproject.toml, so a fresh clone installs it and the frozen app
carries it (PyInstaller bundles what is installed, not what is declared)."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.packaging.test_spec_resources import REPO, _imported_modules


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


RUNTIME_EXTRAS = ("dask",)
"""Optional extras that add a feature (``briefgen batch --executor dask``); their imports count as declared."""


def declared_dependencies() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in RUNTIME_EXTRAS:
        requirements += project["optional-dependencies"][extra]
    return {_normalised(re.split(r"[\s<>=!~;\[]", req, maxsplit=1)[0]) for req in requirements}


def test_every_imported_library_is_a_declared_dependency() -> None:
    declared = declared_dependencies()
    providers = packages_distributions()
    third_party: dict[str, str] = {}
    for where, name in _imported_modules():
        top = name.split(".")[0]
        if top == "briefgen" or top in sys.stdlib_module_names or top == "__future__":
            continue
        third_party.setdefault(top, where)
    assert "PySide6" in third_party and "nltk" in third_party, "the import scan is broken"
    for top, where in sorted(third_party.items()):
        dists = {_normalised(d) for d in providers.get(top, [])}
        assert dists, f"{where} imports {top}, which no installed distribution provides"
        assert dists & declared, f"{where} imports {top} (from {sorted(dists)}), not listed in pyproject dependencies"
