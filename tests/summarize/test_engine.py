"""The summariser's contract: pins, excludes, budgets, order, citations, duplicates, determinism."""

from __future__ import annotations

import itertools

import pytest

from briefgen.corpus import Corpus
from briefgen.errors import Cancelled, InputError
from briefgen.progress import CancelToken
from briefgen.summarize import Budget, Summary, SummaryRequest, summarize
from briefgen.summarize.duplicates import are_near_duplicates
from briefgen.summarize.registry import algorithm_names
from briefgen.summarize.standalone import stands_alone
from tests.summarize.conftest import make_corpus

ALGORITHMS = ("default", *algorithm_names())


def ids_of(summary: Summary) -> list[str]:
    return [s.id for s in summary.sentences]


def all_sentence_ids(corpus: Corpus) -> list[str]:
    return [ref.sentence.id for ref in corpus.sentence_refs()]


def assert_verbatim_and_cited(corpus: Corpus, summary: Summary) -> None:
    for s in (*summary.sentences, *summary.key_figures):
        own = s.citations[0]
        assert own.sentence == s.id
        section = corpus.section(own.section)
        assert section.text[own.start : own.end] == s.text
        for c in s.citations:
            ref = corpus.sentence(c.sentence)
            assert (ref.source.id, ref.article.id, ref.section.id) == (c.source, c.article, c.section)
            assert corpus.section(c.section).text[c.start : c.end] == ref.sentence.text


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_sentence_is_verbatim_and_its_citations_resolve(news: Corpus, algorithm: str) -> None:
    summary = summarize(news, SummaryRequest(budget=Budget(sentences=4), algorithm=algorithm))
    assert len(summary.sentences) == 4
    assert_verbatim_and_cited(news, summary)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_pinned_sentences_are_always_in_and_count_against_the_budget(news: Corpus, algorithm: str) -> None:
    unlikely = [ref.sentence.id for ref in news.sentence_refs() if "villages" in ref.sentence.text]
    summary = summarize(news, SummaryRequest(budget=Budget(sentences=3), algorithm=algorithm, pins=frozenset(unlikely)))
    assert unlikely[0] in ids_of(summary)
    assert len(summary.sentences) == 3
    assert [s.pinned for s in summary.sentences if s.id == unlikely[0]] == [True]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_excluded_sentences_are_never_in(news: Corpus, algorithm: str) -> None:
    first = summarize(news, SummaryRequest(budget=Budget(sentences=3), algorithm=algorithm))
    excluded = frozenset(ids_of(first))
    second = summarize(news, SummaryRequest(budget=Budget(sentences=3), algorithm=algorithm, excludes=excluded))
    assert not excluded & set(ids_of(second))
    assert len(second.sentences) == 3


def test_excluding_a_sentence_also_drops_its_near_duplicates_in_other_sources(news: Corpus) -> None:
    budget_sentence = next(r for r in news.sentence_refs() if r.sentence.text.startswith("The city council approved"))
    summary = summarize(
        news, SummaryRequest(budget=Budget(ratio=1.0), excludes=frozenset({budget_sentence.sentence.id}))
    )
    assert not any("$12m for public transport" in s.text for s in summary.sentences)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("words", [1, 8, 15, 23, 40, 61, 90, 500])
def test_a_word_budget_is_never_exceeded(news: Corpus, algorithm: str, words: int) -> None:
    summary = summarize(news, SummaryRequest(budget=Budget(words=words), algorithm=algorithm))
    assert sum(len(s.text.split()) for s in summary.sentences) <= words


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_a_word_budget_is_filled_until_nothing_else_fits(news: Corpus, algorithm: str) -> None:
    summary = summarize(news, SummaryRequest(budget=Budget(words=60), algorithm=algorithm))
    chosen = [s.text for s in summary.sentences]
    used = sum(len(t.split()) for t in chosen)
    left = [
        r.sentence.text
        for r in news.sentence_refs()
        if r.sentence.text not in chosen
        and stands_alone(r.sentence.text)
        and not any(are_near_duplicates(r.sentence.text, t) for t in chosen)
    ]
    assert chosen
    assert all(used + len(t.split()) > 60 for t in left)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("n", [1, 2, 5, 8])
def test_a_sentence_budget_is_exact_when_enough_sentences_exist(news: Corpus, algorithm: str, n: int) -> None:
    summary = summarize(news, SummaryRequest(budget=Budget(sentences=n), algorithm=algorithm))
    assert len(summary.sentences) == n


def test_a_sentence_budget_larger_than_the_text_gives_every_distinct_sentence(news: Corpus) -> None:
    summary = summarize(news, SummaryRequest(budget=Budget(sentences=100)))
    total = len(all_sentence_ids(news))
    assert 0 < len(summary.sentences) < total  # the shared sentences come once
    texts = [s.text for s in summary.sentences]
    for a, b in itertools.combinations(texts, 2):
        assert not are_near_duplicates(a, b)


def test_a_ratio_budget_is_a_share_of_the_selected_words(news: Corpus) -> None:
    total = sum(len(r.sentence.text.split()) for r in news.sentence_refs())
    summary = summarize(news, SummaryRequest(budget=Budget(ratio=0.3)))
    assert 0 < sum(len(s.text.split()) for s in summary.sentences) <= 0.3 * total


REPEATS = [
    "Storm Ciara brought winds of 90mph to the west coast on Sunday, closing roads and bridges.",
    "Storm Ciara brought winds of 90mph to the west coast on Sunday, closing bridges and roads.",
    "On Sunday Storm Ciara brought winds of 90mph to the west coast, closing roads and bridges.",
    "Thousands of homes lost power as Storm Ciara brought winds of 90mph to the west coast.",
    "Trains were cancelled across the region and flights were delayed at the main airport.",
    "Trains were cancelled across the whole region and flights were delayed at the main airport.",
    "Forecasters expect calmer weather by Wednesday.",
]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_no_two_sentences_of_a_summary_are_near_duplicates(algorithm: str) -> None:
    corpus = make_corpus(("storm.txt", [" ".join(REPEATS)]), ("wire.txt", [" ".join(reversed(REPEATS))]))
    summary = summarize(corpus, SummaryRequest(budget=Budget(sentences=6), algorithm=algorithm))
    texts = [s.text for s in summary.sentences]
    assert len(texts) >= 3
    for a, b in itertools.combinations(texts, 2):
        assert not are_near_duplicates(a, b), (a, b)


def test_a_sentence_shared_by_two_sources_is_kept_once_and_cites_both(news: Corpus) -> None:
    summary = summarize(news, SummaryRequest(budget=Budget(ratio=1.0)))
    shared = [s for s in summary.sentences if "$12m for public transport" in s.text]
    assert len(shared) == 1
    assert {c.source for c in shared[0].citations} == {src.id for src in news.sources}
    assert shared[0].citations[0].sentence == shared[0].id


def test_output_follows_brief_order_then_source_order(news: Corpus) -> None:
    a, b = news.sources
    reaction = a.articles[0].sections[1].id
    selection = (reaction, b.id)
    summary = summarize(news, SummaryRequest(selection=selection, budget=Budget(ratio=1.0)))
    sections = [s.section for s in summary.sentences]
    order = [reaction, *[sec.id for sec in b.sections]]
    assert sections == sorted(sections, key=order.index)
    assert set(sections) <= set(order)
    for sec_id in set(sections):
        starts = [s.citations[0].start for s in summary.sentences if s.section == sec_id]
        assert starts == sorted(starts)


def test_nothing_selected_means_everything(news: Corpus) -> None:
    whole = summarize(news, SummaryRequest(budget=Budget(ratio=1.0)))
    explicit = summarize(news, SummaryRequest(selection=tuple(s.id for s in news.sources), budget=Budget(ratio=1.0)))
    assert whole == explicit


def test_a_selection_limits_the_candidates(news: Corpus) -> None:
    b = news.sources[1]
    summary = summarize(news, SummaryRequest(selection=(b.id,), budget=Budget(sentences=3)))
    assert {s.citations[0].source for s in summary.sentences} == {b.id}


def test_a_pin_outside_the_selection_is_still_included(news: Corpus) -> None:
    a, b = news.sources
    pin = a.articles[0].sections[1].sentences[0].id
    summary = summarize(news, SummaryRequest(selection=(b.id,), budget=Budget(sentences=2), pins=frozenset({pin})))
    assert pin in ids_of(summary)
    assert ids_of(summary)[-1] == pin  # its section comes after the selected ones


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_the_same_input_gives_the_same_output(news: Corpus, algorithm: str) -> None:
    from tests.summarize.conftest import NEWS_A, NEWS_B

    request = SummaryRequest(budget=Budget(words=70), algorithm=algorithm, per_section=Budget(sentences=1))
    first = summarize(news, request)
    again = summarize(make_corpus(("a.txt", NEWS_A), ("b.txt", NEWS_B)), request)
    assert first == again


def test_sources_compete_for_one_budget(news: Corpus) -> None:
    summary = summarize(news, SummaryRequest(budget=Budget(sentences=5)))
    assert len({c.source for s in summary.sentences for c in s.citations}) == 2


def test_per_section_summaries(news: Corpus) -> None:
    summary = summarize(news, SummaryRequest(budget=Budget(sentences=2), per_section=Budget(words=25)))
    assert list(summary.by_section) == [sec.id for _, _, sec in news.sections()]
    for section_id, sentences in summary.by_section.items():
        assert sum(len(s.text.split()) for s in sentences) <= 25
        assert all(s.section == section_id for s in sentences)
    assert any(summary.by_section.values())
    assert set(summary.section_keyphrases) == set(summary.by_section)


def test_key_phrases_and_key_figures(news: Corpus) -> None:
    summary = summarize(news, SummaryRequest(budget=Budget(sentences=3)))
    assert any("electric buses" in p.lower() for p in summary.keyphrases)
    assert summary.key_figures
    assert all(any(ch.isdigit() for ch in s.text) for s in summary.key_figures)
    assert len(summary.key_figures) <= SummaryRequest().max_key_figures
    assert_verbatim_and_cited(news, summary)


@pytest.mark.parametrize(
    ("request_kwargs", "message"),
    [
        ({"selection": ("nope",)}, "unknown id in the selection: 'nope'"),
        ({"pins": frozenset({"deadbeef.a1.s1.t9"})}, "unknown sentence id to be pinned"),
        ({"excludes": frozenset({"x"})}, "unknown sentence id to be excluded: 'x'"),
        ({"algorithm": "magic"}, "unknown summarisation algorithm 'magic'"),
        ({"budget": Budget(sentences=0)}, "from 1 to 10,000, got 0"),
        ({"budget": Budget(words=-3)}, "from 1 to 1,000,000, got -3"),
        ({"budget": Budget(pages=2)}, "briefs only"),
        ({"budget": Budget(sentences=10**9)}, "from 1 to 10,000"),
        ({"budget": Budget(ratio=1.5)}, "ratio"),
        ({"budget": Budget()}, "exactly one"),
        ({"budget": Budget(sentences=2, words=4)}, "exactly one"),
    ],
)
def test_bad_requests_are_input_errors(news: Corpus, request_kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace("$", r"\$")):
        summarize(news, SummaryRequest(**request_kwargs))  # type: ignore[arg-type]


def test_ids_of_the_wrong_kind_are_input_errors(news: Corpus) -> None:
    section = news.sources[0].articles[0].sections[0]
    with pytest.raises(InputError, match="not a sentence id"):
        summarize(news, SummaryRequest(pins=frozenset({section.id})))
    with pytest.raises(InputError, match="is a sentence id"):
        summarize(news, SummaryRequest(selection=(section.sentences[0].id,)))
    sid = section.sentences[0].id
    with pytest.raises(InputError, match="both pinned and excluded"):
        summarize(news, SummaryRequest(pins=frozenset({sid}), excludes=frozenset({sid})))


def test_empty_corpus_gives_an_empty_summary() -> None:
    summary = summarize(Corpus([]), SummaryRequest())
    assert summary.sentences == () and summary.keyphrases == () and summary.key_figures == ()


def test_progress_is_reported_and_cancel_stops(news: Corpus) -> None:
    seen: list[tuple[int, int, str]] = []
    summarize(news, SummaryRequest(), progress=lambda d, t, m: seen.append((d, t, m)))
    assert seen and seen[-1][0] == seen[-1][1]
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        summarize(news, SummaryRequest(), cancel=token)


def test_section_key_phrases_can_be_skipped(news: Corpus) -> None:
    summary = summarize(news, SummaryRequest(per_section_keyphrases=False))
    assert summary.section_keyphrases == {}
    assert summary.keyphrases


def test_pins_beyond_the_budget_are_all_kept_and_nothing_else(news: Corpus) -> None:
    pins = frozenset(all_sentence_ids(news)[:3])
    summary = summarize(news, SummaryRequest(budget=Budget(words=5), pins=pins))
    assert set(ids_of(summary)) == pins
    assert all(s.pinned for s in summary.sentences)
    summary = summarize(news, SummaryRequest(budget=Budget(sentences=2), pins=pins))
    assert set(ids_of(summary)) == pins
