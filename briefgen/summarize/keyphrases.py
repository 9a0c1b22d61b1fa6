"""Key phrases, RAKE-style (Rose et al. 2010): runs of content words between stop words and punctuation.

Candidates are runs of one to :data:`MAX_PHRASE_WORDS` content words. A key phrase is a phrase of several words
or a name, never a lone common word: a lone common word ("use", "year", "North") says little. A single word
counts only when it is a name that is not also a common word of the language: it is capitalised somewhere other
than at the start of a sentence ("Flooding closed the road" makes no name of "Flooding"), never written in lower
case in the input (runs too long to be candidates count as evidence), not a stop word nor one of
:data:`_COMMON_NAMES` (months, weekdays, compass points, titles and institutions: "North", "President",
"Council"), and not just the first word of a name at least as frequent as the word alone ("Kim" beside "Kim
Jong-un").
A phrase scores how often it occurs times the square root of its length, so "nuclear weapons" mentioned five
times beats "Swiss Army Knife" mentioned twice. Inflected forms are merged through their stems
("sanction"/"sanctions"), each phrase is shown in its most frequent spelling, and a phrase whose words are all
part of a better one already chosen is left out ("Korea" after "North Korea").
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from briefgen.nlp import stem, stop_words

MAX_PHRASE_WORDS = 3
_TOKENS_AND_BREAKS = re.compile(r"([^\W_]+(?:['’\-][^\W_]+)*)|[^\w\s'’\-]+|\s[-–—]+\s|--")
"""Word tokens as :func:`briefgen.nlp.tokenize_words` finds them; punctuation and dashes match as "" (breaks)."""
tokens_and_breaks = _TOKENS_AND_BREAKS.findall
"""A text's word tokens, with "" for each break (see :mod:`briefgen.summarize.tokens`)."""
_DIGIT = re.compile(r"\d")
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir"})
"""Titles break phrases: "Mr Kim" is about Kim."""
_COMMON_NAMES = frozenset(
    {"january", "february", "march", "april", "june", "july", "august", "september", "october", "november"}
    | {"december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "north", "south"}
    | {"east", "west", "northern", "southern", "eastern", "western", "central", "new", "great", "united"}
    | {"president", "minister", "secretary", "senator", "governor", "chancellor", "mayor", "king", "queen"}
    | {"prince", "general", "government", "council", "parliament", "congress", "senate", "house", "party", "court"}
    | {"police", "army", "state", "states", "city", "county", "republic", "union", "kingdom", "national", "federal"}
    | {"royal"}
)
"""Common words that texts often capitalise as (part of) a name: never key phrases on their own ("May" is
already a stop word)."""


@lru_cache(maxsize=100_000)
def classify(token: str) -> tuple[str | None, bool]:
    """(the token as it joins a phrase, or None if it breaks phrases; whether it ends its phrase)."""
    low = token.lower().replace("’", "'")
    possessive = low.endswith("'s")
    if possessive:
        low, token = low[:-2], token[:-2]
    if len(low) < 2 or low in stop_words() or low in _TITLES or _DIGIT.search(low):
        return None, possessive
    return token, possessive


def candidate_phrases(text: str) -> Iterator[tuple[str, ...]]:
    """Runs of content words (surface forms) in *text*; a possessive ends its run ("Kim's missile tests")."""
    for run, _initial in _runs(text):
        if len(run) <= MAX_PHRASE_WORDS:
            yield run


def _runs(text: str) -> list[tuple[tuple[str, ...], bool]]:
    """All runs of content words of *text*, however long, each with whether it starts the text (so a capital on
    its first word may be only the sentence's)."""
    out: list[tuple[tuple[str, ...], bool]] = []
    run: list[str] = []
    first = True
    initial = False
    classify_ = classify  # a local name: this loop runs once per word of the input
    for token in _TOKENS_AND_BREAKS.findall(text):
        if not token:  # punctuation or a dash: a break that is not a word
            if run:
                out.append((tuple(run), initial))
                run = []
            continue
        word, ends = classify_(token)
        if word is None:
            if run:
                out.append((tuple(run), initial))
                run = []
        else:
            if not run:
                initial = first
            run.append(word)
            if ends:
                out.append((tuple(run), initial))
                run = []
        first = False
    if run:
        out.append((tuple(run), initial))
    return out


@lru_cache(maxsize=200_000)
def word_stem(word: str) -> str:
    return stem(word.lower().replace("’", "'"))


def _key(phrase: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(word_stem, phrase))


class Phrase(NamedTuple):
    """One occurrence of a run of content words in a sentence."""

    stems: tuple[str, ...]
    spelling: str
    initial: bool = False
    """Whether it starts its sentence (so a capital on its first word may be only the sentence's)."""
    candidate: bool = True
    """Short enough to be a key phrase; longer runs are kept only as evidence of how words are written."""


def sentence_phrases(text: str) -> tuple[Phrase, ...]:
    """The runs of one sentence (the candidate phrases and the longer runs), ready for :func:`top_phrases`."""
    return tuple([_phrase(run, initial) for run, initial in _runs(text)])


@lru_cache(maxsize=200_000)
def _phrase(run: tuple[str, ...], initial: bool) -> Phrase:
    """One :class:`Phrase` per distinct run (cached: names and stock phrases recur from sentence to sentence)."""
    return Phrase(_key(run), " ".join(run), initial, len(run) <= MAX_PHRASE_WORDS)


def keyphrases(texts: Iterable[str], limit: int = 10) -> tuple[str, ...]:
    """The *limit* best key phrases of *texts*, best first."""
    return top_phrases((sentence_phrases(t) for t in texts), limit)


def top_phrases(sentences: Iterable[Sequence[Phrase]], limit: int = 10) -> tuple[str, ...]:
    """The *limit* best key phrases among the candidate phrases of some sentences, best first."""
    if limit <= 0:
        return ()
    occurrences: Counter[Phrase] = Counter(itertools.chain.from_iterable(sentences))
    evidence = Evidence()
    for (key, spelling, initial, candidate), n in occurrences.items():
        surface = spelling.split(" ")
        for position, (stem_, word) in enumerate(zip(key, surface, strict=True)):
            if word[:1].islower():
                evidence.lower_case.add(stem_)
                continue
            if position or not initial:
                evidence.named.add(stem_)
            if position + 1 < len(surface) and surface[position + 1][:1].isupper():
                evidence.name_starts[(stem_, key[position + 1])] += n
        if candidate:
            evidence.counts[key] += n
            forms = evidence.spellings.setdefault(key, {})
            forms[spelling] = forms.get(spelling, 0) + n
    return evidence.best(limit)


class Evidence:
    """What the key-phrase choice rests on, gathered from the runs of some sentences."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, ...]] = Counter()
        """Occurrences of each candidate phrase, by stems."""
        self.spellings: dict[tuple[str, ...], dict[str, int]] = {}
        """Each candidate phrase's spellings and how often each occurs."""
        self.lower_case: set[str] = set()
        """Stems written in lower case somewhere: common words, not names."""
        self.named: set[str] = set()
        """Stems capitalised somewhere other than at the start of a sentence."""
        self.name_starts: Counter[tuple[str, str]] = Counter()
        """How often a capitalised word is followed by another, by stems: ("kim", "jong-un")."""

    def best(self, limit: int) -> tuple[str, ...]:
        """The *limit* best key phrases, best first (see the module text)."""
        counts, spellings, named, lower_case = self.counts, self.spellings, self.named, self.lower_case
        commonest_name: dict[str, int] = {}
        """For each stem, how often the most frequent name it starts occurs."""
        for (first, _), n in self.name_starts.items():
            commonest_name[first] = max(commonest_name.get(first, 0), n)

        def eligible(key: tuple[str, ...]) -> bool:
            if len(key) > 1:
                return True
            (word,) = key
            return (
                word in named
                and word not in lower_case
                and not any(form.lower() in _COMMON_NAMES for form in spellings[key])
                and commonest_name.get(word, 0) < counts[key]
            )

        keys = [key for key in counts if eligible(key)]
        repeated = any(counts[key] > 1 for key in keys)
        if repeated:
            keys = [key for key in keys if counts[key] > 1]
        chosen: list[tuple[str, ...]] = []
        for key in _best_first(keys, counts, limit):
            words = set(key)
            if any(words <= set(other) for other in chosen):
                continue
            chosen.append(key)
            if len(chosen) == limit:
                break
        return tuple(_spelling(spellings[key]) for key in chosen)


_HEAD = 64
"""Key phrases ranked exactly per phrase asked for before the whole list is sorted (most inputs need far fewer)."""


def _best_first(keys: list[tuple[str, ...]], counts: Counter[tuple[str, ...]], limit: int) -> Iterator[tuple[str, ...]]:
    """*keys* by score (occurrences times the square root of the length), best first, equal scores by key.

    Only the head of the order is usually needed: the keys scoring at least the ``_HEAD * limit``-th best score
    come first, sorted; the rest are sorted only when they are reached."""

    def order(key: tuple[str, ...]) -> tuple[float, tuple[str, ...]]:
        return (-counts[key] * math.sqrt(len(key)), key)

    head = _HEAD * max(limit, 1)
    if len(keys) <= 2 * head:
        yield from sorted(keys, key=order)
        return
    scores = [counts[key] * math.sqrt(len(key)) for key in keys]
    bar = sorted(scores, reverse=True)[head - 1]
    top = [key for key, score in zip(keys, scores, strict=True) if score >= bar]
    yield from sorted(top, key=order)
    yield from sorted((key for key, score in zip(keys, scores, strict=True) if score < bar), key=order)


def _spelling(forms: dict[str, int]) -> str:
    """The most frequent spelling; between equals, the one with fewer capitals (sentence-initial capitals)."""
    return min(forms, key=lambda s: (-forms[s], sum(c.isupper() for c in s), s))
