"""Graph centrality: the factorised PageRank equals PageRank on the explicit similarity graph."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.summarize.sentence_set import SentenceSet
from briefgen.summarize.textrank import DAMPING, TextRank, centrality
from briefgen.summarize.vectors import TfIdf

WORDS = st.sampled_from(["bus", "fare", "city", "council", "tram", "rail", "road", "cost", "vote"])


def dense_pagerank(tfidf: TfIdf, teleport: np.ndarray) -> np.ndarray:
    n = tfidf.n_rows
    x = np.zeros((n, tfidf.n_terms))
    x[tfidf.rows, tfidf.cols] = tfidf.data
    s = x @ x.T
    np.fill_diagonal(s, 0.0)
    degree = s.sum(axis=1)
    rank = np.full(n, 1.0 / n)
    for _ in range(1000):
        spread = np.zeros(n)
        for i in range(n):
            if degree[i] > 1e-12:
                spread += rank[i] * s[i] / degree[i]
            else:
                spread += rank[i] * teleport
        rank = (1 - DAMPING) * teleport + DAMPING * spread
    out: np.ndarray = rank / rank.sum()
    return out


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=5), min_size=1, max_size=10), st.booleans())
def test_matches_dense_pagerank(terms: list[list[str]], biased: bool) -> None:
    tfidf = TfIdf(terms)
    n = len(terms)
    teleport = np.full(n, 1.0 / n)
    if biased:
        teleport = 1.0 / np.arange(1, n + 1)
        teleport /= teleport.sum()
    got = centrality(tfidf, teleport=teleport)
    assert got.sum() == pytest.approx(1.0)
    assert np.allclose(got, dense_pagerank(tfidf, teleport), atol=1e-6)


def test_the_sentence_most_like_the_others_ranks_first() -> None:
    terms = [["bus", "fare"], ["bus", "fare", "city"], ["city", "council"], ["rail"], ["bus", "city"]]
    sentences = SentenceSet([" ".join(t) for t in terms], terms, [0] * 5, list(range(5)))
    relevance = TextRank(position_bias=0.0).objective(sentences).relevance
    assert int(np.argmax(relevance)) == 1
    assert relevance[3] < relevance[1]
