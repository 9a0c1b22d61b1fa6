"""Sparse TF-IDF products agree with the dense matrix they stand for."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.summarize.vectors import TfIdf

WORDS = st.sampled_from(["bus", "fare", "city", "council", "tram", "rail", "road", "cost"])
SENTENCES = st.lists(st.lists(WORDS, max_size=6), min_size=1, max_size=12)


def dense(tfidf: TfIdf) -> np.ndarray:
    x = np.zeros((tfidf.n_rows, tfidf.n_terms))
    x[tfidf.rows, tfidf.cols] = tfidf.data
    return x


@settings(max_examples=60, deadline=None)
@given(SENTENCES)
def test_products_match_the_dense_matrix(terms: list[list[str]]) -> None:
    tfidf = TfIdf(terms)
    x = dense(tfidf)
    rng = np.random.default_rng(0)
    u = rng.random(tfidf.n_terms)
    v = rng.random(tfidf.n_rows)
    assert np.allclose(tfidf.dot(u), x @ u)
    assert np.allclose(tfidf.tdot(v), x.T @ v)
    for i in range(tfidf.n_rows):
        assert np.allclose(tfidf.similarities_to(i), x @ x[i])


def test_rows_are_unit_length_or_empty() -> None:
    tfidf = TfIdf([["bus", "bus", "fare"], [], ["city"]])
    norms = np.linalg.norm(dense(tfidf), axis=1)
    assert np.allclose(norms, [1.0, 0.0, 1.0])
    assert tfidf.has_terms.tolist() == [True, False, True]
    assert np.allclose(tfidf.similarities_to(1), 0.0)


def test_rarer_terms_weigh_more() -> None:
    tfidf = TfIdf([["bus", "tram"], ["bus"], ["bus"]])
    cols, weights = tfidf.row(0)
    by_term = dict(zip(cols.tolist(), weights.tolist(), strict=True))
    assert by_term[tfidf.vocabulary["tram"]] > by_term[tfidf.vocabulary["bus"]]
