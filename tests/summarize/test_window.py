"""Very large inputs are summarised from a window of their most relevant sentences (thresholds made small here)."""

from __future__ import annotations

import random

import pytest

from briefgen.corpus import Corpus
from briefgen.summarize import Budget, SummaryRequest, engine, summarize
from briefgen.summarize.duplicates import duplicate_groups, windowed_groups
from tests.summarize.conftest import make_corpus

TOPICS = ["bus fares", "night services", "cycle lanes", "the rail link", "school meals", "park repairs"]
VERBS = ["approved", "delayed", "criticised", "funded", "reviewed", "extended"]


def _paragraph(rng: random.Random, n: int) -> str:
    out = []
    for k in range(n):
        topic, verb = rng.choice(TOPICS), rng.choice(VERBS)
        out.append(f"The council {verb} {topic} for district {rng.randint(1, 40)} after meeting number {k}.")
    return " ".join(out)


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> Corpus:
    monkeypatch.setattr(engine, "WINDOW_FROM", 150)
    monkeypatch.setattr(engine, "WINDOW", 40)
    rng = random.Random(7)
    story = "The mayor said the transport budget of $12m would cut congestion in the city centre by a fifth."
    sections = [(None, f"{_paragraph(rng, 12)}\n\n{story}") for _ in range(20)]
    return make_corpus(("big.txt", sections), ("other.txt", [(None, story + " " + _paragraph(rng, 5))]))


def test_a_large_input_is_summarised_from_its_window(large: Corpus) -> None:
    refs = list(large.sentence_refs())
    assert len(refs) >= engine.WINDOW_FROM
    summary = summarize(large, SummaryRequest(budget=Budget(sentences=4), context_rule=True))
    assert len(summary.sentences) == 4
    relevance = {s.id: s.score for s in summary.sentences}
    assert all(score > 0 for score in relevance.values())
    # the story repeated in 21 sections is one group: quoted once, cited to every copy's article
    story = [s for s in summary.sentences if s.text.startswith("The mayor said")]
    assert len(story) == 1
    assert len({c.article for c in story[0].citations}) == 2
    assert summary.keyphrases  # key phrases still come from every sentence


def test_a_pinned_sentence_outside_the_window_is_still_in(large: Corpus) -> None:
    refs = list(large.sentence_refs())
    pinned = refs[-1].sentence.id
    summary = summarize(large, SummaryRequest(budget=Budget(sentences=3), pins=frozenset({pinned})))
    assert pinned in [s.id for s in summary.sentences]
    assert len(summary.sentences) == 3


def test_windowed_groups_merge_the_same_text_everywhere_and_near_duplicates_in_the_window() -> None:
    texts = [
        "Trump has offered talks with the North on Monday.",
        "Something else entirely happened on Tuesday morning.",
        "Mr Trump has offered talks with the North on Monday.",
        "Something else entirely happened on Tuesday morning. ",
        "Mr Trump has offered talks with the North on Monday.",
    ]
    assert duplicate_groups(texts) == [0, 1, 0, 1, 0]
    assert windowed_groups(texts, [0, 2]) == [0, 1, 0, 1, 0]
    assert windowed_groups(texts, [1]) == [0, 1, 2, 1, 2]  # near-duplicates outside the window stay apart
