"""Concept coverage: pick the sentences that together cover the most important concepts, each concept once.

Concepts are stemmed content words and adjacent pairs of them (bigrams); a concept's weight is the number of
sentences that mention it (concepts mentioned only once are ignored). A summary's value is the total weight of the
concepts it covers (Gillick & Favre 2009, solved greedily as budgeted maximum coverage, Khuller et al. 1999):
under a word budget each step takes the sentence that adds the most uncovered weight per square root of its
length (a compromise between favouring long sentences and favouring short ones, as in Lin & Bilmes 2010).
Redundancy is built in: a concept already covered adds nothing, so a sentence repeating the summary gains nothing.
"""

from __future__ import annotations

import itertools
from typing import ClassVar

import numpy as np

from briefgen.summarize.sentence_set import SentenceSet, normalized
from briefgen.summarize.vectors import FloatArray, weighted_bincount

MIN_SENTENCE_FREQUENCY = 2


def sentence_concepts(terms: tuple[str, ...]) -> set[str]:
    """Unigrams and bigrams of one sentence's content terms."""
    concepts = set(terms)
    concepts.update(f"{a} {b}" for a, b in itertools.pairwise(terms))
    return concepts


class CoverageObjective:
    length_exponent = 0.5

    def __init__(self, sentences: SentenceSet) -> None:
        ids: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        for i, terms in enumerate(sentences.terms):
            for concept in sorted(sentence_concepts(terms)):
                rows.append(i)
                cols.append(ids.setdefault(concept, len(ids)))
        n = len(sentences)
        row_arr = np.asarray(rows, dtype=np.int64)
        col_arr = np.asarray(cols, dtype=np.int64)
        frequency = np.bincount(col_arr, minlength=len(ids)).astype(np.float64)
        self._weights = np.where(frequency >= MIN_SENTENCE_FREQUENCY, frequency, 0.0)
        self._gains = weighted_bincount(row_arr, self._weights[col_arr], n)
        self.relevance = normalized(self._gains)
        self._covered = np.zeros(len(ids), dtype=bool)
        self._row_ptr = np.concatenate(([0], np.cumsum(np.bincount(row_arr, minlength=n))))
        self._cols = col_arr
        order = np.argsort(col_arr, kind="stable")
        self._post_rows = row_arr[order]
        self._col_ptr = np.concatenate(([0], np.cumsum(np.bincount(col_arr, minlength=len(ids)))))

    def gains(self) -> FloatArray:
        return self._gains

    def add(self, index: int) -> None:
        for concept in self._cols[self._row_ptr[index] : self._row_ptr[index + 1]].tolist():
            if self._covered[concept]:
                continue
            self._covered[concept] = True
            weight = self._weights[concept]
            if weight:
                self._gains[self._post_rows[self._col_ptr[concept] : self._col_ptr[concept + 1]]] -= weight


class Coverage:
    name: ClassVar[str] = "coverage"
    description: ClassVar[str] = "greedy budgeted coverage of weighted word and bigram concepts"

    def objective(self, sentences: SentenceSet) -> CoverageObjective:
        return CoverageObjective(sentences)
