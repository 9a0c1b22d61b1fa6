"""A sentence that leans on the one before it is chosen only after that one, never alone."""

from __future__ import annotations

from briefgen.corpus import Corpus
from briefgen.ingest import source_from_text
from briefgen.summarize.api import Budget, SummaryRequest
from briefgen.summarize.engine import summarize

TEXT = """# Harbour barrier

The council approved a tidal barrier across the harbour mouth on Tuesday night after a long debate.
That decision ends six years of argument about the harbour, the barrier, the council and the town's flood defences.
Fishermen on the quay said they had waited a long time for the barrier and the council's decision.

## Costs

However, the barrier, the council and the harbour will cost the town more than any scheme before it.
"""


def sentence_texts(budget: Budget, **kwargs: object) -> list[str]:
    corpus = Corpus([source_from_text(TEXT, "a.md", "markdown")])
    request = SummaryRequest(budget=budget, **{"context_rule": True, **kwargs})  # type: ignore[arg-type]
    summary = summarize(corpus, request)
    return [s.text for s in summary.sentences]


def test_a_follower_comes_only_with_the_sentence_it_leans_on() -> None:
    for n in range(1, 5):
        texts = sentence_texts(Budget(sentences=n))
        for i, text in enumerate(texts):
            if text.startswith("That decision"):
                assert i > 0 and texts[i - 1].startswith("The council approved"), texts


def test_a_follower_whose_sentence_opens_its_section_is_never_chosen() -> None:
    texts = sentence_texts(Budget(sentences=10))
    assert not any(t.startswith("However") for t in texts)


def test_the_first_sentence_opens_the_door_for_its_follower() -> None:
    corpus = Corpus([source_from_text(TEXT, "a.md", "markdown")])
    first = next(r.sentence.id for r in corpus.sentence_refs() if r.sentence.text.startswith("The council"))
    request = SummaryRequest(budget=Budget(sentences=2), pins=frozenset({first}), context_rule=True)
    summary = summarize(corpus, request)
    assert [s.text[:12] for s in summary.sentences] == ["The council ", "That decisio"]


def test_without_the_context_rule_a_follower_may_stand_alone() -> None:
    texts = sentence_texts(Budget(sentences=10), context_rule=False)
    assert any(t.startswith("However") for t in texts), "selection on content alone, as benchmarked"
