from __future__ import annotations

import re

from briefgen.render.markdown_renderer import markdown_text
from briefgen.render.markdown_text import md_escape
from briefgen.render.markers import brief_markers
from briefgen.templates.style import RenderStyle
from tests.render.conftest import Sample, make_sample


def _unescape(md: str) -> str:
    return re.sub(r"\\(.)", r"\1", md)


def test_escaping_shows_markup_literally() -> None:
    text = "<b>not bold</b> & <5% costs > $3m *a* _b_ [c](d) `e` &amp; | ~f~"
    escaped = md_escape(text)
    for live in ("<b>", "*a*", "[c]", "$3m", "`e`", "&amp;"):
        assert not re.search(r"(?<!\\)" + re.escape(live), escaped), live
    assert _unescape(escaped) == text


def test_line_starts_that_would_become_structure_are_escaped() -> None:
    assert md_escape("# not a heading") == "\\# not a heading"
    assert md_escape("1. not a list") == "1\\. not a list"
    assert md_escape("- no") == "\\- no"
    assert md_escape("> no") == "\\> no"


def test_every_sentence_and_numeric_citation_link(numeric_sample: Sample, style: RenderStyle) -> None:
    brief = numeric_sample.brief
    md = markdown_text(brief, style)
    plain = _unescape(md)
    for sentence in brief.sentences():
        assert sentence.text in plain
    for entry in brief.sources:
        assert f'{entry.number}. <a id="source-{entry.number}"></a>' in md
    assert "[1](#source-1)" in md
    assert md.startswith(f"**{brief.marking}**")
    assert f"# {brief.title}" in md


def test_source_urls_are_autolinks_and_unsafe_schemes_stay_text(style: RenderStyle) -> None:
    import dataclasses

    sample = make_sample("numeric")
    evil = dataclasses.replace(sample.brief.sources[0], formatted="A. javascript:alert(1) https://ok.example/a_b.")
    brief = dataclasses.replace(sample.brief, sources=(evil, *sample.brief.sources[1:]))
    md = markdown_text(brief, style)
    assert "<https://ok.example/a_b>" in md
    assert "<javascript:" not in md and "](javascript:" not in md


def test_footnote_style_uses_footnote_syntax(footnote_sample: Sample, style: RenderStyle) -> None:
    md = markdown_text(footnote_sample.brief, style)
    notes = brief_markers(footnote_sample.brief).notes
    for note in notes:
        assert f"[^{note.number}]:" in md
        assert md.count(f"[^{note.number}]") == 2  # the reference and the definition
    assert not re.search(r"\\\[\d", md)


def test_author_date_markers(style: RenderStyle) -> None:
    sample = make_sample("author_date")
    md = markdown_text(sample.brief, style)
    assert "[Smith, 2017](#source-1)" in md  # the author, as the entry "Smith, J. (2017, July 3). …" starts
