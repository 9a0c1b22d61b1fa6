"""A count in a template agrees with its noun: "drawn from 1 source", "from 3 sources"."""

from __future__ import annotations

from briefgen.templates.placeholders import substitute


def test_one_source_is_singular() -> None:
    assert (
        substitute("Policy brief drawn from {sources} sources", {"sources": "1"}) == "Policy brief drawn from 1 source"
    )
    assert substitute("{articles} articles from {sources} sources", {"articles": "1", "sources": "1"}) == (
        "1 article from 1 source"
    )


def test_other_counts_stay_plural_and_other_text_is_untouched() -> None:
    assert substitute("drawn from {sources} sources", {"sources": "3"}) == "drawn from 3 sources"
    assert substitute("{sources} sources", {"sources": "0"}) == "0 sources"
    assert substitute("{sources} Quellen, {title} sources", {"sources": "1", "title": "T"}) == "1 Quellen, T sources"
