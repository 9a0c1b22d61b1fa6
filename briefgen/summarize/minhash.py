"""Candidate pairs of similar word sets by MinHash and locality-sensitive hashing, in near-linear time.

Used by :mod:`briefgen.summarize.duplicates` when exact prefix filtering would cost too much (text whose words
are all common, such as a tiny vocabulary repeated for hundreds of thousands of sentences). Each set gets
``BANDS * ROWS`` MinHash values (a random 32-bit value per distinct word; the minimum over the set's words, one
per hash function): two sets agree on one value with probability equal to their Jaccard similarity. Sets that
agree on all ``ROWS`` values of some band land in the same bucket and become a candidate pair, so a pair with
Jaccard ``J`` is found with probability ``1 - (1 - J**ROWS) ** BANDS``: for ``J = 0.8`` all but 8 in a hundred
thousand, for ``J = 0.9`` all but 5 in a billion (and a group needs only one path between its members).

The work stays bounded however alike the sets are: inside a bucket each set is paired only with the
:data:`BUCKET_NEIGHBOURS` sets before it, and pairs whose MinHash values agree on less than
:data:`MIN_AGREEMENT` of them (far below the 0.8 that near-duplicates share) are dropped before the caller
checks the rest exactly. Everything is vectorised with numpy except that exact check.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from briefgen.progress import CancelToken, check

BANDS = 18
ROWS = 4
BUCKET_NEIGHBOURS = 4
"""Within one bucket, each set is paired with this many sets before it (in input order)."""
MIN_AGREEMENT = 0.55
"""Share of MinHash values two sets must have in common to be handed on as a candidate pair. A pair with
Jaccard 0.8 agrees on 0.8 of them on average and on less than 0.55 with a probability below one in ten million."""
_SEED = 20240611
_CHUNK = 1 << 18
"""Entries (set, word) hashed at a time: bounds the temporary arrays to ``_CHUNK * BANDS * ROWS`` values."""

UInt32Array = npt.NDArray[np.uint32]
IntArray = npt.NDArray[np.int64]


def signatures(sets: Sequence[frozenset[str]], cancel: CancelToken | None = None) -> UInt32Array:
    """The ``len(sets) x (BANDS * ROWS)`` MinHash matrix (an empty set's row is all ones: it matches nothing
    but other empty sets, which callers never pass)."""
    hashes = BANDS * ROWS
    vocabulary: dict[str, int] = {}
    flat = [vocabulary.setdefault(word, len(vocabulary)) for words in sets for word in words]
    lengths = np.fromiter((len(words) for words in sets), dtype=np.int64, count=len(sets))
    rng = np.random.default_rng(_SEED)
    values = rng.integers(0, np.iinfo(np.uint32).max, size=(len(vocabulary), hashes), dtype=np.uint32, endpoint=True)
    ids = np.asarray(flat, dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(sets) else np.zeros(0, dtype=np.int64)
    out = np.full((len(sets), hashes), np.iinfo(np.uint32).max, dtype=np.uint32)
    nonempty = np.flatnonzero(lengths > 0)
    # whole sets per chunk, so that every reduceat segment lies inside one chunk
    begin = 0
    while begin < len(nonempty):
        check(cancel)
        first_entry = int(starts[nonempty[begin]])
        end = int(np.searchsorted(starts[nonempty], first_entry + _CHUNK, side="left"))
        end = max(end, begin + 1)
        rows = nonempty[begin:end]
        last_entry = int(starts[rows[-1]] + lengths[rows[-1]])
        block = values[ids[first_entry:last_entry]]
        out[rows] = np.minimum.reduceat(block, starts[rows] - first_entry, axis=0)
        begin = end
    return out


def candidate_pairs(
    sets: Sequence[frozenset[str]], cancel: CancelToken | None = None, min_size_ratio: float = 0.0
) -> IntArray:
    """Pairs ``(i, j)``, ``i < j``, of indices into *sets* that may be similar, as a ``k x 2`` array sorted by
    ``j`` then ``i`` (each pair once). Pairs whose smaller set has fewer than *min_size_ratio* times the words of
    the larger are left out (they cannot reach that Jaccard similarity)."""
    n = len(sets)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    sig = signatures(sets, cancel)
    multipliers = np.random.default_rng(_SEED + 1).integers(
        1, np.iinfo(np.uint64).max, size=ROWS, dtype=np.uint64, endpoint=True
    ) | np.uint64(1)
    found: list[IntArray] = []
    for band in range(BANDS):
        check(cancel)
        part = sig[:, band * ROWS : (band + 1) * ROWS]
        keys = (part.astype(np.uint64) * multipliers).sum(axis=1, dtype=np.uint64)  # wraps modulo 2**64
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        for distance in range(1, BUCKET_NEIGHBOURS + 1):
            same = np.flatnonzero(sorted_keys[distance:] == sorted_keys[:-distance])
            if not len(same):
                break
            found.append(np.stack((order[same], order[same + distance]), axis=1))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(found)
    pairs.sort(axis=1)
    codes = pairs[:, 1] * n + pairs[:, 0]
    codes.sort()
    codes = codes[np.concatenate(([True], codes[1:] != codes[:-1]))]
    pairs = np.stack((codes % n, codes // n), axis=1)
    if min_size_ratio > 0:
        sizes = np.fromiter((len(words) for words in sets), dtype=np.float64, count=n)
        small = np.minimum(sizes[pairs[:, 0]], sizes[pairs[:, 1]])
        large = np.maximum(sizes[pairs[:, 0]], sizes[pairs[:, 1]])
        pairs = pairs[small >= min_size_ratio * large - 1e-9]
    # drop pairs whose signatures agree too little to be near-duplicates, a chunk at a time
    keep = np.zeros(len(pairs), dtype=bool)
    step = max(1, _CHUNK // 4)
    for begin in range(0, len(pairs), step):
        check(cancel)
        chunk = pairs[begin : begin + step]
        agreement = (sig[chunk[:, 0]] == sig[chunk[:, 1]]).mean(axis=1)
        keep[begin : begin + step] = agreement >= MIN_AGREEMENT
    result: IntArray = pairs[keep]
    return result
