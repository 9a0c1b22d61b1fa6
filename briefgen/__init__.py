"""briefgen: turn a pile of articles into a cited, extractive brief.

The engine (everything here except :mod:`briefgen.gui`) is plain Python and never imports Qt.
Typical use::

    from briefgen import load_sources
    corpus = load_sources(["a.txt", "b.html"])
    for source in corpus.sources:
        print(source.path, len(source.articles))
"""

from __future__ import annotations

__version__ = "0.1.0"

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefgen.build import BuildResult, build_brief
    from briefgen.compose import BriefDetails
    from briefgen.corpus import Corpus
    from briefgen.errors import BriefgenError, InputError
    from briefgen.ingest import LoadResult, load_sources, read_source, source_from_text
    from briefgen.summarize import summarize

# Public names, imported on first use so that ``import briefgen.fileio`` (or the CLI's --help) stays fast.
_EXPORTS = {
    "BriefDetails": "briefgen.compose",
    "BriefgenError": "briefgen.errors",
    "BuildResult": "briefgen.build",
    "Corpus": "briefgen.corpus",
    "InputError": "briefgen.errors",
    "LoadResult": "briefgen.ingest",
    "build_brief": "briefgen.build",
    "load_sources": "briefgen.ingest",
    "read_source": "briefgen.ingest",
    "source_from_text": "briefgen.ingest",
    "summarize": "briefgen.summarize",
}

__all__ = [
    "BriefDetails",
    "BriefgenError",
    "BuildResult",
    "Corpus",
    "InputError",
    "LoadResult",
    "__version__",
    "build_brief",
    "load_sources",
    "read_source",
    "source_from_text",
    "summarize",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'briefgen' has no attribute {name!r}")
    return getattr(import_module(module), name)
