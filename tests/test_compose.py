"""Composition: parts in template order, no sentence twice, numbered sources, verbatim text, placeholders."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from briefgen.brief import Brief, PartKind
from briefgen.compose import BriefDetails, check_verbatim, compose, summary_request
from briefgen.corpus import Corpus
from briefgen.ingest import load_sources, source_from_text
from briefgen.summarize.api import Budget, Summary, SummarySentence
from briefgen.summarize.engine import summarize
from briefgen.templates.builtins import builtin_templates
from briefgen.templates.schema import Template
from briefgen.templates.validate import template_from_dict

DAY = dt.date(2025, 3, 2)

TEXT_A = """# Flood barrier approved

By Jane Doe

Published: 2024-03-01

## Costs

The barrier will cost 412 million pounds over ten years. Council tax will rise by 96 pounds a year
for most homes. The grant covers a third of the bill.

## Risks

The town flooded three times in the past decade. "We are asking our grandchildren to pay for a wall
we will never see finished," said the opposition leader. Sea levels are expected to rise by half a metre.
"""

TEXT_B = """# Coastal towns weigh the price

## Costs

Harrowmere estimates its own sea wall at 90 million pounds. Engineers say costs rise every year the work is delayed.

## Outlook

Other towns are watching Eastmouth closely before they decide.
"""


@pytest.fixture
def corpus() -> Corpus:
    return Corpus([source_from_text(TEXT_A, "a.md", "markdown"), source_from_text(TEXT_B, "b.md", "markdown")])


def sentence_ids(corpus: Corpus) -> list[str]:
    return [ref.sentence.id for ref in corpus.sentence_refs()]


def ss(
    corpus: Corpus, sentence_id: str, score: float = 0.5, also: tuple[str, ...] = (), rank: int = 0
) -> SummarySentence:
    ref = corpus.sentence(sentence_id)
    citations = (ref.citation(), *(corpus.sentence(o).citation() for o in also))
    return SummarySentence(sentence_id, ref.sentence.text, citations, score=score, rank=rank)


def find(corpus: Corpus, start: str) -> str:
    for ref in corpus.sentence_refs():
        if ref.sentence.text.startswith(start):
            return ref.sentence.id
    raise AssertionError(f"no sentence starts with {start!r}")


def template(**changes: object) -> Template:
    data: dict[str, object] = {"schema_version": 1, "name": "t"}
    data.update(changes)
    return template_from_dict(data, "t.json")


def all_ids(brief: Brief) -> list[str]:
    return [s.id for s in brief.sentences()]


def test_key_points_take_the_best_and_the_summary_keeps_the_rest(corpus: Corpus) -> None:
    cost, tax, grant = find(corpus, "The barrier"), find(corpus, "Council tax"), find(corpus, "The grant")
    ranked = (ss(corpus, cost, 0.2, rank=2), ss(corpus, tax, 0.9, rank=0), ss(corpus, grant, 0.5, rank=1))
    t = template(parts=[{"type": "key_points", "count": 1}, {"type": "executive_summary"}, {"type": "sources"}])
    brief = compose(corpus, Summary("test", ranked), t, details=BriefDetails(day=DAY), budget=Budget(sentences=3))
    kinds = [p.kind for p in brief.parts]
    assert kinds == [PartKind.KEY_POINTS, PartKind.EXECUTIVE_SUMMARY, PartKind.SOURCES]
    assert [s.id for s in brief.parts[0].sentences] == [tax]  # the first chosen
    assert brief.parts[0].as_list
    assert [s.id for s in brief.parts[1].sentences] == [cost, grant]  # reading order
    assert len(all_ids(brief)) == len(set(all_ids(brief)))


def ranked_everything(corpus: Corpus) -> tuple[SummarySentence, ...]:
    """Every sentence, ranked in reading order."""
    return tuple(ss(corpus, ref.sentence.id, rank=n) for n, ref in enumerate(corpus.sentence_refs()))


def test_sections_share_the_rest_by_rank_each_within_its_count(corpus: Corpus) -> None:
    t = template(parts=[{"type": "executive_summary"}, {"type": "sections", "count": 1}, {"type": "sources"}])
    summary = Summary("test", ranked_everything(corpus))
    brief = compose(corpus, summary, t, details=BriefDetails(day=DAY), budget=Budget(sentences=4))
    assert len(brief.sentences()) == 4
    sections = [p for p in brief.parts if p.kind == PartKind.SECTION]
    assert all(len(p.sentences) == 1 for p in sections)
    # both articles have a "Costs" section: each heading names its article
    assert sections[0].heading == "Costs — Flood barrier approved" and sections[0].subheading is None
    summary_ids = {s.id for s in brief.parts[0].sentences}
    assert not summary_ids & {s.id for p in sections for s in p.sentences}, "nothing twice"
    assert {x.heading for x in brief.left_out} >= {"Outlook"}, "a section with no room is named as left out"


def test_group_by_article(corpus: Corpus) -> None:
    summary = Summary("test", ranked_everything(corpus))
    t = template(parts=[{"type": "sections", "count": 2, "group_by": "article"}, {"type": "sources"}])
    brief = compose(corpus, summary, t, details=BriefDetails(day=DAY), budget=Budget(sentences=4))
    sections = [p for p in brief.parts if p.kind == PartKind.SECTION]
    assert [p.heading for p in sections] == ["Flood barrier approved", "Coastal towns weigh the price"]
    assert all(len(p.sentences) == 2 for p in sections)  # each article within the part's count
    assert sections[0].subheading is not None and "2024" in sections[0].subheading
    longer = compose(corpus, summary, t, details=BriefDetails(day=DAY), budget=Budget(sentences=7))
    assert len(longer.sentences()) == 7, "past the count when the length asks for more: the length is met"


def test_group_by_heading_merges_sections_with_the_same_heading(corpus: Corpus) -> None:
    summary = Summary("test", ranked_everything(corpus))
    t = template(parts=[{"type": "sections", "count": 5, "group_by": "heading"}, {"type": "sources"}])
    brief = compose(corpus, summary, t, details=BriefDetails(day=DAY), budget=Budget(sentences=20))
    sections = [p for p in brief.parts if p.kind == PartKind.SECTION]
    assert [p.heading for p in sections] == ["Costs", "Risks", "Outlook"]
    cited = {c.article for s in sections[0].sentences for c in s.citations}
    assert len(cited) == 2, "the Costs part holds sentences of both articles"


def test_sources_are_numbered_by_first_citation_and_cover_every_citation(corpus: Corpus) -> None:
    outlook = find(corpus, "Other towns")
    cost = find(corpus, "The barrier")
    harrow = find(corpus, "Harrowmere")
    summary = Summary("test", (ss(corpus, cost, 0.3, also=(harrow,)), ss(corpus, outlook, 0.9)))
    t = template(citations={"bibliography": "chicago"})
    brief = compose(corpus, summary, t, details=BriefDetails(day=DAY))
    assert [e.number for e in brief.sources] == [1, 2]
    assert [e.path for e in brief.sources] == ["a.md", "b.md"]
    for sentence in brief.sentences():
        for citation in sentence.citations:
            entry = brief.entry_for(citation)
            assert entry is not None and entry.article_id == citation.article
    first = brief.sources[0]
    assert first.accessed == "2025-03-02"
    assert first.formatted.startswith("Doe, Jane. “Flood barrier approved.”")
    assert brief.bibliography_style == "chicago" and brief.citation_style == "numeric"


def test_title_block_from_placeholders_and_overrides(corpus: Corpus) -> None:
    summary = Summary("test", (ss(corpus, find(corpus, "The barrier")),))
    t = template(
        title={"pattern": "{title} ({sources} sources, {year})", "subtitle": "Made {date}", "organisation": "EBC"},
        marking={"text": "OFFICIAL"},
    )
    brief = compose(corpus, summary, t, details=BriefDetails(day=DAY))
    assert brief.title == "Flood barrier approved (2 sources, 2025)"
    assert brief.subtitle == "Made 2 March 2025"
    assert brief.date == "2 March 2025"
    assert brief.organisation == "EBC" and brief.author is None
    assert brief.marking == "OFFICIAL"
    over = compose(corpus, summary, t, details=BriefDetails(title="Mine {date}", marking="SECRET", day=DAY))
    assert over.title == "Mine {date}"  # a caller's text is used as given, never expanded
    assert over.marking == "SECRET"


def test_selection_limits_the_title_and_sections(corpus: Corpus) -> None:
    article_b = corpus.sources[1].articles[0].id
    summary = Summary("test", tuple(s for s in ranked_everything(corpus) if s.id.startswith(article_b)))
    t = template(title={"pattern": "{title}: {articles} article"})
    brief = compose(corpus, summary, t, selection=[article_b], details=BriefDetails(day=DAY))
    assert brief.title == "Coastal towns weigh the price: 1 article"
    assert {c.article for s in brief.sentences() for c in s.citations} == {article_b}


def test_quotes_keyphrases_and_key_figures(corpus: Corpus) -> None:
    cost = find(corpus, "The barrier")
    summary = Summary("test", (), keyphrases=("sea wall", "council tax", "barrier"), key_figures=(ss(corpus, cost),))
    t = template(
        parts=[
            {"type": "executive_summary"},
            {"type": "key_figures", "count": 2},
            {"type": "quotes", "count": 2},
            {"type": "keyphrases", "count": 2},
            {"type": "sources"},
        ]
    )
    brief = compose(corpus, summary, t, details=BriefDetails(day=DAY))
    parts = {p.kind: p for p in brief.parts}
    assert [s.id for s in parts[PartKind.KEY_FIGURES].sentences] == [cost]
    quotes = parts[PartKind.QUOTES].sentences
    assert len(quotes) == 1 and quotes[0].text.startswith('"We are asking')
    assert parts[PartKind.KEYPHRASES].terms == ("sea wall", "council tax")


def test_empty_parts_are_dropped_but_the_source_list_stays(corpus: Corpus) -> None:
    t = template(parts=[{"type": "executive_summary"}, {"type": "quotes"}, {"type": "sources"}])
    brief = compose(corpus, Summary("test", ()), t, details=BriefDetails(day=DAY))
    assert [p.kind for p in brief.parts if p.kind != PartKind.QUOTES] == [PartKind.SOURCES]


def test_a_sentence_that_is_not_its_source_text_is_refused(corpus: Corpus) -> None:
    good = ss(corpus, find(corpus, "The barrier"))
    bad = dataclasses.replace(good, text="The barrier will cost nothing at all.")
    with pytest.raises(ValueError, match="not the text its citation points at"):
        compose(corpus, Summary("test", (bad,)), template(), details=BriefDetails(day=DAY))
    brief = compose(corpus, Summary("test", (good,)), template(), details=BriefDetails(day=DAY))
    check_verbatim(corpus, brief.sentences()[0])


def test_summary_request_ranks_enough_for_the_whole_brief() -> None:
    t = builtin_templates()["policy-brief"]
    figures = t.part("key_figures")
    assert figures is not None
    request = summary_request(t, ["x.a1"], pins=["x.a1.s1.t1"], excludes=["x.a1.s1.t2"], budget=Budget(words=300))
    assert request.budget.words is not None and request.budget.words >= 2 * 300
    assert request.per_section is None
    assert request.max_key_figures >= figures.count
    assert request.selection == ("x.a1",) and request.pins == {"x.a1.s1.t1"} and request.excludes == {"x.a1.s1.t2"}
    sentences = summary_request(
        template(summary={"sentences": 7}, parts=[{"type": "executive_summary"}, {"type": "sources"}])
    )
    assert sentences.budget.sentences is not None and sentences.budget.sentences >= 14
    assert sentences.max_key_figures == 0, "no key-figures part, no key figures to find"


@pytest.mark.parametrize("name", sorted(builtin_templates()))
def test_real_summaries_of_the_samples_compose_into_verbatim_cited_briefs(samples_dir: Path, name: str) -> None:
    loaded = load_sources(sorted(str(p) for p in samples_dir.iterdir() if p.suffix in (".txt", ".md")))
    assert not loaded.errors
    t = builtin_templates()[name]
    summary = summarize(loaded.corpus, summary_request(t))
    brief = compose(loaded.corpus, summary, t, details=BriefDetails(day=DAY))
    sentences = brief.sentences()
    assert sentences, "the brief has sentences"
    assert len({s.id for s in sentences}) == len(sentences), "no sentence appears twice"
    for sentence in sentences:
        first = sentence.citations[0]
        section = loaded.corpus.section(first.section)
        assert section.text[first.start : first.end] == sentence.text
        for citation in sentence.citations:
            entry = brief.entry_for(citation)
            assert entry is not None and entry.source_id == citation.source
    assert [e.number for e in brief.sources] == list(range(1, len(brief.sources) + 1))
    assert [p.kind for p in brief.parts][-1] == PartKind.SOURCES


def test_the_article_is_named_once_above_its_run_of_sections(samples_dir) -> None:
    from briefgen.build import build_brief

    brief = build_brief([str(samples_dir / "eastmouth-barrier-news.txt")]).brief
    sections = [p for p in brief.parts if p.kind == PartKind.SECTION]
    assert len(sections) > 1
    title = brief.sources[0].metadata.title
    assert title is not None
    assert sections[0].subheading == title or title in sections[0].heading
    assert all(p.subheading is None for p in sections[1:])


def test_the_title_names_the_story_the_brief_opens_with(corpus: Corpus) -> None:
    harrow = find(corpus, "Harrowmere")
    summary = Summary("test", (ss(corpus, harrow, rank=0), ss(corpus, find(corpus, "The grant"), rank=1)))
    brief = compose(corpus, summary, template(), details=BriefDetails(day=DAY), budget=Budget(sentences=2))
    assert brief.title == "Coastal towns weigh the price — and 1 other story", "the main story, then the others"
