"""Reading sources into the data model (placeholder filled below)."""

from briefgen.ingest.pipeline import load_sources, read_source

__all__ = ["load_sources", "read_source"]
