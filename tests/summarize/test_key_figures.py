"""Key figures: which spans are quantities, how strong a sentence is, and what the summary's key figures are."""

from __future__ import annotations

import pytest

from briefgen.summarize import SummaryRequest, summarize
from briefgen.summarize.key_figures import figure_strength, quantity_spans
from tests.summarize.conftest import make_corpus


def shown(text: str) -> list[str]:
    return [text[start:end] for start, end in quantity_spans(text)]


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        # counts: a number and the noun it counts
        ("Pyongyang notes the 28,000 troops in South Korea.", ["28,000 troops"]),
        ("The country may have as many as 60 nuclear bombs (a figure disputed by some).", ["60 nuclear bombs"]),
        ("During a 2016 visit, approximately 30 bilateral agreements were signed.", ["30 bilateral agreements"]),
        ("It lost 464,000 subscribers.", ["464,000 subscribers"]),
        ("The population grew by 12,500.", ["12,500"]),
        ("Between 10-15 people were hurt.", ["10-15 people"]),
        ("Officials unveiled a 10-point plan.", ["10-point plan"]),
        ("Thousands of people marched.", ["Thousands of people"]),
        ("Some three million voters stayed home.", ["three million voters"]),
        # money
        ("The council spent £412m on the barrier.", ["£412m"]),
        ("Profits jumped 76% to $10.9bn.", ["76%", "$10.9bn"]),
        ("It cost €3 million, and tickets were 5 dollars.", ["€3 million", "5 dollars"]),
        ("The firm signed US$5bn of deals.", ["US$5bn"]),
        ("A coffee now costs 50p more.", ["50p"]),
        # percentages
        ("Fares rose 12 per cent, or 3.5 percent in real terms.", ["12 per cent", "3.5 percent"]),
        ("Fares will rise by five per cent.", ["five per cent"]),
        ("In June 40% of voters agreed.", ["40%"]),
        ("A December 2016 poll found that 75 per cent approved.", ["75 per cent"]),
        # magnitudes
        ("About 3 million people live there.", ["3 million people"]),
        ("Revenue reached 1.13bn.", ["1.13bn"]),
        # rates
        ("The rate is 2.5 per 1,000 births.", ["2.5 per 1,000 births"]),
        ("Staff earn £5 an hour.", ["£5 an hour"]),
        ("Cars may drive at 30 km/h.", ["30 km/h"]),
        # measures
        ("The wall is 12 miles long and weighs 5 tonnes.", ["12 miles", "5 tonnes"]),
        ("The firm built a 400MW plant.", ["400MW"]),
        ("Temperatures reached 35 °C.", ["35 °C"]),
        ("A 45-year-old man was hurt.", ["45-year-old"]),
        # not quantities
        ("On 16 June, President Donald Trump announced a change.", []),
        ("Its tests of 4 and 28 July worried Tokyo.", []),
        ("The report came out on August 12, 2017.", []),
        ("The North's nuclear aspirations date from the 1960s.", []),
        ("The 1950-53 Korean War is used to depict the United States as an adversary.", []),
        ("It was founded in 1961.", []),
        ("It was the 2016 election that changed it.", []),
        ("We met at 10:30 and left at 3pm.", []),
        ("The bus leaves at 7 a.m. sharp.", []),
        ("It happened on the 4th.", []),
        ("The deadline is 16/06/2017.", []),
        ("Article 5 commitments apply.", []),
        ("Section 3.2 says so, as does page 12.", []),
        ("The Boeing 747 jets flew again.", []),
        ("Veterans of the Brigade 2506 Veterans Association met.", []),
        ("Covid-19 cases rose among G20 members.", []),
        ("Call 020 7946 0958 for details.", []),
        ("See https://example.com/2017/06/300-people for details.", []),
        ("She was aged 45.", []),
        ("The North tested two missiles.", []),
        ("The team won 3-2 on Sunday.", []),
    ],
)
def test_quantity_spans(text: str, quantities: list[str]) -> None:
    assert shown(text) == quantities


def test_spans_point_into_the_text() -> None:
    text = "With 28,000 troops and £412m, it is strong."
    spans = quantity_spans(text)
    assert spans == ((5, 18), (23, 28))
    assert all(text[a:b].strip() == text[a:b] for a, b in spans)


@pytest.mark.parametrize(
    "text",
    [
        "Remarks by President Trump on the Policy of the United States Towards Cuba 16 June 2017, "
        "Manuel Artime Theater, Miami, Florida, US.",
        "Remarks by the President on Policy 16 June 2017, Theatre Name, City, Country.",
        "Source: BBC, August 12, 2017.",
        "Annual Report 2023: £412m Budget, Eastmouth Council, Eastmouth, UK.",
        "Nothing to see here.",
        "The buses arrive on 16 June.",
        "The buses arrive in March 2025.",
        "The country may have many bombs.",
    ],
)
def test_no_strength_without_a_quantity_or_for_reference_lines(text: str) -> None:
    assert figure_strength(text) == 0.0


def test_strength_is_higher_for_money_percentages_and_large_counts() -> None:
    money = figure_strength("The council spent £412m on the barrier.")
    percent = figure_strength("Fares rose by 12 per cent.")
    large = figure_strength("It lost 464,000 subscribers.")
    count = figure_strength("The country may have 60 nuclear bombs.")
    small = figure_strength("The army fired 4 missiles.")
    duration = figure_strength("The talks lasted 3 days.")
    assert money == percent == 1.0
    assert 1.0 >= large > count > small > duration > 0.0
    assert figure_strength("Profits jumped 76% to $1.13bn.") == 1.0
    assert 0.0 < figure_strength("Population: 3 million people, half of them in cities.") <= 1.0  # a fact box line


FILLER = [
    "The council met on 3 March 2024 to discuss the sea wall at Eastmouth.",
    "The sea wall at Eastmouth was discussed by the council again on 17 March 2024.",
    "The council said in 2023 that the sea wall at Eastmouth needed repair.",
    "Residents of Eastmouth asked the council about the sea wall in June 2023.",
    "In 2022 the council first looked at the sea wall at Eastmouth.",
    "The council and residents agree that the sea wall at Eastmouth matters, as they did in 2021.",
]
FIGURES = [
    "Engineers found 120 cracks along the promenade.",
    "Insurers expect claims of £4m after storms.",
    "Gulls nest on 15 per cent of harbour roofs.",
]


def test_key_figures_fill_the_count_with_quantities_even_when_they_are_not_the_most_relevant() -> None:
    corpus = make_corpus(("wall.txt", [" ".join(FILLER[:3])]), ("more.txt", [" ".join(FILLER[3:] + FIGURES)]))
    summary = summarize(corpus, SummaryRequest(max_key_figures=3))
    assert sorted(s.text for s in summary.key_figures) == sorted(FIGURES)
    assert all(quantity_spans(s.text) for s in summary.key_figures)
    scores = [s.score for s in summary.key_figures]
    assert max(scores) < max(s.score for s in summary.sentences)  # less relevant than the summary's best
    fewer = summarize(corpus, SummaryRequest(max_key_figures=2)).key_figures
    assert len(fewer) == 2 and {s.text for s in fewer} <= set(FIGURES)
    more = summarize(corpus, SummaryRequest(max_key_figures=10)).key_figures
    assert sorted(s.text for s in more) == sorted(FIGURES)  # only sentences with quantities, however many asked


def test_key_figures_are_ranked_by_relevance_times_strength() -> None:
    corpus = make_corpus(("wall.txt", [" ".join(FILLER + FIGURES)]))
    summary = summarize(corpus, SummaryRequest(max_key_figures=3))
    weighted = [s.score * (0.5 + 0.5 * figure_strength(s.text)) for s in summary.key_figures]
    assert weighted == sorted(weighted, reverse=True)
