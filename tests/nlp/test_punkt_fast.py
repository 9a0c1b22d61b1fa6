"""Punkt with plain patterns (briefgen.nlp.punkt_fast) gives exactly the spans of NLTK's own tokenizer."""

from __future__ import annotations

import random
import re

import pytest
from nltk.tokenize.punkt import PunktLanguageVars, PunktSentenceTokenizer, PunktToken

import briefgen.nlp  # noqa: F401  (imports Punkt first, as the application does)
from briefgen.nlp.punkt_fast import FastPunktTokenizer, PlainPatternLanguageVars, PlainPatternToken, plain_pattern
from briefgen.nlp.punkt_params import load_punkt_parameters
from briefgen.nlp.sentences import SentenceSplitter


class _StockVars(PunktLanguageVars):  # type: ignore[misc]
    sent_end_chars = (".", "?", "!", "…")


class _FastVars(PlainPatternLanguageVars):
    sent_end_chars = (".", "?", "!", "…")


def _stock() -> PunktSentenceTokenizer:
    return PunktSentenceTokenizer(load_punkt_parameters(), lang_vars=_StockVars())


def _fast() -> FastPunktTokenizer:
    return FastPunktTokenizer(load_punkt_parameters(), _FastVars())


TRICKY = [
    "Mr. Smith went to Washington. He stayed a week.",
    "Very bad acting!!! I promise. (Sent1.) Sent2. “Quoted.” Next one?",
    "The U.S. economy grew 3.5% in Q1... Analysts said so. J.F. Kennedy spoke at 5 p.m. on Jan. 3.",
    "Profits rose to $1.13bn (£600m). Sales fell -2.5%. Shares were up 1,234.5 points -- a record.",
    "Line one ends here.\nLine two starts here. And goes on.\n\nA new paragraph. Done",
    "Cafe\u0301 owners met. Re\u0301sume\u0301s were read. x\u00b2. y\u00b3 went up. Nothing else.",
    "Он сказал. Она ушла. Ελλάδα είναι. Τέλος. مرحبا. نهاية.",
    "Wait… what? Yes… no! «Bonjour.» ‘Single.’ “Double.” It ended.",
    "e.g. this, i.e. that. etc. and so on. No. 5 was there. Vol. 2 is out.",
    "...leading dots. Trailing dots... ; Semi; colon: A. B. C. D. E. F.",
    "",
    "   ",
    "a.b.c.d. e.f. g. H. i.",
]


POOL = (
    "the a said Mr. Mrs. Dr. U.S. U.K. Inc. Corp. St. vs. etc. e.g. 3.5 1,000 -2 5% J. K. Smith Jones",
    "end. end! end? end... end… “Quote.” ‘It.’ (Aside.) [Note.] -- — , ; : ' \" x² café naïve Ñandú 東京。",
    "Москва. Αθήνα. 12:30 a.m. p.m. No. Vol. Jan. Feb. ! ? . ... Cafe\u0301. re\u0301sume\u0301",
)
"""Words and marks the random texts are made of."""


def _spans_equal(text: str) -> None:
    assert list(_fast().span_tokenize(text)) == list(_stock().span_tokenize(text)), text


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_split_as_nltk_splits_them(text: str) -> None:
    _spans_equal(text)


def test_random_texts_split_as_nltk_splits_them() -> None:
    pool = " ".join(POOL).split()
    rng = random.Random(17)
    stock, fast = _stock(), _fast()
    for _ in range(300):
        words = [rng.choice(pool) for _ in range(rng.randint(1, 60))]
        seps = [rng.choice([" ", " ", " ", "  ", "\n", "\n\n", "\t"]) for _ in words]
        text = "".join(w + s for w, s in zip(words, seps, strict=True))
        assert list(fast.span_tokenize(text)) == list(stock.span_tokenize(text)), text


def test_tokens_have_the_same_properties() -> None:
    for tok in ["Mr.", "3.5", "-1,000.", "...", "J.", "Smith", "x²", "café.", "'", "--", "U.S."]:
        ours, theirs = PlainPatternToken(tok, linestart=True), PunktToken(tok, linestart=True)
        for name in ["type", "period_final", "linestart", "parastart", "sentbreak", "abbr", "ellipsis"]:
            assert getattr(ours, name) == getattr(theirs, name), (tok, name)
        for name in ["is_ellipsis", "is_initial", "is_alpha", "is_non_punct", "is_number"]:
            assert bool(getattr(ours, name)) == bool(getattr(theirs, name)), (tok, name)
    with pytest.raises(AttributeError):
        PlainPatternToken("x", colour="red")


def test_the_installed_nltk_gets_plain_patterns() -> None:
    """The speed-up is in effect: no pattern the splitter calls is a time-limited wrapper (a later NLTK that
    changed its wrapper would fail here, while the tokenizer stays correct through the fallback)."""
    vars_ = SentenceSplitter()._punkt._lang_vars
    patterns = [
        vars_.period_context_re(),
        vars_._word_tokenizer_re(),
        vars_.re_boundary_realignment,
        PlainPatternToken._RE_NUMERIC,
        PlainPatternToken._RE_ELLIPSIS,
        PlainPatternToken._RE_INITIAL,
        PlainPatternToken._RE_ALPHA,
    ]
    assert all(type(p).__name__ != "TimedPattern" and callable(p.finditer) for p in patterns)


def test_anything_but_a_wrapper_is_used_as_it_is() -> None:
    compiled = re.compile(r"\w+")
    assert plain_pattern(compiled) is compiled
    assert plain_pattern(None) is None
