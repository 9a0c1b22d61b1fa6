"""A short brief reads like one: several key points rather than one long sentence, no heading over a single
sentence, every story in the summary, a title that does not name one story of several, and a one-word question
heading ("Why?") shown after the heading it continues.

The fixtures (``fixtures/harbour.md``, ``fixtures/rail.md``) are two stories; the ranking is set by hand so the
brief's shape depends on composition alone: the harbour story holds every top-ranked sentence, the first of them
60 words long, and its best sentences come one from each section."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from briefgen.brief import Brief, PartKind
from briefgen.compose import LEFT_TO_FIT, BriefDetails, compose
from briefgen.compose.sections import group_sections
from briefgen.corpus import Corpus
from briefgen.ingest import source_from_text
from briefgen.summarize.api import Budget, Summary, SummarySentence
from briefgen.templates.builtins import builtin_templates
from briefgen.templates.schema import Template
from briefgen.templates.validate import template_from_dict
from tests.compose.test_length_properties import check_reading

FIXTURES = Path(__file__).parent / "fixtures"
DAY = BriefDetails(day=dt.date(2025, 1, 1))
HARBOUR = "Saltby harbour wall plan divides the town"
RAIL = "Night trains return to the coast line"
LONG = "Saltby council wants"
RANKING = [
    LONG,
    "Engineers told the council",
    "The storm of 2021",
    "The government grant covers",
    "The wall would be built",
    "Some residents want",
    "Harbour traders say",
    "Insurers have since",
    "Work on the first stage",
    "A taller wall would block",
    "Two shops on the quay",
    "Council tax would rise",
    "The council will vote",
    "The engineers expect",
    "Families on the street",
    "The charitable trusts will",
    "The regional rail company",
    "Tickets for the first month",
    "The service was cut",
    "Local hotels expect",
]


def corpus_of(*names: str) -> Corpus:
    return Corpus(source_from_text((FIXTURES / n).read_text("utf-8"), n, "markdown") for n in names)


@pytest.fixture
def corpus() -> Corpus:
    return corpus_of("harbour.md", "rail.md")


def find(corpus: Corpus, start: str) -> str:
    for ref in corpus.sentence_refs():
        if ref.sentence.text.startswith(start):
            return ref.sentence.id
    raise AssertionError(f"no sentence starts with {start!r}")


def ranked(corpus: Corpus, starts: list[str] = RANKING, article_copies: dict[str, str] | None = None) -> Summary:
    sentences = []
    for rank, start in enumerate(starts):
        ref = corpus.sentence(find(corpus, start))
        sentences.append(SummarySentence(ref.sentence.id, ref.sentence.text, (ref.citation(),), rank=rank))
    return Summary("test", tuple(sentences), article_copies=article_copies or {})


def policy_brief() -> Template:
    return builtin_templates()["policy-brief"]


def brief_of(corpus: Corpus, words: int, template: Template | None = None, summary: Summary | None = None) -> Brief:
    brief = compose(
        corpus, summary or ranked(corpus), template or policy_brief(), details=DAY, budget=Budget(words=words)
    )
    check_reading(corpus, brief)  # verbatim, cited, no question, nothing leaning alone, no heading twice
    assert brief.word_count() <= words
    return brief


def part(brief: Brief, kind: PartKind) -> list[str]:
    found = [p for p in brief.parts if p.kind == kind]
    return [s.text for p in found for s in p.sentences]


def test_a_short_brief_has_two_or_three_key_points_not_one_long_sentence(corpus: Corpus) -> None:
    brief = brief_of(corpus, 250)
    points = part(brief, PartKind.KEY_POINTS)
    assert 2 <= len(points) <= 4, points
    assert not any(p.startswith(LONG) for p in points), "the 60-word sentence took the key points' whole share"
    assert any(s.startswith(LONG) for s in part(brief, PartKind.EXECUTIVE_SUMMARY)), "it leads the summary instead"
    assert brief.word_count() >= 0.9 * 250


def test_a_long_brief_keeps_its_best_sentence_as_a_key_point(corpus: Corpus) -> None:
    long_ranking = [LONG, *RANKING[1:]]
    brief = brief_of(corpus, 2000, summary=ranked(corpus, long_ranking))
    assert part(brief, PartKind.KEY_POINTS)[0].startswith(LONG)


def test_bullet_cap_aims_at_two_or_three_bullets_only_in_small_shares() -> None:
    from briefgen.compose.stories import bullet_cap

    assert bullet_cap(62, 4) == 31  # two bullets
    assert bullet_cap(90, 4) == 30  # three
    assert bullet_cap(20, 4) == 20  # one
    assert bullet_cap(200, 4) == 66  # a cap few sentences reach
    assert bullet_cap(62, 1) == 62  # the template asks for one


def test_a_short_brief_shows_no_heading_over_a_single_sentence(corpus: Corpus) -> None:
    figure = corpus.sentence(find(corpus, "Council tax would rise"))
    only_figure = (SummarySentence(figure.sentence.id, figure.sentence.text, (figure.citation(),)),)
    summary = dataclasses.replace(ranked(corpus), key_figures=only_figure)
    brief = brief_of(corpus, 150, summary=summary)  # before: three sections and the key figures held one each
    for p in brief.parts:
        if p.kind in (PartKind.SECTION, PartKind.KEY_FIGURES, PartKind.QUOTES, PartKind.TIMELINE):
            assert len(p.sentences) >= 2, (p.heading, [s.text for s in p.sentences])
    assert figure.sentence.text in part(brief, PartKind.EXECUTIVE_SUMMARY), "the lone key figure joined the summary"
    assert ("key_figures", LEFT_TO_FIT) in [(x.part, x.reason) for x in brief.left_out]
    assert brief.word_count() >= 0.9 * 150
    # a section whose sentences the brief shows elsewhere is not called left out; one it does not show is
    shown = {c.section for p in brief.parts for s in p.sentences for c in s.citations}
    sections = [s.id for _, _, s in corpus.sections()]
    groups, _ = group_sections(corpus, summary, policy_brief(), policy_brief().part("sections"), sections)
    left = {x.heading: x.reason for x in brief.left_out if x.part == "sections"}
    for group in groups:
        if shown.intersection(group.sections):
            assert group.heading not in left
        else:
            assert left[group.heading] == LEFT_TO_FIT


def test_a_template_asking_for_one_sentence_per_section_keeps_them(corpus: Corpus) -> None:
    parts = [{"type": "executive_summary"}, {"type": "sections", "count": 1}, {"type": "sources"}]
    template = template_from_dict({"schema_version": 1, "name": "t", "parts": parts}, "t.json")
    brief = brief_of(corpus, 150, template)
    sections = [p for p in brief.parts if p.kind == PartKind.SECTION]
    assert len(sections) >= 2 and any(len(p.sentences) == 1 for p in sections)


def test_every_story_gets_a_sentence_of_the_summary(corpus: Corpus) -> None:
    brief = brief_of(corpus, 250)
    summary_articles = {
        corpus.article_context(s.citations[0].article)[1].metadata.title
        for p in brief.parts
        if p.kind == PartKind.EXECUTIVE_SUMMARY
        for s in p.sentences
    }
    assert summary_articles == {HARBOUR, RAIL}
    assert brief.word_count() >= 0.9 * 250, "the swap keeps the length used"


def test_the_key_points_open_with_the_best_sentence_of_each_story(corpus: Corpus) -> None:
    brief = brief_of(corpus, 250)
    points = [s for p in brief.parts if p.kind == PartKind.KEY_POINTS for s in p.sentences]
    titles = [str(corpus.article_context(s.citations[0].article)[1].metadata.title) for s in points]
    assert titles[0] == HARBOUR and RAIL in titles, titles
    assert titles == sorted(titles, key=[HARBOUR, RAIL].index), "a story's points stand together"


def test_the_title_names_the_main_story_and_counts_the_others(corpus: Corpus) -> None:
    assert brief_of(corpus, 250).title == f"{HARBOUR} — and 1 other story"
    alone = corpus_of("harbour.md")
    assert brief_of(alone, 250, summary=ranked(alone, RANKING[:16])).title == HARBOUR
    from briefgen.compose.front_matter import other_stories

    assert other_stories(0) == "" and other_stories(2) == " — and 2 other stories"


def test_a_republished_copy_is_not_another_story(corpus: Corpus) -> None:
    twice = corpus_of("harbour.md", "rail.md", "harbour.md")
    first, _, copy = (source.articles[0].id for source in twice.sources)
    summary = ranked(twice, article_copies={copy: first})
    brief = brief_of(twice, 250, summary=summary)
    assert brief.title == f"{HARBOUR} — and 1 other story"
    from briefgen.compose.front_matter import main_story

    lead, others = main_story(brief.parts, summary.article_copies)
    assert lead == first and others == 1


def test_a_one_word_question_heading_follows_the_heading_it_continues(corpus: Corpus) -> None:
    parts = [{"type": "sections", "count": 2}, {"type": "sources"}]
    template = template_from_dict({"schema_version": 1, "name": "t", "parts": parts}, "t.json")
    brief = compose(corpus, ranked(corpus), template, details=DAY, budget=Budget(sentences=40))
    headings = [p.heading for p in brief.parts if p.kind == PartKind.SECTION]
    assert "Is the wall high enough? Why?" in headings
    assert f"Who pays? — {HARBOUR}" in headings, "a two-word question asks about the article, not the heading"
    assert not any(h.startswith("Why?") for h in headings)


def test_story_first_puts_each_story_s_best_first_in_the_given_order(corpus: Corpus) -> None:
    from briefgen.compose.stories import story_first

    sentences = list(ranked(corpus).sentences)
    rail = sentences[16]

    def story(s: SummarySentence) -> str:
        return s.citations[0].article

    ordered = story_first(sentences, story)
    assert ordered[:2] == [sentences[0], rail] and ordered[2:] == [s for s in sentences[1:] if s is not rail]
    assert story_first(sentences, story, [story(rail)])[:2] == [rail, sentences[0]]
