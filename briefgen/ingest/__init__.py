"""Reading sources into the data model: one reader per format behind one registry, shared cleaning after it."""

from briefgen.ingest.pipeline import LoadResult, build_source, load_sources, read_source, source_from_text
from briefgen.ingest.registry import supported_extensions

__all__ = [
    "LoadResult",
    "build_source",
    "load_sources",
    "read_source",
    "source_from_text",
    "supported_extensions",
]
