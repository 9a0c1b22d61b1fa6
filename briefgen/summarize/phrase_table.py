"""Key phrases of many sentences at once, from a :class:`~briefgen.summarize.tokens.TokenTable`.

The same key phrases as :func:`briefgen.summarize.keyphrases.top_phrases` over the sentences' runs (the
evidence and the choice are :class:`~briefgen.summarize.keyphrases.Evidence`'s), found without walking the
words one by one: whether a token joins a run, ends it or breaks it is decided once per distinct token, and the
runs, their first words, the capitalised word pairs and the counts of the short runs are found with numpy over
every token of the sentences together. Python then handles each distinct short run once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from briefgen.summarize.keyphrases import MAX_PHRASE_WORDS, Evidence, classify, word_stem
from briefgen.summarize.tokens import TokenTable
from briefgen.summarize.vectors import BoolArray, IntArray

_BITS = 21
"""Bits per word id when a run of up to three words is packed into one integer."""


@dataclass(frozen=True)
class _Words:
    """Per token of a table: the word it adds to a run (-1: none), whether it ends its run, whether it is a
    break; per word: its text, its stem's number, whether it starts with a lower- or an upper-case letter."""

    word_of: IntArray
    ends: BoolArray
    is_break: BoolArray
    words: list[str]
    stem_of: IntArray
    stems: list[str]
    lower: BoolArray
    upper: BoolArray


def _words(table: TokenTable) -> _Words:
    cached: _Words | None = getattr(table, "_phrase_words", None)
    if cached is not None:
        return cached
    word_number: dict[str, int] = {}
    word_of: list[int] = []
    ends: list[bool] = []
    for token in table.vocabulary:
        word, end = classify(token) if token else (None, False)
        word_of.append(-1 if word is None else word_number.setdefault(word, len(word_number)))
        ends.append(end and word is not None)
    words = list(word_number)
    stem_number: dict[str, int] = {}
    stem_of = [stem_number.setdefault(word_stem(w), len(stem_number)) for w in words]
    out = _Words(
        word_of=np.asarray(word_of, dtype=np.int64),
        ends=np.asarray(ends, dtype=bool),
        is_break=np.asarray([not t for t in table.vocabulary], dtype=bool),
        words=words,
        stem_of=np.asarray(stem_of, dtype=np.int64),
        stems=list(stem_number),
        lower=np.asarray([w[:1].islower() for w in words], dtype=bool),
        upper=np.asarray([w[:1].isupper() for w in words], dtype=bool),
    )
    table._phrase_words = out  # type: ignore[attr-defined]
    return out


def table_phrases(table: TokenTable, sentences: Sequence[int], limit: int = 10) -> tuple[str, ...]:
    """The *limit* best key phrases of the sentences numbered *sentences* in *table* (a sentence listed twice
    counts twice), best first."""
    if limit <= 0:
        return ()
    info = _words(table)
    positions, lengths = table.positions(sentences)
    tokens = table.ids[positions]
    word = info.word_of[tokens]
    n = len(tokens)
    content = word >= 0
    segment_first = np.zeros(n, dtype=bool)
    segment_first[(np.cumsum(lengths) - lengths)[lengths > 0]] = True
    # a run starts at a content word that follows no content word of its sentence, or follows a possessive
    run_start = content.copy()
    run_start[1:] &= ~(content[:-1] & ~info.ends[tokens[:-1]])
    run_start |= content & segment_first
    # the first word (content or stop word, not a break) of each sentence: a run starting there is "initial"
    word_like = np.flatnonzero(~info.is_break[tokens])
    segment = np.cumsum(segment_first) - 1
    first_of = np.ones(len(word_like), dtype=bool)
    first_of[1:] = segment[word_like][1:] != segment[word_like][:-1]
    first_word = np.zeros(n, dtype=bool)
    first_word[word_like[first_of]] = True

    starts = np.flatnonzero(run_start)
    run = np.cumsum(run_start) - 1
    at = np.flatnonzero(content)
    run_length = np.bincount(run[at], minlength=len(starts))
    offset = at - starts[run[at]]
    initial = first_word[starts]
    words = word[at]
    stems = info.stem_of[words]
    lower = info.lower[words]

    evidence = Evidence()
    stem_names = info.stems
    evidence.lower_case.update(stem_names[s] for s in np.unique(stems[lower]).tolist())
    named = ~lower & ((offset > 0) | ~initial[run[at]])
    evidence.named.update(stem_names[s] for s in np.unique(stems[named]).tolist())
    # capitalised word followed by a capitalised word of the same run
    paired = ~lower[:-1] & (run[at][1:] == run[at][:-1]) & info.upper[words[1:]]
    if paired.any():
        codes = stems[:-1][paired] * len(stem_names) + stems[1:][paired]
        unique_codes, pair_counts = np.unique(codes, return_counts=True)
        for code, count in zip(unique_codes.tolist(), pair_counts.tolist(), strict=True):
            first, second = divmod(code, len(stem_names))
            evidence.name_starts[(stem_names[first], stem_names[second])] = count
    _count_short_runs(evidence, info, word, starts, run_length)
    return evidence.best(limit)


def _count_short_runs(evidence: Evidence, info: _Words, word: IntArray, starts: IntArray, lengths: IntArray) -> None:
    """Occurrences and spellings of the runs of at most :data:`MAX_PHRASE_WORDS` words (the candidates)."""
    short = lengths <= MAX_PHRASE_WORDS
    run_starts, run_lengths = starts[short], lengths[short]
    columns = []
    for k in range(MAX_PHRASE_WORDS):
        present = run_lengths > k
        column = np.full(len(run_starts), -1, dtype=np.int64)
        column[present] = word[run_starts[present] + k]
        columns.append(column + 1)
    if len(info.words) + 1 < 1 << _BITS:
        packed = (columns[0] << (2 * _BITS)) | (columns[1] << _BITS) | columns[2]
        unique, counts = np.unique(packed, return_counts=True)
        mask = (1 << _BITS) - 1
        rows = np.stack(((unique >> (2 * _BITS)) & mask, (unique >> _BITS) & mask, unique & mask), axis=1) - 1
    else:  # too many distinct words to pack: compare the rows themselves
        rows, counts = np.unique(np.stack(columns, axis=1) - 1, axis=0, return_counts=True)
    names = info.words
    stem_names = info.stems
    stem_name = [stem_names[s] for s in info.stem_of.tolist()]
    counted: dict[tuple[str, ...], int] = {}
    spellings = evidence.spellings
    key: tuple[str, ...]
    for a, b, c, n in zip(*(rows.T.tolist()), counts.tolist(), strict=True):
        if c >= 0:
            key, spelling = (stem_name[a], stem_name[b], stem_name[c]), f"{names[a]} {names[b]} {names[c]}"
        elif b >= 0:
            key, spelling = (stem_name[a], stem_name[b]), f"{names[a]} {names[b]}"
        else:
            key, spelling = (stem_name[a],), names[a]
        counted[key] = counted.get(key, 0) + n
        forms = spellings.get(key)
        if forms is None:
            spellings[key] = {spelling: n}
        else:
            forms[spelling] = forms.get(spelling, 0) + n
    evidence.counts.update(counted)
