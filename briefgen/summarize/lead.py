"""Lead: the first sentences, the classic news baseline.

Every article's first sentence outranks every second sentence, and so on; among equals the earlier article comes
first, so several sources are read round-robin. No diversity term: Lead is the reference point, not a contender.
"""

from __future__ import annotations

from typing import ClassVar

from briefgen.summarize.redundancy import MmrObjective
from briefgen.summarize.sentence_set import SentenceSet


class Lead:
    name: ClassVar[str] = "lead"
    description: ClassVar[str] = "the first sentences of each article (baseline)"

    def objective(self, sentences: SentenceSet) -> MmrObjective:
        relevance = 1.0 / (1.0 + sentences.positions.astype(float))
        return MmrObjective(sentences, relevance, diversity=0.0)
