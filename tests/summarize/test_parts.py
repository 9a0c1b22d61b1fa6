"""Budgets, the registry, key phrases and key figures on their own."""

from __future__ import annotations

import pytest

from briefgen.errors import InputError
from briefgen.summarize.api import Budget
from briefgen.summarize.budgets import Limits, limits_for
from briefgen.summarize.keyphrases import candidate_phrases, keyphrases, sentence_phrases, top_phrases
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


NORTH_KOREA = [
    "The UN imposed new sanctions on North Korea.",
    "The North says it will not give up its weapons.",
    "Talks with the North have stalled.",
    "Aid to the North was cut.",
    "Diplomats based in Pyongyang are worried.",
    "Officials in Pyongyang said so.",
]


def test_a_common_word_capitalised_as_a_name_is_no_key_phrase() -> None:
    phrases = keyphrases(NORTH_KOREA, 10)
    assert "North" not in phrases  # always capitalised here, but "north" is a common word
    assert "Pyongyang" in phrases  # a name of its own


KIM = [
    "Officials close to Kim said so.",
    "Talks with Kim are off.",
    "A letter from Kim was read out.",
    "Leader Kim Jong-un visited troops near the border.",
    "State media showed Kim Jong-un inspecting missile launchers.",
    "Analysts watch Kim Jong-un closely.",
    "Seoul blamed Kim Jong-un for the launch.",
]


def test_the_first_word_of_a_more_frequent_name_is_no_key_phrase() -> None:
    assert "Kim" not in keyphrases(KIM, 10)  # "Kim Jong-un" (4, in runs too long to be phrases) beats "Kim" (3)
    assert "Kim" in keyphrases(KIM[:3] + KIM[5:], 10)  # now "Kim" alone is the more frequent


def test_a_lone_word_is_a_key_phrase_only_when_it_is_a_name() -> None:
    texts = [
        "Budget cuts hit schools.",
        "Budget talks resumed in Brussels.",
        "The budget was approved by the council.",
        "It was a deal, and a deal is a deal.",
        "Officials in Brussels were pleased with the deal.",
        "Analysts in Brussels are doubtful.",
        "Ministers met on Monday, and again on Monday.",
    ]
    phrases = keyphrases(texts, 10)
    assert "Brussels" in phrases  # capitalised mid-sentence, never in lower case
    assert "Budget" not in phrases and "budget" not in phrases  # also written in lower case
    assert "deal" not in phrases  # a lone common word, however frequent
    assert "Monday" not in phrases  # a weekday is not what a story is about


def test_a_word_capitalised_only_at_the_start_of_sentences_is_no_name() -> None:
    texts = [
        "Flooding closed the coast road.",
        "Flooding, once again, hit farms inland.",
        "Flooding is expected again next week.",
        "Rescue teams came from Eastmouth.",
        "Crews from Eastmouth were there.",
    ]
    phrases = keyphrases(texts, 10)
    assert "Flooding" not in phrases
    assert "Eastmouth" in phrases
    # the same through the engine's two-step API
    assert top_phrases(map(sentence_phrases, texts), 10) == phrases


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
