"""Maximal Marginal Relevance: static relevance minus similarity to what is already in the summary.

``gain(i) = (1 - diversity) * relevance(i) - diversity * max_{j taken} cos(i, j)``

(Carbonell & Goldstein, 1998). Similarities come from sparse TF-IDF vectors: taking a sentence costs one pass over
the postings of its own terms, so selection stays linear in the input size.
"""

from __future__ import annotations

import numpy as np

from briefgen.summarize.sentence_set import SentenceSet, normalized
from briefgen.summarize.vectors import FloatArray


class MmrObjective:
    length_exponent = 0.0

    def __init__(self, sentences: SentenceSet, relevance: FloatArray, diversity: float) -> None:
        if not 0.0 <= diversity < 1.0:
            raise ValueError("diversity must be in [0, 1)")
        self.relevance = normalized(relevance)
        self.diversity = diversity
        self._sentences = sentences
        self._max_similarity = np.zeros(len(sentences))

    def gains(self) -> FloatArray:
        if self.diversity == 0.0:
            return self.relevance
        return (1.0 - self.diversity) * self.relevance - self.diversity * self._max_similarity

    def add(self, index: int) -> None:
        if self.diversity == 0.0:
            return
        np.maximum(self._max_similarity, self._sentences.tfidf.similarities_to(index), out=self._max_similarity)
