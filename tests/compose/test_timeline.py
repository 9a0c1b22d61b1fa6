"""The timeline: dated events in date order, each dated as written or resolved against its article's date, and
nothing guessed where the article gives no date to resolve against."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.brief import PartKind
from briefgen.build import build_brief
from briefgen.compose import BriefDetails
from briefgen.compose.timeline import date_label, date_mentions, event_date, timeline_units
from briefgen.corpus import Corpus
from briefgen.ingest import source_from_text
from briefgen.summarize.api import Budget, Summary
from briefgen.templates.validate import template_from_dict

THURSDAY = (2024, 3, 7)

DATED = """# Troops massed on the northern border

Published: 2024-03-07

The defence ministry said on Tuesday that the convoys had reached the northern border region.
Opposition leaders demanded a parliamentary debate on the deployment yesterday.
Talks between the two governments broke down in January after a dispute over water rights.
The first units reached the border crossing on 16 February 2024, according to local officials.
Farmers in the valley say the harvest was already poor last year because of the drought.
The treaty that governs the river was signed in 1998 by both countries.
Ministers will meet the mediators in Geneva on Monday to discuss a ceasefire.
Officials have made steady progress in the last year in mapping the contested valley.
Will the talks resume before the harvest is lost?
"""

UNDATED = """# Notes from the valley

Villagers said the soldiers arrived on Friday without warning at the edge of town.
Local traders expect prices to rise sharply next month as the roads stay closed.
The old bridge over the river was opened on 3 May 1999 by the regional governor.
"""


def corpus() -> Corpus:
    return Corpus([source_from_text(DATED, "a.md", "markdown"), source_from_text(UNDATED, "c.md", "markdown")])


def entries(c: Corpus) -> dict[str, tuple[str | None, tuple[int, ...]]]:
    """Sentence text (its first words) -> (label, order) of every timeline candidate."""
    units = timeline_units(c, Summary("test", ()), [s.id for _, _, s in c.sections()])
    return {" ".join(u.sentences[0].text.split()[:3]): (u.label(0), u.order) for u in units}


def test_absolute_and_relative_dates_are_placed_against_the_article_s_date() -> None:
    found = entries(corpus())
    assert found == {
        "The defence ministry": ("5 March 2024", (2024, 3, 5)),  # the Tuesday before Thursday 7 March
        "Opposition leaders demanded": ("6 March 2024", (2024, 3, 6)),
        "Talks between the": ("January 2024", (2024, 1, 0)),
        "The first units": ("16 February 2024", (2024, 2, 16)),
        "Farmers in the": ("2023", (2023, 0, 0)),
        "The treaty that": ("1998", (1998, 0, 0)),
        "Ministers will meet": ("11 March 2024", (2024, 3, 11)),  # the future: the Monday after
        "The old bridge": ("3 May 1999", (1999, 5, 3)),  # absolute: placed without the article's date
    }


def test_relative_dates_of_an_undated_article_are_left_out() -> None:
    found = entries(corpus())
    assert not any(key.startswith(("Villagers", "Local traders")) for key in found)
    assert "Officials have made" not in found  # "in the last year" is a span of time, not last year
    assert "Will the talks" not in found  # a question


def test_a_brief_s_timeline_is_in_date_order_with_the_dates_beside_the_sentences() -> None:
    parts = [{"type": "timeline", "count": 20}, {"type": "key_points", "count": 1}, {"type": "sources"}]
    template = template_from_dict({"schema_version": 1, "name": "t", "parts": parts}, "t.json")
    result = build_brief(corpus(), template, budget=Budget(words=2000), details=BriefDetails(day=dt.date(2025, 1, 1)))
    timeline = next(p for p in result.brief.parts if p.kind == PartKind.TIMELINE)
    labels = [s.label for s in timeline.sentences]
    assert labels == [
        "1998",
        "3 May 1999",
        "2023",
        "January 2024",
        "16 February 2024",
        "5 March 2024",
        "6 March 2024",
        "11 March 2024",
    ]
    for sentence in timeline.sentences:
        ref = result.corpus.sentence(sentence.id)
        assert sentence.text == ref.sentence.text and sentence.citations[0] == ref.citation()


@pytest.mark.parametrize(
    ("text", "anchor", "label"),
    [
        ("It was agreed on June 16, 2017 in Brussels.", None, "16 June 2017"),
        ("It was agreed on the 16th of June, 2017.", None, "16 June 2017"),
        ("The survey was carried out in Sept. 2016 across the region.", None, "September 2016"),
        ("The ruling came on 2017-08-01 after a long wait.", None, "1 August 2017"),
        ("Sanctions have been in place since 2006 in the north.", None, "2006"),
        ("Two missiles were tested in July.", (2017, 8, 12), "July 2017"),
        ("The deal was signed in December.", (2017, 8, 12), "December 2016"),  # the most recent December
        ("The talks will resume in September.", (2017, 8, 12), "September 2017"),
        ("The plan was announced three days ago.", (2017, 8, 12), "9 August 2017"),
        ("He said on Thursday that it will finish the plan by mid-August.", (2017, 8, 12), "10 August 2017"),
        ("The law was passed last month after a long debate.", (2017, 8, 0), "July 2017"),
    ],
)
def test_event_dates(text: str, anchor: tuple[int, int, int] | None, label: str) -> None:
    found = event_date(text, anchor)
    assert found is not None and date_label(found.when) == label


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("The missiles were tested on Thursday near the coast.", None),
        ("The missiles were tested on Thursday near the coast.", (2017, 8, 0)),  # a weekday needs the day
        ("The tests of 4 and 28 July worried the region.", None),
        ("The talks on 31 June never happened.", (2017, 8, 12)),
        ("Its nuclear aspirations date from the 1960s and the 1950-53 war.", (2017, 8, 12)),
        ("Today the country may test again in the autumn.", (2017, 8, 12)),
        ("The army increased by 2000 troops along the border.", (2017, 8, 12)),
    ],
)
def test_dates_that_cannot_be_placed_give_no_event(text: str, anchor: tuple[int, int, int] | None) -> None:
    assert event_date(text, anchor) is None


def test_a_day_and_month_without_a_year_is_kept_for_comparison_but_not_placed() -> None:
    (mention,) = date_mentions("On 16 June, the president announced a change.", None)
    assert mention.when == (0, 6, 16) and not mention.placed


def test_the_seeds_timeline(seeds_dir: Path) -> None:
    parts = [{"type": "timeline", "count": 12}, {"type": "key_points", "count": 1}, {"type": "sources"}]
    template = template_from_dict({"schema_version": 1, "name": "t", "parts": parts}, "t.json")
    seeds = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    result = build_brief(seeds, template, budget=Budget(words=1500), details=BriefDetails(day=dt.date(2025, 1, 1)))
    timeline = next(p for p in result.brief.parts if p.kind == PartKind.TIMELINE)
    dated = {s.label: s.text for s in timeline.sentences}
    # the BBC story is dated 12 August 2017 (a Saturday): "on Thursday" is the 10th, "in July" July 2017
    assert "North Korea said on Thursday" in dated["10 August 2017"]
    assert dated["July 2017"].endswith("tested two intercontinental ballistic missiles in July.")
    # the undated Cuba article's "On 16 June" is left out; its remarks line is a credit line, not an event
    assert not any(text.startswith("On 16 June") for text in dated.values())
    assert not any(text.startswith("Remarks by") for text in dated.values())
    orders = [result.corpus.sentence(s.id).position for s in timeline.sentences]
    assert len(orders) == len(set(orders))
    labels = [s.label for s in timeline.sentences]
    assert labels.index("2016") < labels.index("July 2017") < labels.index("10 August 2017")
