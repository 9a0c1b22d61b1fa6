"""Where sources differ: candidates for the ``differences`` part (see :func:`difference_units`)."""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.compose.units import Unit
from briefgen.corpus import Corpus
from briefgen.summarize.api import Summary


def difference_units(corpus: Corpus, summary: Summary, section_ids: Sequence[str]) -> list[Unit]:
    """Disagreements, most important first; each the sources' own sentences, one per source."""
    return []
