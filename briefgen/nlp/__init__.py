"""Language processing, offline: sentence splitting (NLTK Punkt with bundled parameters), stop words, stemming.

Nothing here downloads anything; the data lives in ``resources/nlp/``. Importing this package imports Punkt
without the rest of NLTK (:mod:`briefgen.nlp.nltk_import`); the names below are loaded from their modules on
first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from briefgen.nlp.nltk_import import import_punkt_alone

import_punkt_alone()  # before briefgen.nlp.sentences and punkt_params import nltk.tokenize.punkt

if TYPE_CHECKING:
    from briefgen.nlp.sentences import SentenceSplitter, default_splitter, split_sentences
    from briefgen.nlp.words import content_terms, stem, stop_words, tokenize_words

_EXPORTS = {
    "SentenceSplitter": "briefgen.nlp.sentences",
    "default_splitter": "briefgen.nlp.sentences",
    "split_sentences": "briefgen.nlp.sentences",
    "content_terms": "briefgen.nlp.words",
    "stem": "briefgen.nlp.words",
    "stop_words": "briefgen.nlp.words",
    "tokenize_words": "briefgen.nlp.words",
}

__all__ = [
    "SentenceSplitter",
    "content_terms",
    "default_splitter",
    "split_sentences",
    "stem",
    "stop_words",
    "tokenize_words",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'briefgen.nlp' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
