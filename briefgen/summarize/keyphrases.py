"""Key phrases, RAKE-style (Rose et al. 2010): runs of content words between stop words and punctuation.

Each candidate phrase (one to :data:`MAX_PHRASE_WORDS` words) scores the sum of its words' degree / frequency —
words that keep company in longer phrases score higher — times how often the phrase occurs. Inflected forms are
merged through their stems ("sanction"/"sanctions"), and each phrase is shown in its most frequent spelling. A
phrase whose words are all part of a better one already chosen is left out ("Korea" after "North Korea").
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from briefgen.nlp import stem, stop_words, tokenize_words

MAX_PHRASE_WORDS = 3
_PUNCTUATION = re.compile(r"[^\w\s'’\-]+|\s[-–—]+\s|--")
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir"})
"""Titles break phrases: "Mr Kim" is about Kim."""


def candidate_phrases(text: str) -> Iterator[tuple[str, ...]]:
    """Runs of content words (surface forms) in *text*; a possessive ends its run ("Kim's missile tests")."""
    stops = stop_words()
    for chunk in _PUNCTUATION.split(text):
        run: list[str] = []
        for token in [*tokenize_words(chunk), ""]:
            low = token.lower().replace("’", "'")
            possessive = low.endswith("'s")
            if possessive:
                low, token = low[:-2], token[:-2]
            content = len(low) >= 2 and low not in stops and low not in _TITLES and not any(c.isdigit() for c in low)
            if content:
                run.append(token)
            if not content or possessive:
                if 0 < len(run) <= MAX_PHRASE_WORDS:
                    yield tuple(run)
                run = []


def _key(phrase: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(stem(word.lower().replace("’", "'")) for word in phrase)


def keyphrases(texts: Iterable[str], limit: int = 10) -> tuple[str, ...]:
    """The *limit* best key phrases of *texts*, best first."""
    if limit <= 0:
        return ()
    counts: Counter[tuple[str, ...]] = Counter()
    spellings: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for text in texts:
        for phrase in candidate_phrases(text):
            key = _key(phrase)
            counts[key] += 1
            spellings[key][" ".join(phrase)] += 1
    frequency: Counter[str] = Counter()
    degree: Counter[str] = Counter()
    for key, n in counts.items():
        for word in key:
            frequency[word] += n
            degree[word] += n * len(key)
    multi_word_repeats = any(n > 1 for n in counts.values())

    def score(key: tuple[str, ...]) -> float:
        base = sum(degree[w] / frequency[w] for w in key)
        return base * math.log1p(counts[key])

    ranked = sorted(counts, key=lambda k: (-score(k), k))
    chosen: list[tuple[str, ...]] = []
    for key in ranked:
        if multi_word_repeats and counts[key] < 2:
            continue
        words = set(key)
        if any(words <= set(other) for other in chosen):
            continue
        chosen.append(key)
        if len(chosen) == limit:
            break
    return tuple(_spelling(spellings[key]) for key in chosen)


def _spelling(forms: Counter[str]) -> str:
    """The most frequent spelling; between equals, the one with fewer capitals (sentence-initial capitals)."""
    return min(forms, key=lambda s: (-forms[s], sum(c.isupper() for c in s), s))
