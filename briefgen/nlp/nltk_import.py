"""Importing NLTK's Punkt sentence tokenizer without the rest of NLTK.

``import nltk.tokenize.punkt`` first runs ``nltk/__init__.py`` and ``nltk/tokenize/__init__.py``, which import
nearly all of NLTK (parsers, corpora, classifiers, numpy): about half a second of every command that reads a
source. Punkt itself needs ten small modules. :func:`import_punkt_alone` imports just those, under placeholder
modules for the ``nltk`` and ``nltk.tokenize`` packages whose own ``__init__`` has not run yet.

Other users of NLTK still get the whole library: the first time anything else of NLTK is asked for (an attribute
of either package, or an import of any other ``nltk`` module), the real ``__init__`` of both packages runs into
the same module objects, in NLTK's own order. If anything here fails (another NLTK release with other imports,
an unusual importer), the plain import is used instead: slower, never wrong.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types
from collections.abc import Sequence

PACKAGES = ("nltk", "nltk.tokenize")
"""The packages whose ``__init__`` is deferred, parents first."""
PUNKT = "nltk.tokenize.punkt"
LIGHT_MODULES = frozenset(
    {"nltk.internals", "nltk.pathsec", "nltk.picklesec", "nltk.probability", "nltk.redos", "nltk.tabdata"}
    | {"nltk.termsec", "nltk.tokenize.api", "nltk.tokenize.util", PUNKT}
)
"""What Punkt imports (NLTK 3.9-3.10); importing anything else of NLTK completes the packages first."""


class _DeferredPackage(types.ModuleType):
    """A package module whose ``__init__`` runs on the first request for something it does not hold yet."""

    def __getattr__(self, name: str) -> object:
        if f"{self.__name__}.{name}" in LIGHT_MODULES:  # ``from nltk import pathsec`` while Punkt loads
            return importlib.import_module(f"{self.__name__}.{name}")
        if name.startswith("__") and name.endswith("__") and name not in ("__all__", "__version__"):
            raise AttributeError(name)
        complete()
        return getattr(self, name)


class _AlreadyLoaded(importlib.abc.Loader):
    """Hands the import system a module that completing the packages has just imported."""

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return sys.modules[spec.name]

    def exec_module(self, module: types.ModuleType) -> None:
        return None


class _CompleteOnOtherImports(importlib.abc.MetaPathFinder):
    """Runs the deferred ``__init__`` files before any NLTK module other than Punkt's is imported."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if not fullname.startswith("nltk.") or fullname in LIGHT_MODULES:
            return None
        complete()
        if fullname in sys.modules:
            return importlib.machinery.ModuleSpec(fullname, _AlreadyLoaded())
        return None


_finder: _CompleteOnOtherImports | None = None


def complete() -> None:
    """Run the real ``__init__`` of the deferred packages (once; parents first)."""
    global _finder
    if _finder is not None:
        if _finder in sys.meta_path:
            sys.meta_path.remove(_finder)
        _finder = None
    for name in PACKAGES:
        module = sys.modules.get(name)
        if isinstance(module, _DeferredPackage):
            plain: types.ModuleType = module
            plain.__class__ = types.ModuleType  # from now on a plain module: no more deferring
            spec = plain.__spec__
            assert spec is not None and spec.loader is not None
            spec.loader.exec_module(plain)


def _deferred_package(name: str) -> _DeferredPackage:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or spec.submodule_search_locations is None:
        raise ImportError(f"{name} is not an importable package")
    module = _DeferredPackage(name)
    module.__spec__ = spec
    module.__loader__ = spec.loader
    module.__file__ = spec.origin
    module.__path__ = list(spec.submodule_search_locations)
    module.__package__ = name
    return module


def import_punkt_alone() -> bool:
    """Import ``nltk.tokenize.punkt`` without the rest of NLTK; True if that was done, False when NLTK was
    already imported or the plain import had to be used."""
    global _finder
    if "nltk" in sys.modules:
        return False
    try:
        for name in PACKAGES:
            module = _deferred_package(name)
            sys.modules[name] = module
            parent, _, child = name.rpartition(".")
            if parent:
                setattr(sys.modules[parent], child, module)
        _finder = _CompleteOnOtherImports()
        sys.meta_path.insert(0, _finder)
        importlib.import_module(PUNKT)
        return True
    except Exception:  # any surprise: forget the partial import and let NLTK load as it normally does
        if _finder in sys.meta_path:
            sys.meta_path.remove(_finder)
        _finder = None
        for name in [m for m in sys.modules if m == "nltk" or m.startswith("nltk.")]:
            del sys.modules[name]
        importlib.import_module(PUNKT)
        return False
