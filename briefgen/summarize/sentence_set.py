"""The sentences an algorithm ranks, with the per-sentence facts algorithms use.

Algorithms see sentences only through :class:`SentenceSet`: their text, stemmed content terms, word counts, the
article each comes from and its position in that article. Sentences are in output order (sections in brief
order, source order within a section), so "earlier" always means "earlier for the reader".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import numpy as np

from briefgen.summarize.tokens import TermIds
from briefgen.summarize.vectors import FloatArray, IntArray, TfIdf


class SentenceSet:
    def __init__(
        self,
        texts: Sequence[str],
        terms: Sequence[Sequence[str]] | TermIds,
        articles: Sequence[int],
        positions: Sequence[int],
    ) -> None:
        if not len(texts) == len(terms) == len(articles) == len(positions):
            raise ValueError("texts, terms, articles and positions must have one entry per sentence")
        self.texts: tuple[str, ...] = tuple(texts)
        self._term_ids = terms if isinstance(terms, TermIds) else None
        self._terms = None if isinstance(terms, TermIds) else tuple(tuple(t) for t in terms)
        self.articles: IntArray = np.asarray(articles, dtype=np.int64)
        """Index of each sentence's article (sentences of one article share it)."""
        self.positions: IntArray = np.asarray(positions, dtype=np.int64)
        """Index of each sentence within its article (0 for the article's first sentence)."""
        self.word_counts: IntArray = np.asarray([len(t.split()) for t in self.texts], dtype=np.int64)
        """Whitespace-separated words, the unit of word budgets."""

    def __len__(self) -> int:
        return len(self.texts)

    @property
    def terms(self) -> tuple[tuple[str, ...], ...]:
        """Each sentence's stemmed content terms."""
        if self._terms is None:
            assert self._term_ids is not None
            self._terms = self._term_ids.as_strings()
        return self._terms

    @cached_property
    def tfidf(self) -> TfIdf:
        if self._term_ids is not None:
            return TfIdf.from_ids(self._term_ids)
        return TfIdf(self.terms)

    @property
    def article_count(self) -> int:
        return len(set(self.articles.tolist()))

    def subset(self, indices: Sequence[int]) -> SentenceSet:
        return SentenceSet(
            [self.texts[i] for i in indices],
            self._term_ids.subset(indices) if self._term_ids is not None else [self.terms[i] for i in indices],
            self.articles[list(indices)].tolist(),
            self.positions[list(indices)].tolist(),
        )


def normalized(values: FloatArray) -> FloatArray:
    """*values* scaled so that the largest is 1 (all zeros stay zeros; negatives are clipped to 0)."""
    clipped = np.clip(values.astype(np.float64), 0.0, None)
    top = float(clipped.max()) if len(clipped) else 0.0
    return clipped / top if top > 0 else clipped
