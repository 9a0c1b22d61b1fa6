"""The commissioned seed files: two copies of one BBC story with small edits ("Mr Trump" / "Trump")."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from briefgen.ingest import load_sources
from briefgen.summarize import Budget, SummaryRequest, summarize
from briefgen.summarize.duplicates import are_near_duplicates
from briefgen.summarize.registry import algorithm_names

pytestmark = pytest.mark.seeds


@pytest.mark.parametrize("algorithm", algorithm_names())
def test_the_shared_story_is_cited_to_both_files(seeds_dir: Path, algorithm: str) -> None:
    paths = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    corpus = load_sources(paths).corpus
    assert len(corpus.sources) == 2
    summary = summarize(corpus, SummaryRequest(budget=Budget(sentences=8), algorithm=algorithm))
    assert len(summary.sentences) == 8
    both = [s for s in summary.sentences if {c.source for c in s.citations} == {src.id for src in corpus.sources}]
    assert both, "no summary sentence cites both seed files"
    for s in summary.sentences:
        assert corpus.section(s.section).text[s.citations[0].start : s.citations[0].end] == s.text
    for a, b in itertools.combinations([s.text for s in summary.sentences], 2):
        assert not are_near_duplicates(a, b)


def test_the_mr_trump_edit_is_one_sentence_with_two_citations(seeds_dir: Path) -> None:
    corpus = load_sources(sorted(str(p) for p in seeds_dir.glob("*.txt"))).corpus
    summary = summarize(corpus, SummaryRequest(budget=Budget(ratio=1.0)))
    tillerson = [s for s in summary.sentences if s.text.startswith("Secretary of State Rex Tillerson")]
    assert len(tillerson) == 1
    assert len({c.source for c in tillerson[0].citations}) == 2
    texts = {corpus.sentence(c.sentence).sentence.text for c in tillerson[0].citations}
    assert len(texts) == 2  # "Mr Trump ... Mr Kim" in one file, "Trump ... Kim" in the other
    assert any("Mr Trump" in t for t in texts) and any("Mr Trump" not in t for t in texts)
