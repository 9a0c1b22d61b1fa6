"""Citation styles are registered objects that follow the template vocabulary; a new style is registered, not
written into each renderer."""

from __future__ import annotations

from typing import TypeVar

import pytest

from briefgen.brief import Brief, BriefSentence, Part, PartKind, SourceEntry
from briefgen.citations import Attribution, attribution, dated, format_entries, styles
from briefgen.citations.styles import BIBLIOGRAPHIES, IN_TEXT_STYLES, InTextStyle, in_text_style, names_sources
from briefgen.model import Citation, Metadata
from briefgen.registry import Registry
from briefgen.render.markers import brief_markers, citation_marker
from briefgen.render.registry import render_bytes
from briefgen.templates.schema import BibliographyStyle, CitationStyle
from briefgen.templates.style import default_style

T = TypeVar("T")
SMITH = Metadata(title="Cooling the city", author="Jane Smith", publisher="Reuters", date="2017-08-10")


def test_the_registered_styles_are_the_template_vocabulary() -> None:
    assert sorted(IN_TEXT_STYLES.names()) == sorted(CitationStyle)
    assert sorted(BIBLIOGRAPHIES.names()) == sorted(BibliographyStyle)
    for name in CitationStyle:
        assert in_text_style(name).name == name
    assert [name for name in CitationStyle if names_sources(name)] == [CitationStyle.AUTHOR_DATE]


def test_an_unknown_in_text_style_reads_as_numeric() -> None:
    assert in_text_style("mla").name == "numeric"


def _copy(registry: Registry[T]) -> Registry[T]:
    fresh: Registry[T] = Registry(registry.kind)
    for entry in registry.entries():
        fresh.register(entry.name, entry.target, suffixes=entry.suffixes, description=entry.description)
    return fresh


def _harvard_label(who_when: Attribution, suffix: str) -> str:
    return f"{who_when.who} {dated(who_when.year, suffix)}"


def _harvard_entry(metadata: Metadata, path: str, accessed: str, suffix: str = "", *, author_date: bool = False) -> str:
    who_when = attribution(metadata, path)
    return f"{who_when.who} ({dated(who_when.year, suffix)}) {who_when.title}."


def test_a_new_style_is_one_registered_object_every_output_follows(monkeypatch: pytest.MonkeyPatch) -> None:
    in_text, entries = _copy(IN_TEXT_STYLES), _copy(BIBLIOGRAPHIES)
    monkeypatch.setattr(styles, "IN_TEXT_STYLES", in_text)
    monkeypatch.setattr(styles, "BIBLIOGRAPHIES", entries)
    in_text.register("harvard", InTextStyle("harvard", "(", "; ", ")", who_when=_harvard_label, numbered_list=False))
    entries.register("harvard", _harvard_entry)

    formatted = format_entries("harvard", [(SMITH, "a.txt"), (SMITH, "b.txt")], "2024-01-01", author_date=True)
    assert formatted == ["Smith (2017a) Cooling the city.", "Smith (2017b) Cooling the city."]
    sources = tuple(
        SourceEntry(n, f"s{n}.a1", f"s{n}", f"{name}.txt", SMITH, "2024-01-01", text)
        for n, (name, text) in enumerate(zip("ab", formatted, strict=True), start=1)
    )
    cite = Citation("s2", "s2.a1", "s2.a1.s1", "s2.a1.s1.t1", 0, 5)
    sentence = BriefSentence("s2.a1.s1.t1", "Cities are warming.", (cite,))
    brief = Brief(
        "T", None, "2024", None, None, None, (Part(PartKind.SECTION, "H", (sentence,)),), sources,
        citation_style="harvard", bibliography_style="harvard",
    )  # fmt: skip
    assert citation_marker(brief, cite) == "(Smith 2017b)"
    assert "".join(p.text for p in brief_markers(brief).pieces(0, 0)) == "(Smith 2017b)"
    markdown = render_bytes(brief, default_style(), "md").decode("utf-8")
    assert "Cities are warming. ([Smith 2017b](#source-2))" in markdown
    assert "Smith (2017a) Cooling the city." in markdown
