"""Language processing with NLTK, offline: bundled Punkt parameters, stop words, stemming.

Nothing here downloads anything; the data lives in ``resources/nlp/``.
"""

from briefgen.nlp.sentences import SentenceSplitter, default_splitter, split_sentences
from briefgen.nlp.words import content_terms, stem, stop_words, tokenize_words

__all__ = [
    "SentenceSplitter",
    "content_terms",
    "default_splitter",
    "split_sentences",
    "stem",
    "stop_words",
    "tokenize_words",
]
