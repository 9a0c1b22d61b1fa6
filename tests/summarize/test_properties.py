"""Properties over random corpora: budgets, pins, excludes, duplicates and citations hold for every algorithm."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.corpus import Corpus
from briefgen.summarize import Budget, SummaryRequest, summarize
from briefgen.summarize.duplicates import are_near_duplicates
from briefgen.summarize.registry import algorithm_names
from tests.summarize.conftest import make_corpus

WORDS = ["council", "budget", "buses", "fares", "city", "rail", "minister", "plan"]
WORDS += ["rise", "storm", "power", "trains", "vote", "tax", "school"]
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=2, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
SECTION = st.lists(SENTENCE, min_size=1, max_size=6).map(" ".join)
SOURCE = st.lists(SECTION, min_size=1, max_size=3)


@st.composite
def cases(draw: st.DrawFn) -> tuple[Corpus, SummaryRequest]:
    sources = draw(st.lists(SOURCE, min_size=1, max_size=3))
    # a copied sentence makes cross-source duplicates likely
    if len(sources) > 1 and draw(st.booleans()):
        sources[1] = [*sources[1], sources[0][0]]
    corpus = make_corpus(*[(f"s{i}.txt", secs) for i, secs in enumerate(sources)])
    ids = [r.sentence.id for r in corpus.sentence_refs()]
    pins = draw(st.sets(st.sampled_from(ids), max_size=2))
    excludes = draw(st.sets(st.sampled_from(ids), max_size=3)) - pins
    budget = draw(
        st.one_of(
            st.integers(1, 8).map(lambda n: Budget(sentences=n)),
            st.integers(1, 120).map(lambda n: Budget(words=n)),
            st.floats(0.05, 1.0).map(lambda r: Budget(ratio=r)),
        )
    )
    algorithm = draw(st.sampled_from(algorithm_names()))
    return corpus, SummaryRequest(
        budget=budget, algorithm=algorithm, pins=frozenset(pins), excludes=frozenset(excludes)
    )


@settings(max_examples=150, deadline=None)
@given(cases())
def test_summary_invariants(case: tuple[Corpus, SummaryRequest]) -> None:
    corpus, request = case
    summary = summarize(corpus, request)
    ids = [s.id for s in summary.sentences]
    assert request.pins <= set(ids)
    assert not request.excludes & set(ids)
    assert len(ids) == len(set(ids))
    free_words = sum(len(s.text.split()) for s in summary.sentences if not s.pinned)
    pinned_words = sum(len(s.text.split()) for s in summary.sentences if s.pinned)
    if request.budget.words is not None:
        assert free_words == 0 or free_words + pinned_words <= request.budget.words
    if request.budget.sentences is not None:
        assert len(ids) <= max(request.budget.sentences, len(request.pins))
    for s in summary.sentences:
        own = s.citations[0]
        assert corpus.section(own.section).text[own.start : own.end] == s.text
        assert len({c.article for c in s.citations}) == len(s.citations)
    unpinned = [s.text for s in summary.sentences if not s.pinned]
    for a, b in itertools.combinations(unpinned, 2):
        assert not are_near_duplicates(a, b)
    positions = [corpus.sentence(i).position for i in ids]
    assert positions == sorted(positions)  # nothing selected: reading order
    assert summarize(corpus, request) == summary
