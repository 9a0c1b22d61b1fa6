"""The greedy selection loop every algorithm shares: pins first, then the best gain that still fits.

Budgets are hard: a word limit is never exceeded by chosen sentences (pinned sentences are always in, even when
they alone exceed it), and a sentence limit is met exactly whenever there are enough candidates.

A sentence that leans on the one before it (:func:`~briefgen.summarize.standalone.leans_on_previous`) is a
*follower*: it becomes a candidate only once the sentence it leans on has been chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from briefgen.progress import CancelToken, check
from briefgen.summarize.budgets import Limits
from briefgen.summarize.interface import Objective
from briefgen.summarize.vectors import BoolArray, IntArray

_CHECK_EVERY = 64


def select(
    objective: Objective,
    word_counts: IntArray,
    candidates: BoolArray,
    pins: Sequence[int],
    limits: Limits,
    cancel: CancelToken | None = None,
    fallback: BoolArray | None = None,
    followers: dict[int, list[int]] | None = None,
) -> list[int]:
    """Indices of the chosen sentences: *pins* (in the order given), then the rest in the order chosen.

    Only sentences marked in *candidates* are chosen besides the pins; under a sentence limit that they cannot
    fill, those marked in *fallback* come next. ``followers[i]`` become candidates once sentence ``i`` is chosen.
    Ties go to the earlier sentence.
    """
    followers = followers or {}
    chosen = list(pins)
    taken = set(pins)
    for index in pins:
        objective.add(index)
    used_words = int(word_counts[list(pins)].sum()) if pins else 0
    available = candidates.copy()
    for index in pins:
        for follower in followers.get(index, ()):
            available[follower] = True
    available[list(pins)] = False
    reserve = fallback & ~candidates if fallback is not None and limits.sentences is not None else None
    if reserve is not None:
        reserve[list(pins)] = False
    lengths = np.maximum(word_counts, 1).astype(np.float64)
    scale: np.ndarray | None = None
    if limits.words is not None and objective.length_exponent:
        scale = lengths**objective.length_exponent
    steps = 0
    while limits.sentences is None or len(chosen) < limits.sentences:
        if limits.words is not None:
            available &= word_counts <= limits.words - used_words
        if not available.any():
            if reserve is None or not reserve.any():
                break
            available, reserve = reserve, None
        gains = objective.gains()
        if scale is not None:
            gains = gains / scale
        best = int(np.argmax(np.where(available, gains, -np.inf)))
        chosen.append(best)
        taken.add(best)
        available[best] = False
        for follower in followers.get(best, ()):
            if follower not in taken:
                available[follower] = True
        used_words += int(word_counts[best])
        objective.add(best)
        steps += 1
        if steps % _CHECK_EVERY == 0:
            check(cancel)
    return chosen
