"""Sparse TF-IDF sentence vectors in plain numpy arrays (no scipy).

A :class:`TfIdf` is a sentence × term matrix with unit-length rows, kept twice: row-major (what each sentence
contains) and column-major (which sentences contain a term). Everything the summariser needs from it is linear in
the number of stored entries:

- ``X @ u`` and ``X.T @ v`` (:meth:`TfIdf.dot`, :meth:`TfIdf.tdot`), so a similarity graph ``X @ X.T`` can be
  walked without ever being built (see :mod:`briefgen.summarize.textrank`);
- the cosine similarities of one sentence to all others (:meth:`TfIdf.similarities_to`), through the postings
  of that sentence's terms only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from briefgen.summarize.tokens import TermIds

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


def weighted_bincount(index: IntArray, weights: FloatArray, size: int) -> FloatArray:
    """``out[k] = sum(weights[index == k])`` for ``k < size`` (a sparse sum into a dense float vector)."""
    out: FloatArray = np.bincount(index, weights=weights, minlength=size).astype(np.float64, copy=False)
    return out


class TfIdf:
    """Unit-length TF-IDF rows; term frequency is ``1 + log(count)``, IDF ``1 + log((1 + n) / (1 + df))``.

    Rows of sentences without any term are all zero (they are similar to nothing).
    """

    def __init__(self, terms: Sequence[Sequence[str]]) -> None:
        vocabulary: dict[str, int] = {}
        flat = [vocabulary.setdefault(term, len(vocabulary)) for sentence_terms in terms for term in sentence_terms]
        lengths = np.fromiter((len(t) for t in terms), dtype=np.int64, count=len(terms))
        self._build(np.asarray(flat, dtype=np.int64), lengths, vocabulary)

    @classmethod
    def from_ids(cls, terms: TermIds) -> TfIdf:
        """The same matrix as ``TfIdf(terms.as_strings())``, built from term ids."""
        flat, vocabulary = terms.first_seen()
        out = cls.__new__(cls)
        out._build(flat, terms.lengths, vocabulary)
        return out

    def _build(self, flat: IntArray, lengths: IntArray, vocabulary: dict[str, int]) -> None:
        """*flat*: every sentence's term ids in turn, numbered in the order terms first occur."""
        self.n_rows = len(lengths)
        self.n_terms = len(vocabulary)
        self.vocabulary = vocabulary
        # one entry per (sentence, term) with its count, ordered by sentence then term id
        keys = np.repeat(np.arange(self.n_rows, dtype=np.int64), lengths) * max(self.n_terms, 1)
        keys += flat
        unique_keys, counts = np.unique(keys, return_counts=True)
        row_arr = unique_keys // max(self.n_terms, 1)
        col_arr = unique_keys % max(self.n_terms, 1)
        tf = 1.0 + np.log(counts.astype(np.float64))
        df = np.bincount(col_arr, minlength=self.n_terms).astype(np.float64)
        self.document_frequency = df
        idf = 1.0 + np.log((1.0 + self.n_rows) / (1.0 + df))
        data = tf * idf[col_arr]
        norms = np.sqrt(weighted_bincount(row_arr, data * data, self.n_rows))
        data = data / np.where(norms > 0, norms, 1.0)[row_arr]
        # row-major: entries are already grouped by row, in row order
        self.rows: IntArray = row_arr
        self.cols: IntArray = col_arr
        self.data: FloatArray = data
        self.row_ptr: IntArray = np.concatenate(([0], np.cumsum(np.bincount(row_arr, minlength=self.n_rows))))
        # column-major copy for postings
        order = np.argsort(col_arr, kind="stable")
        self._post_rows: IntArray = row_arr[order]
        self._post_data: FloatArray = data[order]
        self._col_ptr: IntArray = np.concatenate(([0], np.cumsum(np.bincount(col_arr, minlength=self.n_terms))))
        self.has_terms = norms > 0
        """Rows with at least one term (unit length); the others are all zero."""

    def dot(self, u: FloatArray) -> FloatArray:
        """``X @ u`` for a vector over terms."""
        return weighted_bincount(self.rows, self.data * u[self.cols], self.n_rows)

    def tdot(self, v: FloatArray) -> FloatArray:
        """``X.T @ v`` for a vector over sentences."""
        return weighted_bincount(self.cols, self.data * v[self.rows], self.n_terms)

    def row(self, i: int) -> tuple[IntArray, FloatArray]:
        """Term ids and weights of sentence *i*."""
        start, end = int(self.row_ptr[i]), int(self.row_ptr[i + 1])
        return self.cols[start:end], self.data[start:end]

    def similarities_to(self, i: int) -> FloatArray:
        """Cosine similarity of sentence *i* to every sentence (``X @ x_i``), through *i*'s postings only."""
        cols, weights = self.row(i)
        if len(cols) == 0:
            return np.zeros(self.n_rows)
        starts = self._col_ptr[cols]
        ends = self._col_ptr[cols + 1]
        lengths = ends - starts
        # gather the postings of all of i's terms in one go
        offsets = np.repeat(starts - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
        index = np.arange(int(lengths.sum())) + offsets
        return weighted_bincount(
            self._post_rows[index], self._post_data[index] * np.repeat(weights, lengths), self.n_rows
        )
