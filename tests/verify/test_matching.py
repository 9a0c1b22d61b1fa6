"""Finding sentences in a brief's visible text."""

from __future__ import annotations

from briefgen.verify.matching import VisibleText, best_visible_text, normalise, shown, squash


def test_normalise_evens_out_spaces_and_invisible_characters() -> None:
    assert normalise(" a\u00a0 b\n\tc\u00ad\u200bd ") == "a b cd"
    assert normalise("e\u0301") == "é"
    assert squash("a b\u00a0c") == "abc"


def test_sentences_are_found_in_order_each_place_once() -> None:
    visible = VisibleText("One fact. Another fact. One fact.")
    assert visible.find("One fact.") and visible.find("Another fact.") and visible.find("One fact.")
    assert not visible.find("One fact.")  # a third copy is not there


def test_an_earlier_place_is_used_when_the_order_differs() -> None:
    visible = VisibleText("B comes first. A comes second.")
    assert visible.find("A comes second.") and visible.find("B comes first.")


def test_a_changed_word_is_not_found() -> None:
    visible = VisibleText("The council approved the plan on Tuesday.")
    assert not visible.find("The council rejected the plan on Tuesday.")
    assert not visible.contains("The council rejected the plan on Tuesday.")


def test_only_text_without_reliable_spaces_is_matched_without_spaces() -> None:
    assert VisibleText("The harbourplan was approved.", spaced=False).find("The harbour plan was approved.")
    assert not VisibleText("The harbourplan was approved.").find("The harbour plan was approved.")


def test_the_most_selective_text_with_the_most_sentences_is_chosen() -> None:
    sentences = ["The first sentence runs on.", "A second one."]
    texts = ["Title", "Title The first sentence runs Page 1 of 2 HEADER on. A second one.",
             "Title The first sentence runs on. A second one.", "All of it"]  # fmt: skip
    best = best_visible_text([texts[0], texts[2], texts[1], texts[3]], sentences, spaced=False)
    assert all(best.find(s) for s in sentences)
    assert not best_visible_text([texts[1]], sentences, spaced=False).find(sentences[0])


def test_shown_cuts_long_text() -> None:
    assert shown("short  text") == "short text"
    assert shown("x" * 100) == "x" * 80 + "…"
