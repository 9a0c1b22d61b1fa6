"""The shape of a longer brief: the executive summary holds a paragraph per story, and sections of one article
that show a sentence each are joined under the article's title rather than left as a list of headings.

Fixtures and hand-set rankings as in ``test_short_briefs.py``: the harbour story (four sections) and the rail
story (one)."""

from __future__ import annotations

from briefgen.brief import Brief, Part, PartKind
from briefgen.compose.stories import story_of
from briefgen.corpus import Corpus
from briefgen.summarize.api import Budget, Summary, SummarySentence
from briefgen.templates.schema import Template
from briefgen.templates.validate import template_from_dict
from tests.compose.test_length_properties import check_reading
from tests.compose.test_short_briefs import DAY, HARBOUR, RAIL, RANKING, brief_of, corpus_of, find, ranked

# the first sentence of each harbour section, then the rail story's first: one sentence from each section
ONE_PER_SECTION = ["Saltby council wants", "Engineers told the council", "The storm of 2021", "The government grant"]


def sections_only(count: int) -> Template:
    parts = [{"type": "sections", "count": count}, {"type": "sources"}]
    return template_from_dict({"schema_version": 1, "name": "t", "parts": parts}, "t.json")


def sections(brief: Brief) -> list[tuple[str, list[str]]]:
    return [(p.heading, [s.text for s in p.sentences]) for p in brief.parts if p.kind == PartKind.SECTION]


def compose_sentences(corpus: Corpus, template: Template, starts: list[str]) -> Brief:
    from briefgen.compose import compose

    brief = compose(corpus, ranked(corpus, starts), template, details=DAY, budget=Budget(sentences=len(starts)))
    check_reading(corpus, brief)
    return brief


def test_the_executive_summary_has_a_paragraph_per_story() -> None:
    corpus = corpus_of("harbour.md", "rail.md")
    summary = ranked(corpus, [RANKING[0], "The regional rail company", *RANKING[1:16], "Tickets for the first month"])
    brief = brief_of(corpus, 700, summary=summary)
    part = next(p for p in brief.parts if p.kind == PartKind.EXECUTIVE_SUMMARY)
    stories = [story_of(summary_sentence, {}) for summary_sentence in _summary_sentences(summary, part)]
    assert len(set(stories)) == 2, "both stories are in the summary"
    changes = [i for i in range(1, len(stories)) if stories[i] != stories[i - 1]]
    assert changes == [part.paragraph_starts[0]] and len(part.paragraph_starts) == 1, (stories, part.paragraph_starts)
    points = next(p for p in brief.parts if p.kind == PartKind.KEY_POINTS)
    assert stories[0] == points.sentences[0].citations[0].article, "the first paragraph is the first bullet's story"


def test_the_summary_follows_the_key_points_order_not_the_sources_order() -> None:
    corpus = corpus_of("harbour.md", "rail.md")
    rail = ["The regional rail company", "Tickets for the first month", "The service was cut", "Local hotels expect"]
    rail_first = [rail[0], RANKING[0], *rail[1:], *RANKING[1:15]]
    brief = brief_of(corpus, 700, summary=ranked(corpus, rail_first))
    part = next(p for p in brief.parts if p.kind == PartKind.EXECUTIVE_SUMMARY)
    titles = [str(corpus.article_context(s.citations[0].article)[1].metadata.title) for s in part.sentences]
    assert RAIL in titles and HARBOUR in titles, titles
    assert titles[0] == RAIL, "the rail story ranks first, though the harbour file comes first"


def _summary_sentences(summary: Summary, part: Part) -> list[SummarySentence]:
    by_id = {s.id: s for s in summary.sentences}
    return [by_id[s.id] for s in part.sentences]


def test_one_sentence_sections_of_an_article_are_joined_under_its_title() -> None:
    corpus = corpus_of("harbour.md", "rail.md")
    brief = compose_sentences(corpus, sections_only(3), ONE_PER_SECTION)
    shown = sections(brief)
    assert [heading for heading, _ in shown] == [HARBOUR], shown
    texts = shown[0][1]
    assert len(texts) == 4 and all(t.startswith(s) for t, s in zip(texts, ONE_PER_SECTION, strict=True)), texts


def test_a_template_asking_for_one_sentence_per_section_keeps_every_heading() -> None:
    corpus = corpus_of("harbour.md", "rail.md")
    brief = compose_sentences(corpus, sections_only(1), ONE_PER_SECTION)
    assert [heading for heading, _ in sections(brief)] == [
        "What is planned?",
        "Is the wall high enough?",
        "Is the wall high enough? Why?",
        f"Who pays? — {HARBOUR}",  # (a heading that says little names its article)
    ]


def test_a_lone_thin_section_between_fuller_ones_keeps_its_heading() -> None:
    corpus = corpus_of("harbour.md", "rail.md")
    starts = ["Saltby council wants", "The wall would be built", "Engineers told the council", "The storm of 2021",
              "Insurers have since"]  # fmt: skip
    brief = compose_sentences(corpus, sections_only(3), starts)
    shown = sections(brief)
    assert [(heading, len(texts)) for heading, texts in shown] == [
        ("What is planned?", 2),
        ("Is the wall high enough?", 1),
        ("Is the wall high enough? Why?", 2),
    ], shown


def test_names_its_subject() -> None:
    from briefgen.compose.stories import names_its_subject

    def sentence(text: str) -> SummarySentence:
        return SummarySentence("s", text, ())

    assert not names_its_subject(sentence("The town flooded in 2014, 2019 and 2024."))
    assert not names_its_subject(sentence("“The wall would be built in three stages over four years.”"))
    assert names_its_subject(sentence("The council in Eastmouth approved the barrier."))
    assert names_its_subject(sentence("Eastmouth council approved the barrier."))
    assert names_its_subject(sentence("Councils along the coast must choose."))
    assert names_its_subject(sentence("An increasing number of firms offer web storage."))


def test_a_key_point_names_its_subject() -> None:
    corpus = corpus_of("harbour.md", "rail.md")
    anonymous = "The wall would be built"  # which wall? read out of its article, the bullet does not say
    summary = ranked(corpus, [anonymous, "Saltby council wants", "The regional rail company", *RANKING[2:]])
    brief = brief_of(corpus, 700, summary=summary)
    points = [s.text for p in brief.parts if p.kind == PartKind.KEY_POINTS for s in p.sentences]
    assert points and not any(p.startswith(anonymous) for p in points), points
    assert any(s.text.startswith(anonymous) for s in brief.sentences()), "it still has its place in the brief"


def test_the_title_names_the_story_of_the_first_key_point() -> None:
    corpus = corpus_of("harbour.md", "rail.md")
    rail_first = ["The regional rail company", *[s for s in RANKING if s != "The regional rail company"]]
    brief = brief_of(corpus, 400, summary=ranked(corpus, rail_first))
    points = next(p for p in brief.parts if p.kind == PartKind.KEY_POINTS)
    assert points.sentences[0].text.startswith("The regional rail company")
    words = {HARBOUR: 0, RAIL: 0}
    for s in brief.sentences():
        title = corpus.article_context(s.citations[0].article)[1].metadata.title
        words[str(title)] += len(s.text.split())
    assert words[HARBOUR] > words[RAIL], "the harbour story is given more words"
    assert brief.title == f"{RAIL} — and 1 other story"


BRIDGE = """# Options for the Wenn bridge

The county council will choose how to repair the Wenn bridge in June, after a year of closures and two reports.

## Options considered

- Replace the deck: about £12m, with the bridge closed for a year while the work is done.
- Strengthen the piers: £4m, but lorries would stay banned from the bridge for good.

Engineers at Wennford County Council favour replacing the deck before the winter storms arrive this year.

## What drivers say

Hauliers in Wennford say the closures have added an hour to every delivery along the coast road since March.
Bus services to Saltby were cut to two a day when the bridge first closed to heavy traffic last spring.
Shops on the far bank of the Wenn report takings down by a third since the closures began.
The Wennford Chamber of Commerce wants the council to choose the quickest repair, whatever it costs.
"""


def test_a_labelled_list_item_is_no_key_point() -> None:
    from briefgen.compose.stories import labelled_item
    from briefgen.ingest import source_from_text

    assert labelled_item("Raise the harbour walls by 1.5 metres: about £150m, but it would not last.", True)
    assert not labelled_item("Raise the harbour walls by 1.5 metres: about £150m, but it would not last.", False)
    assert not labelled_item("The council said on Monday that it would decide after the recess: no sooner.", True)
    corpus = Corpus([source_from_text(BRIDGE, "bridge.md", "markdown")])
    ranking = [
        "Replace the deck",
        "The county council will choose",
        "Engineers at Wennford",
        "Hauliers in",
        "Bus services",
        "Shops on the far bank",
        "The Wennford Chamber",
        "Strengthen the piers",
    ]
    summary = ranked(corpus, ranking)
    brief = brief_of(corpus, 400, summary=summary)
    points = [s.text for p in brief.parts if p.kind == PartKind.KEY_POINTS for s in p.sentences]
    assert points and not any(p.startswith("Replace the deck") for p in points), points
    assert any(s.text.startswith("Replace the deck") for s in brief.sentences()), "it is still in the brief"


def test_a_summary_paragraph_does_not_open_with_a_sentence_that_adds_to_another() -> None:
    from briefgen.compose.parts import _opened_plainly

    def sentences(*texts: str) -> list[SummarySentence]:
        return [SummarySentence(f"s{k}", t, ()) for k, t in enumerate(texts)]

    adds = "Mr Kim's testing ambitions are also an expression of identity politics."
    plain = "Pyongyang is focused on continuing with its missile programme, officials in Seoul say."
    follower = "He said the tests would go on."  # leans on the sentence before it: moves with it
    other = "The talks in Manila ended without a meeting."
    moved = _opened_plainly(sentences(adds, plain, follower, other))
    assert [s.text for s in moved] == [plain, follower, adds, other]
    unchanged = sentences(plain, adds, other)
    assert _opened_plainly(unchanged) == unchanged
    all_add = sentences(adds, "Seoul has raised its defence spending as well.")
    assert _opened_plainly(all_add) == all_add
    # a sentence that names what it speaks of opens the paragraph rather than one that does not
    unnamed = "Construction is due to start in spring 2026 and finish by 2031."
    vote = "The vote, carried by 31 to 19 on Tuesday night, ends six years of argument."  # which vote?
    named = "Eastmouth council has approved a tidal barrier across the River Wenn."
    assert [s.text for s in _opened_plainly(sentences(unnamed, vote, named))] == [named, unnamed, vote]
    assert _opened_plainly(sentences(unnamed, vote)) == sentences(unnamed, vote)  # none names it: unchanged


def test_a_lone_key_figure_the_ranking_passed_over_is_dropped_not_moved_into_the_summary() -> None:
    import dataclasses

    corpus = corpus_of("harbour.md", "rail.md")
    figure = corpus.sentence(find(corpus, "Council tax would rise"))
    lone = (SummarySentence(figure.sentence.id, figure.sentence.text, (figure.citation(),)),)
    unranked = [s for s in RANKING if s != "Council tax would rise"]
    summary = dataclasses.replace(ranked(corpus, unranked), key_figures=lone)
    brief = brief_of(corpus, 150, summary=summary)
    assert figure.sentence.text not in [s.text for s in brief.sentences()]
    assert brief.word_count() >= 0.9 * 150
