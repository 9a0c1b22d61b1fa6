"""The word tokens of the selected sentences, found once and kept as integer ids.

Content terms (:func:`briefgen.nlp.content_terms`) and key-phrase runs (:mod:`briefgen.summarize.keyphrases`)
both start from the word tokens of each sentence. A :class:`TokenTable` runs one regular expression over each
distinct sentence text, numbers the distinct tokens, and keeps the tokens of every text as one array of ids:
what depends on a token alone (its stem, whether it is a stop word) is then worked out once per distinct token,
and the rest is done with numpy over all tokens at once instead of word by word in Python.

The pattern is the key-phrase one: word tokens exactly as :func:`briefgen.nlp.tokenize_words` finds them, with
punctuation and dashes between them kept as breaks (the empty token), so the word tokens of a text are its
non-empty tokens here.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from briefgen.forking import ForkedCall
from briefgen.nlp.words import content_term
from briefgen.summarize.vectors import IntArray

_EMPTY = np.zeros(0, dtype=np.int64)
_CHUNK = 4096
"""Texts tokenised at a time."""
TABLE_FROM = 1000
SPLIT_FROM = 50_000
"""Distinct texts from which the second half is tokenised in a forked process (when forking is allowed:
:func:`briefgen.forking.may_fork`), as on a very large input nothing else uses the second core meanwhile (below
the summariser's window, :data:`briefgen.summarize.engine.WINDOW_FROM`, it groups near-duplicates)."""
"""Sentences from which a table pays: below that, its fixed costs (a few dozen numpy calls) outweigh the savings
and the summariser works sentence by sentence (the same results)."""


def segment_gather(starts: IntArray, lengths: IntArray) -> IntArray:
    """Positions ``starts[k] .. starts[k] + lengths[k] - 1`` for every *k*, concatenated in order."""
    total = int(lengths.sum())
    if total == 0:
        return _EMPTY
    ends = np.cumsum(lengths)
    shift = np.repeat(starts - (ends - lengths), lengths)
    out: IntArray = np.arange(total, dtype=np.int64) + shift
    return out


def _tokenise(texts: Sequence[str]) -> tuple[list[str], IntArray, IntArray]:
    """The tokens of *texts*: (distinct tokens in the order they first occur, every text's token ids one text
    after the other, the number of tokens of each text)."""
    from briefgen.summarize.keyphrases import tokens_and_breaks

    token_id: dict[str, int] = {}
    ids: list[IntArray] = []
    lengths: list[IntArray] = []
    for begin in range(0, len(texts), _CHUNK):  # a chunk at a time: the token strings are not all kept
        # a comprehension, not map(): map over a C function is one C call that holds the GIL for the whole chunk
        tokens = [tokens_and_breaks(text) for text in texts[begin : begin + _CHUNK]]
        flat = list(itertools.chain.from_iterable(tokens))
        for token in dict.fromkeys(flat):
            if token not in token_id:
                token_id[token] = len(token_id)
        ids.append(np.fromiter(map(token_id.__getitem__, flat), dtype=np.int64, count=len(flat)))
        lengths.append(np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens)))
    return (
        list(token_id),
        np.concatenate(ids) if ids else _EMPTY,
        np.concatenate(lengths) if lengths else _EMPTY,
    )


class TokenTable:
    """The tokens of some sentence texts (repeated texts are tokenised once)."""

    def __init__(self, texts: Sequence[str]) -> None:
        distinct = list(dict.fromkeys(texts))
        number = {text: n for n, text in enumerate(distinct)}
        self.rows: IntArray = np.fromiter(map(number.__getitem__, texts), dtype=np.int64, count=len(texts))
        """For each sentence, its distinct text's number."""
        half = len(distinct) // 2
        aside = ForkedCall.start(lambda: _tokenise(distinct[half:])) if len(distinct) >= SPLIT_FROM else None
        if aside is None:
            vocabulary, ids, lengths = _tokenise(distinct)
        else:  # the second half on a second core, its token ids then renumbered as one pass would number them
            vocabulary, first_ids, first_lengths = _tokenise(distinct[:half])
            more, second_ids, second_lengths = aside.result()
            token_id = {token: n for n, token in enumerate(vocabulary)}
            renumber = np.fromiter(
                (token_id.setdefault(token, len(token_id)) for token in more), dtype=np.int64, count=len(more)
            )
            vocabulary = list(token_id)
            ids = np.concatenate([first_ids, renumber[second_ids]])
            lengths = np.concatenate([first_lengths, second_lengths])
        self.lengths: IntArray = lengths
        """Tokens (breaks included) of each distinct text."""
        self.starts: IntArray = np.cumsum(self.lengths) - self.lengths
        self.vocabulary: list[str] = vocabulary
        """Distinct tokens; "" is a break."""
        self.ids: IntArray = ids
        """Token ids of every distinct text, one text after the other."""

    def positions(self, sentences: Sequence[int] | IntArray) -> tuple[IntArray, IntArray]:
        """(positions in :attr:`ids` of the tokens of *sentences*, in order; the number of tokens of each)."""
        rows = self.rows[np.asarray(sentences, dtype=np.int64)]
        lengths = self.lengths[rows]
        return segment_gather(self.starts[rows], lengths), lengths

    def content_terms(self) -> TermIds:
        """Every sentence's content terms, as :func:`briefgen.nlp.content_terms` gives them."""
        names: dict[str, int] = {}
        term_of = np.fromiter(
            (-1 if (term := content_term(token) if token else None) is None else names.setdefault(term, len(names))
             for token in self.vocabulary),
            dtype=np.int64,
            count=len(self.vocabulary),
        )  # fmt: skip
        terms = term_of[self.ids]
        kept = terms >= 0
        running = np.concatenate(([0], np.cumsum(kept, dtype=np.int64)))
        per_text = running[self.starts + self.lengths] - running[self.starts]
        text_terms = terms[kept]
        text_starts = np.cumsum(per_text) - per_text
        lengths = per_text[self.rows]
        flat = text_terms[segment_gather(text_starts[self.rows], lengths)]
        return TermIds(flat, lengths, list(names))


class TermIds:
    """Terms of some sentences as ids: *flat* holds the term ids of every sentence in order, *lengths* how many
    each has, ``names[id]`` is the term."""

    def __init__(self, flat: IntArray, lengths: IntArray, names: list[str]) -> None:
        self.flat = flat
        self.lengths = lengths
        self.names = names
        self.starts: IntArray = np.cumsum(lengths) - lengths

    def __len__(self) -> int:
        return len(self.lengths)

    def subset(self, indices: Sequence[int]) -> TermIds:
        index = np.asarray(indices, dtype=np.int64)
        lengths = self.lengths[index]
        return TermIds(self.flat[segment_gather(self.starts[index], lengths)], lengths, self.names)

    def as_strings(self) -> tuple[tuple[str, ...], ...]:
        names = self.names
        words = [names[t] for t in self.flat.tolist()]
        bounds = np.cumsum(self.lengths).tolist()
        out: list[tuple[str, ...]] = []
        begin = 0
        for end in bounds:
            out.append(tuple(words[begin:end]))
            begin = end
        return tuple(out)

    def first_seen(self) -> tuple[IntArray, dict[str, int]]:
        """*flat* renumbered in the order terms first occur, and that numbering (what ``TfIdf`` builds from
        terms given as strings)."""
        if len(self.flat) == 0:
            return self.flat, {}
        unique, first = np.unique(self.flat, return_index=True)
        order = unique[np.argsort(first, kind="stable")]
        renumber = np.zeros(int(unique[-1]) + 1, dtype=np.int64)
        renumber[order] = np.arange(len(order), dtype=np.int64)
        names = self.names
        return renumber[self.flat], {names[t]: n for n, t in enumerate(order.tolist())}
