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

from briefgen.corpus import Corpus
from briefgen.errors import BriefgenError, InputError
from briefgen.ingest import LoadResult, load_sources, read_source, source_from_text

__all__ = [
    "BriefgenError",
    "Corpus",
    "InputError",
    "LoadResult",
    "__version__",
    "load_sources",
    "read_source",
    "source_from_text",
]
