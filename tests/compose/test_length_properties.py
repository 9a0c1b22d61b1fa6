"""The whole brief obeys its one length, over random corpora and every built-in template.

Properties, for word, sentence and ratio budgets:

- a word budget is never exceeded; when it is not met, no unused ranked sentence would still have fitted;
- a sentence budget is met exactly whenever enough usable sentences exist;
- no unpinned sentence is a question; a sentence that leans on the one before it stands right after it, in the
  same part; no section heading appears twice; every sentence is verbatim and cited.
"""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.brief import Brief, PartKind
from briefgen.build import BuildResult, build_brief
from briefgen.compose import BriefDetails
from briefgen.corpus import Corpus
from briefgen.ingest import source_from_text
from briefgen.summarize.api import Budget
from briefgen.summarize.standalone import is_question, leans_on_previous
from briefgen.templates.builtins import builtin_templates

NAMES = ["The council", "Ms Adeyemi", "The harbour board", "Engineers", "The minister", "Local traders", "Insurers"]
VERBS = ["approved", "rejected", "questioned", "welcomed", "delayed", "costed", "reviewed", "funded"]
THINGS = ["the tidal barrier", "the new bypass", "a flood levy", "the school budget", "the rail link", "the grant"]
TAILS = ["on Tuesday night", "after a long debate", "for the third time", "despite protests", "within a year"]
OPENERS = ["However, ", "But ", "That ", "He said ", "They added that ", "Meanwhile, "]
HEADINGS = ["Costs", "Risks", "Outlook", "Summary", "Who pays?", "Background"]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["plain", "plain", "plain", "number", "leaning", "question"]))
    who, verb, thing, tail = (draw(st.sampled_from(xs)) for xs in (NAMES, VERBS, THINGS, TAILS))
    if kind == "question":
        return f"Will {who.lower()} ever pay for {thing} {tail}?"
    if kind == "number":
        n = draw(st.integers(2, 90_000))
        return f"{who} {verb} {thing}, costing £{n:,}m {tail}."
    if kind == "leaning":
        return f"{draw(st.sampled_from(OPENERS))}{thing} was {verb} {tail} by {who.lower()}."
    return f"{who} {verb} {thing} {tail}."


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    sources = []
    for s in range(draw(st.integers(1, 3))):
        lines = [f"# Report {s + 1} on the harbour and the town", ""]
        for h in draw(st.lists(st.sampled_from(HEADINGS), min_size=1, max_size=3, unique=True)):
            lines += [f"## {h}", ""]
            lines += [" ".join(draw(st.lists(sentences(), min_size=1, max_size=8))), ""]
        sources.append(source_from_text("\n".join(lines), f"s{s}.md", "markdown"))
    return Corpus(sources)


TEMPLATES = sorted(builtin_templates())
DAY = dt.date(2025, 1, 1)
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def build(corpus: Corpus, template: str, budget: Budget) -> BuildResult:
    return build_brief(corpus, template, budget=budget, details=BriefDetails(day=DAY))


def check_reading(corpus: Corpus, brief: Brief) -> None:
    headings = [p.heading.casefold() for p in brief.parts if p.kind == PartKind.SECTION]
    assert len(headings) == len(set(headings)), headings
    for part in brief.parts:
        for i, s in enumerate(part.sentences):
            first = s.citations[0]
            assert corpus.section(first.section).text[first.start : first.end] == s.text
            assert not is_question(s.text), s.text
            if leans_on_previous(s.text):
                ref = corpus.sentence(s.id)
                siblings = [x.id for x in ref.section.sentences]
                before = siblings[siblings.index(s.id) - 1] if siblings.index(s.id) > 0 else None
                assert i > 0 and before is not None, f"leaning sentence alone: {s.text}"
                shown = part.sentences[i - 1]
                assert before in {shown.id, *(c.sentence for c in shown.citations)}, s.text


def unused_fitting(result: BuildResult, room: int) -> list[str]:
    """Ranked sentences not in the brief that stand alone and would still fit in *room* words."""
    placed = {c.sentence for s in result.brief.sentences() for c in s.citations}
    return [
        s.text
        for s in result.summary.sentences
        if s.id not in placed
        and not {c.sentence for c in s.citations} & placed
        and not leans_on_previous(s.text)
        and len(s.text.split()) <= room
    ]


@FAST
@given(corpora(), st.sampled_from(TEMPLATES), st.integers(20, 400))
def test_a_word_budget_is_never_exceeded_and_filled_as_far_as_sentences_allow(
    corpus: Corpus, template: str, words: int
) -> None:
    result = build(corpus, template, Budget(words=words))
    delivered = result.brief.word_count()
    assert delivered <= words
    check_reading(corpus, result.brief)
    if delivered < words:
        assert not unused_fitting(result, words - delivered), "a ranked sentence would still have fitted"


@FAST
@given(corpora(), st.sampled_from(TEMPLATES), st.integers(1, 25))
def test_a_sentence_budget_is_met_exactly_when_enough_sentences_exist(corpus: Corpus, template: str, n: int) -> None:
    result = build(corpus, template, Budget(sentences=n))
    delivered = len(result.brief.sentences())
    assert delivered <= n
    check_reading(corpus, result.brief)
    if delivered < n:
        assert not unused_fitting(result, 10_000), "a usable ranked sentence was left out below the budget"


@FAST
@given(corpora(), st.sampled_from(TEMPLATES), st.floats(0.05, 1.0))
def test_a_ratio_is_a_share_of_the_selected_words(corpus: Corpus, template: str, ratio: float) -> None:
    result = build(corpus, template, Budget(ratio=ratio))
    total = sum(len(ref.sentence.text.split()) for ref in corpus.sentence_refs())
    assert result.brief.word_count() <= math.floor(ratio * total + 1e-9)
    check_reading(corpus, result.brief)
