"""Timeline candidates: dated events of the selected sources (see :func:`timeline_units`)."""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.compose.units import Unit
from briefgen.corpus import Corpus
from briefgen.summarize.api import Summary


def timeline_units(corpus: Corpus, summary: Summary, section_ids: Sequence[str]) -> list[Unit]:
    """Dated events, most relevant first; each a single sentence labelled with its date, ``order`` the date."""
    return []
