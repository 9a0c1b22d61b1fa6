"""Budgets, the registry, key phrases and key figures on their own."""

from __future__ import annotations

import pytest

from briefgen.errors import InputError
from briefgen.summarize.api import Budget
from briefgen.summarize.budgets import Limits, limits_for
from briefgen.summarize.key_figures import figure_strength
from briefgen.summarize.keyphrases import candidate_phrases, keyphrases
from briefgen.summarize.registry import DEFAULT_ALGORITHM, algorithm_names, get_algorithm, resolve_name


def test_limits() -> None:
    assert limits_for(Budget(sentences=3), 100) == Limits(sentences=3)
    assert limits_for(Budget(words=40), 100) == Limits(words=40)
    assert limits_for(Budget(ratio=0.25), 101) == Limits(words=25)
    assert limits_for(Budget(ratio=1.0), 7) == Limits(words=7)
    with pytest.raises(InputError):
        limits_for(Budget(ratio=0.0), 10)
    with pytest.raises(InputError):
        limits_for(Budget(sentences=True), 10)


def test_registry() -> None:
    assert {"textrank", "coverage", "lead"} <= set(algorithm_names())
    assert resolve_name("default") == DEFAULT_ALGORITHM
    assert resolve_name(" TextRank ") == "textrank"
    for name in algorithm_names():
        algorithm = get_algorithm(name)
        assert algorithm.name == name and algorithm.description
    with pytest.raises(InputError, match="choose from"):
        get_algorithm("nope")


def test_candidate_phrases_break_at_stop_words_punctuation_and_titles() -> None:
    phrases = list(candidate_phrases("Mr Kim Jong-un’s missile tests, and UN sanctions in 2017."))
    assert ("Kim", "Jong-un") in phrases
    assert ("missile", "tests") in phrases
    assert ("UN", "sanctions") in phrases
    assert not any("Mr" in p for p in phrases)


def test_keyphrases_prefer_repeated_phrases_and_merge_inflections() -> None:
    texts = [
        "North Korea tested a missile.",
        "The UN imposed new sanctions on North Korea.",
        "China backed the UN sanction on North Korea.",
        "Analysts doubt the new sanctions will work.",
    ]
    phrases = keyphrases(texts, 3)
    assert phrases[0] == "North Korea"
    assert len(phrases) <= 3
    assert sum(p.lower() in ("un sanctions", "un sanction") for p in phrases) <= 1
    assert "Korea" not in phrases  # part of a better phrase
    assert keyphrases(texts, 0) == ()


@pytest.mark.parametrize(
    ("text", "strength"),
    [
        ("Profits jumped 76% to $1.13bn.", 1.0),
        ("It lost 464,000 subscribers.", 1.0),
        ("Fares will rise by five per cent, or 5 per cent.", 1.0),
        ("The buses arrive on 16 June.", 0.6),
        ("The buses arrive in March 2025.", 0.6),
        ("It was founded in 1961.", 0.4),
        ("The country may have many bombs.", 0.0),
        ("Nothing to see here.", 0.0),
    ],
)
def test_figure_strength(text: str, strength: float) -> None:
    assert figure_strength(text) == strength


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("The council approved the budget on Monday.", True),
        ("The stated objectives of the policy are to:", False),
        ("Will the new approach be effective in the end?", False),
        ("“Is this the end of the line?” she asked the minister.", True),
        ("You heard that pledge.", False),
    ],
)
def test_stands_alone(text: str, alone: bool) -> None:
    from briefgen.summarize.standalone import stands_alone

    assert stands_alone(text) is alone
