"""Extractive summarisation: ``summarize(corpus, SummaryRequest(...)) -> Summary``.

The public types live in :mod:`briefgen.summarize.api` (cheap to import); :func:`summarize` is loaded on first use
so that importing this package does not pull in numpy. Algorithms are listed by
:func:`briefgen.summarize.registry.algorithm_names`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefgen.summarize.api import Budget, Summary, SummaryRequest, SummarySentence

if TYPE_CHECKING:
    from briefgen.summarize.engine import summarize

__all__ = ["Budget", "Summary", "SummaryRequest", "SummarySentence", "summarize"]


def __getattr__(name: str) -> Any:
    if name == "summarize":
        from briefgen.summarize.engine import summarize

        return summarize
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
