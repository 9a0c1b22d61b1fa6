"""Near-duplicate groups: small edits group together, different sentences do not."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.summarize.duplicates import are_near_duplicates, duplicate_groups, jaccard, word_set

TRUMP_A = (
    "Secretary of State Rex Tillerson and other senior Trump administration officials have stressed the importance "
    "of diplomacy, and even Mr Trump has in the past offered to talk to Mr Kim, but there are no signs that the "
    "North Koreans are open to dialogue."
)
TRUMP_B = (
    "Secretary of State Rex Tillerson and other senior Trump administration officials have stressed the importance "
    "of diplomacy, and even Trump has in the past offered to talk to Kim, but there are no signs that the "
    "North Koreans are open to dialogue."
)


def test_small_edits_are_near_duplicates() -> None:
    assert are_near_duplicates(TRUMP_A, TRUMP_B)
    assert are_near_duplicates(
        "Recent informal track two level talks were held.", "Recent informal track-two level talks were held."
    )
    assert are_near_duplicates("He said ‘fire and fury’ twice today.", "He said “fire and fury” twice today.")


def test_different_sentences_are_not() -> None:
    assert not are_near_duplicates(TRUMP_A, "The North Korean military has threatened to test fire four missiles.")
    assert not are_near_duplicates("He said no to the plan.", "She said yes to the plan.")


def test_short_sentences_must_match_exactly() -> None:
    assert are_near_duplicates("Why?", "Why?")
    assert not are_near_duplicates("Why?", "Why not?")
    assert not are_near_duplicates("—", "*")


def test_groups_point_at_their_first_member() -> None:
    texts = [TRUMP_A, "Something else entirely happened here today.", TRUMP_B, "Why?", "Why?"]
    assert duplicate_groups(texts) == [0, 1, 0, 3, 3]


SENTENCE = st.lists(
    st.sampled_from(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"]), min_size=1, max_size=9
).map(" ".join)


@settings(max_examples=80, deadline=None)
@given(st.lists(SENTENCE, max_size=25))
def test_groups_are_closed_and_leaders_are_never_near_duplicates(texts: list[str]) -> None:
    groups = duplicate_groups(texts)
    for i, j in itertools.combinations(range(len(texts)), 2):
        if are_near_duplicates(texts[i], texts[j]):
            assert groups[i] == groups[j]  # prefix filtering misses no pair
    leaders = sorted(set(groups))
    for i, j in itertools.combinations(leaders, 2):
        assert not are_near_duplicates(texts[i], texts[j])
    assert all(groups[g] == g and g <= i for i, g in enumerate(groups))


def test_word_sets_ignore_case_hyphens_and_apostrophes() -> None:
    assert word_set("Kim Jong-un’s TALKS") == word_set("kim jong un's talks")
    assert jaccard(frozenset("ab"), frozenset("bc")) == 1 / 3


def test_sentences_that_differ_in_a_number_or_a_negation_are_different_facts() -> None:
    base = "The council said on Monday that bus fares in the city would rise by 5% next year."
    assert not are_near_duplicates(base, base.replace("5%", "6%"))
    assert not are_near_duplicates(base, base.replace("would rise", "would not rise"))
    assert not are_near_duplicates(base, base.replace("would rise", "wouldn't rise"))
    assert are_near_duplicates(base, base.replace("The council said", "The council announced"))
    assert duplicate_groups([base, base.replace("5%", "6%")]) == [0, 1]


def test_text_of_common_words_only_takes_the_minhash_path_and_still_groups_edits() -> None:
    """A tiny vocabulary makes exact prefix filtering quadratic; MinHash candidates keep the planted copies."""
    import random

    from briefgen.summarize import duplicates

    rng = random.Random(5)
    words = [f"w{n}" for n in range(20)]
    texts = [" ".join(rng.choices(words, k=12)) + "." for _ in range(3000)]
    planted = "Rare zebra quartz violin marmalade orchestra lantern harbour compass meadow."
    texts[100] = planted
    texts[2500] = planted.replace("lantern", "candle")  # 9 of 11 words shared: Jaccard 0.82
    sets = list({duplicates.word_set(t): None for t in texts})
    cost = duplicates._prefix_cost(duplicates._prefixes(sets))
    assert cost > duplicates._PREFIX_BUDGET_BASE + duplicates._PREFIX_BUDGET_PER_SET * len(sets)
    groups = duplicate_groups(texts)
    assert groups[2500] == groups[100] == 100
    assert all(g <= i for i, g in enumerate(groups))


def test_the_minhash_path_finds_the_groups_exact_search_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen.summarize import duplicates

    texts = [TRUMP_A, TRUMP_B, "Something else entirely happened here today.", "Why?", "Why?"]
    texts += [f"Council members met on day {n} to discuss the harbour and the new ferry timetable." for n in range(9)]
    texts += ["The harbour master said the new ferry timetable would start in the spring, officials confirmed."]
    texts += ["The harbour master said that the new ferry timetable would start in the spring, officials confirmed."]
    exact = duplicate_groups(texts)
    monkeypatch.setattr(duplicates, "_PREFIX_BUDGET_BASE", -1)  # force MinHash candidates
    assert duplicate_groups(texts) == exact
