"""Key phrases, RAKE-style (Rose et al. 2010): runs of content words between stop words and punctuation.

Candidates are runs of one to :data:`MAX_PHRASE_WORDS` content words; a single word counts only when it is a name
(capitalised in most of its occurrences: "Pyongyang", "UN"), since lone common words ("use", "year") say little.
A phrase scores how often it occurs times the square root of its length, so "nuclear weapons" mentioned five
times beats "Swiss Army Knife" mentioned twice. Inflected forms are merged through their stems
("sanction"/"sanctions"), each phrase is shown in its most frequent spelling, and a phrase whose words are all
part of a better one already chosen is left out ("Korea" after "North Korea").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from briefgen.nlp import stem, stop_words

MAX_PHRASE_WORDS = 3
_TOKENS_AND_BREAKS = re.compile(r"([^\W_]+(?:['’\-][^\W_]+)*)|[^\w\s'’\-]+|\s[-–—]+\s|--")
"""Word tokens as :func:`briefgen.nlp.tokenize_words` finds them; punctuation and dashes match as "" (breaks)."""
_DIGIT = re.compile(r"\d")
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir"})
"""Titles break phrases: "Mr Kim" is about Kim."""


@lru_cache(maxsize=100_000)
def _classify(token: str) -> tuple[str | None, bool]:
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
    run: list[str] = []
    for token in _TOKENS_AND_BREAKS.findall(text):
        word, ends = _classify(token) if token else (None, False)
        if word is not None:
            run.append(word)
        if word is None or ends:
            if 0 < len(run) <= MAX_PHRASE_WORDS:
                yield tuple(run)
            run = []
    if 0 < len(run) <= MAX_PHRASE_WORDS:
        yield tuple(run)


@lru_cache(maxsize=100_000)
def _key(phrase: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(stem(word.lower().replace("’", "'")) for word in phrase)


Phrase = tuple[tuple[str, ...], str]
"""(stems, spelling) of one occurrence of a candidate phrase."""


def sentence_phrases(text: str) -> tuple[Phrase, ...]:
    """The candidate phrases of one sentence, ready for :func:`top_phrases`."""
    return tuple((_key(phrase), " ".join(phrase)) for phrase in candidate_phrases(text))


def keyphrases(texts: Iterable[str], limit: int = 10) -> tuple[str, ...]:
    """The *limit* best key phrases of *texts*, best first."""
    return top_phrases((sentence_phrases(t) for t in texts), limit)


def top_phrases(sentences: Iterable[Sequence[Phrase]], limit: int = 10) -> tuple[str, ...]:
    """The *limit* best key phrases among the candidate phrases of some sentences, best first."""
    if limit <= 0:
        return ()
    occurrences: Counter[Phrase] = Counter()
    for phrases in sentences:
        occurrences.update(phrases)
    counts: Counter[tuple[str, ...]] = Counter()
    spellings: dict[tuple[str, ...], dict[str, int]] = {}
    for (key, spelling), n in occurrences.items():
        counts[key] += n
        spellings.setdefault(key, {})[spelling] = n

    def eligible(key: tuple[str, ...]) -> bool:
        if len(key) > 1:
            return True
        forms = spellings[key]
        capitalised = sum(n for form, n in forms.items() if form[:1].isupper())
        return capitalised * 2 > counts[key]

    repeated = any(n > 1 for key, n in counts.items() if eligible(key))
    ranked = sorted(
        (key for key in counts if eligible(key) and (counts[key] > 1 or not repeated)),
        key=lambda k: (-counts[k] * math.sqrt(len(k)), k),
    )
    chosen: list[tuple[str, ...]] = []
    for key in ranked:
        words = set(key)
        if any(words <= set(other) for other in chosen):
            continue
        chosen.append(key)
        if len(chosen) == limit:
            break
    return tuple(_spelling(spellings[key]) for key in chosen)


def _spelling(forms: dict[str, int]) -> str:
    """The most frequent spelling; between equals, the one with fewer capitals (sentence-initial capitals)."""
    return min(forms, key=lambda s: (-forms[s], sum(c.isupper() for c in s), s))
