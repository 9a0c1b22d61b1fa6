"""Loading a script that is not part of the package (``tools/``, ``packaging/``) as a module, by its path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def load_script(path: Path, name: str | None = None) -> ModuleType:
    """The script at *path* imported as the module *name* (its file name by default). Give another name where the
    file name is taken (``packaging`` is a PyPI package)."""
    module_name = name or path.stem
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses in the script look their module up
    spec.loader.exec_module(module)
    return module
