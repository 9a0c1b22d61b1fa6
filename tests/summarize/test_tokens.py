"""The token table gives what the word-by-word functions give: content terms, TF-IDF rows and key phrases."""

from __future__ import annotations

import itertools
import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.nlp import content_terms
from briefgen.summarize.keyphrases import sentence_phrases, top_phrases
from briefgen.summarize.phrase_table import table_phrases
from briefgen.summarize.tokens import TokenTable
from briefgen.summarize.vectors import TfIdf

PIECES = [
    "Kim", "Jong-un", "Kim’s", "Kim's", "missile", "missiles", "tests", "North", "Korea", "North Korea's",
    "the", "The", "of", "and", "Mr", "Dr", "UN", "sanctions", "Sanctions", "2017", "5%", "£3bn", "x²",
    "rock'n'roll", "track-two", "—", " - ", "--", ",", ".", "?", "(", ")", "“", "”", "don’t", "İstanbul",
    "ΟΔΟΣ", "東京", "café", "Café", "e\u0301tude", "New", "York", "new", "york", "President", "Biden", "prime",
    "minister", "Prime", "Minister", "a", "I", "_", "it's", "BBC", "B.B.C.", "U.S.", "'s", "’",
]  # fmt: skip


def _text(rng: random.Random) -> str:
    words = [rng.choice(PIECES) for _ in range(rng.randint(0, 14))]
    return "".join(w + rng.choice(["", " ", " ", " ", "  ", "\n"]) for w in words)


TEXTS = st.lists(st.builds(_text, st.randoms(use_true_random=False)), min_size=0, max_size=25)


@settings(max_examples=150, deadline=None)
@given(TEXTS, st.randoms(use_true_random=False), st.integers(min_value=1, max_value=12))
def test_the_table_agrees_with_the_word_by_word_functions(texts: list[str], rng: random.Random, limit: int) -> None:
    texts = [*texts, rng.choice(texts)] if texts else texts  # a repeated text
    table = TokenTable(texts)
    terms = table.content_terms()
    assert [list(t) for t in terms.as_strings()] == [content_terms(t) for t in texts]
    picked = sorted(rng.choices(range(len(texts)), k=rng.randint(0, 2 * len(texts)))) if texts else []
    expected = top_phrases((sentence_phrases(texts[i]) for i in picked), limit)
    assert table_phrases(table, picked, limit) == expected
    subset = picked[: len(picked) // 2]
    assert [list(t) for t in terms.subset(subset).as_strings()] == [content_terms(texts[i]) for i in subset]


def test_tfidf_from_ids_is_the_same_matrix_as_from_strings() -> None:
    rng = random.Random(3)
    texts = [_text(rng) for _ in range(400)] + ["", "the of and"]
    terms = TokenTable(texts).content_terms()
    by_ids, by_strings = TfIdf.from_ids(terms), TfIdf(terms.as_strings())
    assert by_ids.vocabulary == by_strings.vocabulary
    for name in ("rows", "cols", "data", "row_ptr", "has_terms", "document_frequency"):
        assert np.array_equal(getattr(by_ids, name), getattr(by_strings, name)), name


def test_key_phrases_of_many_sentences_rank_past_the_first_head() -> None:
    # more distinct candidates than the exactly-sorted head, all but one seen once: ties go by key
    names = ["".join(letters) for letters in itertools.product("bcdfg", "aeiou", "klmnp", "aeiou", "rst")]
    texts = [f"{a.title()} {b.title()}." for a, b in itertools.pairwise(names)] + ["Gamma Delta."] * 2
    table = TokenTable(texts)
    everything = list(range(len(texts)))
    best = table_phrases(table, everything, 3)
    assert best == top_phrases(map(sentence_phrases, texts), 3)
    assert best[0] == "Gamma Delta"
    assert len(texts) > 1000  # past the head that is sorted first (64 per phrase asked for)


def test_an_empty_table() -> None:
    table = TokenTable([])
    assert table.content_terms().as_strings() == ()
    assert table_phrases(table, [], 5) == ()
    assert table_phrases(TokenTable(["", "..."]), [0, 1], 5) == ()
