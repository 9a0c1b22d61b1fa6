"""Republished copies: a story carried by two sources is found as such, by its text, not by its headings."""

from __future__ import annotations

from briefgen.corpus import Corpus
from briefgen.ingest import source_from_text
from briefgen.summarize.api import Budget, SummaryRequest
from briefgen.summarize.engine import summarize

STORY = """# Harbour town votes for a tidal barrier

## Why now?

The town flooded three times in the past decade, most recently in January, when a surge overtopped the quay.
The Environment Agency estimates that the risk of such a surge will double by 2050 as sea levels rise.
Insurers have already begun to withdraw cover from streets near the harbour.

## Who pays?

The council will borrow most of the money over forty years and repay it from council tax.
Mr Okafor, who runs a bakery on Quay Street, said his premium had tripled in two years.
Opposition councillors argue that the true figure will be higher once interest is counted.
"""

REPUBLISHED = """# Barrier approved after six-year fight

## Why now?

The town flooded three times in the past decade, most recently in January, when a surge over-topped the quay.
The Environment Agency estimates the risk of such a surge will double by 2050 as sea levels rise.
Insurers have already begun to withdraw cover from streets near the harbour.

## Who pays?

The council will borrow most of the money over forty years and repay it from council tax.
Okafor, who runs a bakery on Quay Street, said his premium had tripled in two years.
Opposition councillors argue that the true figure will be higher once interest is counted.
"""

OTHER = """# Inland market town rejects new bypass

## Why now?

Traffic through the market square has doubled since the motorway junction opened.
Shopkeepers say lorries park on the pavement every morning while they unload.
The county surveyor proposed a ring road to the east of the river.
"""


def corpus() -> Corpus:
    return Corpus(
        [
            source_from_text(STORY, "story.md", "markdown"),
            source_from_text(OTHER, "other.md", "markdown"),
            source_from_text(REPUBLISHED, "copy.md", "markdown"),
        ]
    )


def test_a_republished_story_is_named_a_copy_of_the_first_section_by_section() -> None:
    c = corpus()
    summary = summarize(c, SummaryRequest(budget=Budget(sentences=4)))
    story, other, copy = (s.articles[0] for s in c.sources)
    assert summary.article_copies == {copy.id: story.id}
    assert summary.copies == {copy.sections[0].id: story.sections[0].id, copy.sections[1].id: story.sections[1].id}
    assert other.sections[0].id not in summary.copies, "the same heading over another story is no copy"


def test_the_sentences_of_a_copy_cite_both_sources() -> None:
    c = corpus()
    summary = summarize(c, SummaryRequest(budget=Budget(sentences=4)))
    shared = [s for s in summary.sentences if len({x.source for x in s.citations}) == 2]
    assert shared, "the story's sentences cite both of its sources"


def test_a_story_told_once_has_no_copies() -> None:
    c = Corpus([source_from_text(STORY, "story.md", "markdown"), source_from_text(OTHER, "other.md", "markdown")])
    summary = summarize(c, SummaryRequest(budget=Budget(sentences=4)))
    assert summary.copies == {} and summary.article_copies == {}
