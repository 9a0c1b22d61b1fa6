"""The greedy selection loop every algorithm shares: pins first, then the best gain that still fits.

Budgets are hard: a word limit is never exceeded by chosen sentences (pinned sentences are always in, even when
they alone exceed it), and a sentence limit is met exactly whenever there are enough candidates.

A sentence that leans on the one before it (:func:`~briefgen.summarize.standalone.leans_on_previous`) is a
*follower*: it is chosen only together with the sentence it leans on. Once that sentence is in, the follower is
a candidate like any other; before that, the two compete as a pair, scored by their summed gain per word (or, under
a sentence budget, per sentence), so a strong follower brings in the sentence that makes it readable.
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
    pair_lead = np.array([p for p, fs in followers.items() for _ in fs], dtype=np.int64)
    pair_follow = np.array([f for fs in followers.values() for f in fs], dtype=np.int64)
    chosen = list(pins)
    taken = set(pins)
    taken_mask = np.zeros(len(word_counts), dtype=bool)
    taken_mask[list(pins)] = True
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
        raw = objective.gains()
        gains = raw / scale if scale is not None else raw
        scores = np.where(available, gains, -np.inf)
        best = int(np.argmax(scores))
        picks = [best]
        if pair_lead.size and (limits.sentences is None or len(chosen) + 2 <= limits.sentences):
            pair = _best_pair(raw, available, taken_mask, pair_lead, pair_follow, word_counts, lengths, limits,
                              used_words, objective.length_exponent if scale is not None else None)  # fmt: skip
            if pair is not None and pair[0] > scores[best]:
                picks = [pair[1], pair[2]]
        for pick in picks:
            chosen.append(pick)
            taken.add(pick)
            taken_mask[pick] = True
            available[pick] = False
            for follower in followers.get(pick, ()):
                if follower not in taken:
                    available[follower] = True
            used_words += int(word_counts[pick])
            objective.add(pick)
        steps += 1
        if steps % _CHECK_EVERY == 0:
            check(cancel)
    return chosen


def _best_pair(
    raw: np.ndarray,
    available: BoolArray,
    taken: BoolArray,
    lead: IntArray,
    follow: IntArray,
    word_counts: IntArray,
    lengths: np.ndarray,
    limits: Limits,
    used_words: int,
    exponent: float | None,
) -> tuple[float, int, int] | None:
    """(score, lead, follower) of the best pair whose lead is available and whose follower is not taken."""
    ok = available[lead] & ~taken[follow]
    if limits.words is not None:
        ok &= word_counts[lead] + word_counts[follow] <= limits.words - used_words
    if not ok.any():
        return None
    total = raw[lead] + raw[follow]
    score = total / (lengths[lead] + lengths[follow]) ** exponent if exponent is not None else total / 2
    k = int(np.argmax(np.where(ok, score, -np.inf)))
    return float(score[k]), int(lead[k]), int(follow[k])
