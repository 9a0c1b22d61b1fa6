from __future__ import annotations

import pytest

from briefgen.errors import ResourceError
from briefgen.nlp import content_terms, split_sentences, stop_words
from briefgen.nlp.sentences import SentenceSplitter


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "They called us to action.Last year, I promised to help.",
            ["They called us to action.", "Last year, I promised to help."],
        ),
        (
            "The government resorts to old methods\u2026.Last year it changed.",
            ["The government resorts to old methods\u2026.", "Last year it changed."],
        ),
        ("U.S. President Joe Bloggs spoke. He left.", ["U.S. President Joe Bloggs spoke.", "He left."]),
        (
            "Mr. Smith and Dr. Jones met Gen. Lee on Jan. 5 in the U.K. capital.",
            ["Mr. Smith and Dr. Jones met Gen. Lee on Jan. 5 in the U.K. capital."],
        ),
        ("Growth was 3.5 per cent. Prices rose.", ["Growth was 3.5 per cent.", "Prices rose."]),
        (
            "See www.example.org.au/News.Page for details. Then go.",
            ["See www.example.org.au/News.Page for details.", "Then go."],
        ),
        ("J.F. Kennedy was president. He died in 1963.", ["J.F. Kennedy was president.", "He died in 1963."]),
        ("Use tools, e.g. hammers. They work.", ["Use tools, e.g. hammers.", "They work."]),
        (
            "\u201cWhat happened in Miami\u2026 was imaginable\u201d. She added more.",
            ["\u201cWhat happened in Miami\u2026 was imaginable\u201d.", "She added more."],
        ),
    ],
)
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_spans_are_exact_and_trimmed() -> None:
    text = "  First one.  Second one!\n\nThird?  "
    spans = SentenceSplitter().spans(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one!", "Third?"]


def test_run_on_text_is_cut_into_bounded_pieces() -> None:
    text = "word " * 5000
    spans = SentenceSplitter().spans(text)
    assert len(spans) > 1
    assert all(e - s <= 5000 for s, e in spans)
    assert all(text[s:e].strip() == text[s:e] for s, e in spans)


def test_content_terms_are_stemmed_and_filtered() -> None:
    assert content_terms("The missiles were tested by North Korea's army, 28 times.") == [
        "missil",
        "test",
        "north",
        "korea",
        "armi",
        "time",
    ]
    assert "the" in stop_words()


def test_missing_resource_names_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    from briefgen.nlp import punkt_params

    monkeypatch.setenv("BRIEFGEN_RESOURCES", str(tmp_path))
    punkt_params.load_punkt_parameters.cache_clear()
    try:
        with pytest.raises(ResourceError, match=r"punkt_en\.json"):
            SentenceSplitter()
    finally:
        monkeypatch.delenv("BRIEFGEN_RESOURCES")
        punkt_params.load_punkt_parameters.cache_clear()


def test_no_nltk_download_anywhere() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "briefgen"
    offenders = [p for p in root.rglob("*.py") if "nltk.download" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_a_short_quotation_of_several_sentences_stays_whole() -> None:
    text = '"A marsh gets stronger every year. A wall only gets older," said the mayor. Next.'
    assert split_sentences(text) == [
        '"A marsh gets stronger every year. A wall only gets older," said the mayor.',
        "Next.",
    ]


def test_a_quotation_that_never_closes_is_still_split() -> None:
    text = "\u201cOnce again, old methods. It is bad. Still open. More. Even more. And more."
    assert len(split_sentences(text)) == 6
