"""One sentence and its citations as JSON: the shape ``summarize --json`` and ``build --report`` share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from briefgen.corpus import Corpus
from briefgen.model import Citation


def support(citations: Sequence[Citation]) -> int:
    """How many distinct sources carry a sentence (its own place and its near-duplicates elsewhere)."""
    return len({c.source for c in citations})


def sentence_dict(corpus: Corpus, sentence_id: str, text: str, citations: Sequence[Citation]) -> dict[str, Any]:
    """``{"id", "text", "sources", "citations": [{"source", "article", "section", "start", "end"}]}``; ``sources``
    is the number of distinct sources that carry the sentence, exactly or nearly."""
    return {
        "id": sentence_id,
        "text": text,
        "sources": support(citations),
        "citations": [
            {
                "source": corpus.source(c.source).path,
                "article": c.article,
                "section": c.section,
                "start": c.start,
                "end": c.end,
            }
            for c in citations
        ],
    }
