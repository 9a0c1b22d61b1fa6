"""Words, stop words and stems for the summariser (Snowball English stemmer; bundled stop-word list).

Stems come from PyStemmer, the Snowball project's own C implementation, in its 2.x series: the same English
algorithm as NLTK's ``SnowballStemmer("english")`` (identical stems on every word of the BBC evaluation set but one
hyphenated token) at about a tenth of the cost, without importing NLTK. Snowball 3 changed the English rules
("international" -> "internat"), which would change which sentences are chosen.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer  # type: ignore[import-not-found]  # PyStemmer

from briefgen.resources import read_resource_text

STOPWORDS_FILE = ("nlp", "stopwords_en.txt")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)


def tokenize_words(text: str) -> list[str]:
    """Word tokens of *text* (letters and digits; inner hyphens and apostrophes kept)."""
    return _WORD.findall(text)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    words = set()
    for line in read_resource_text(*STOPWORDS_FILE).splitlines():
        line = line.strip().lower()
        if line and not line.startswith("#"):
            words.add(line)
    return frozenset(words)


_STEMMER = Stemmer.Stemmer("english", 0)  # no cache of its own: stem() caches


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of a lower-cased word (cached: news text repeats its words a lot)."""
    return str(_STEMMER.stemWord(word))


def content_terms(text: str) -> list[str]:
    """Stemmed, lower-cased content words of *text*: stop words, numbers-only and 1-letter tokens dropped."""
    return [term for term in map(content_term, _WORD.findall(text)) if term is not None]


@lru_cache(maxsize=200_000)
def content_term(tok: str) -> str | None:
    """The stemmed term of one token, or None when it is not a content word (cached: tokens repeat a lot)."""
    low = tok.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    elif low.endswith("n't"):
        low = low[:-3]
    if len(low) < 2 or low in stop_words() or low.isdigit():
        return None
    return stem(low)
