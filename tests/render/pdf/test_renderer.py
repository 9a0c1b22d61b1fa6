from __future__ import annotations

import dataclasses
import re

import pytest

from briefgen.brief import Brief, Part, PartKind
from briefgen.render.markers import brief_markers, style_of
from briefgen.render.pdf.fonts import cjk_font
from briefgen.render.pdf.renderer import render_pdf
from briefgen.templates.style import RenderStyle
from tests.render.conftest import MARKUP_SENTENCE_PART, Sample, make_sample, squash
from tests.render.pdf_reading import (
    body_text_by_size,
    entry_at,
    entry_lines,
    internal_links,
    notes_by_page,
    read_pdf,
    uris,
)

_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
HAS_CJK_FONT = cjk_font() is not None


def drawable(text: str) -> bool:
    """Whether this machine can draw *text*: CJK needs a CJK font (none may be installed, e.g. on CI)."""
    return HAS_CJK_FONT or not _CJK.search(text)


def test_every_sentence_is_verbatim_source_text_present_in_the_pdf(
    any_style_sample: Sample, style: RenderStyle
) -> None:
    sample = any_style_sample
    pdf = read_pdf(render_pdf(sample.brief, style), sample.brief.marking)
    body = squash(body_text_by_size(pdf.reader))  # footnotes at a page's foot may fall inside a sentence
    for sentence in sample.brief.sentences():
        assert sentence.citations
        assert sample.source_text(sentence.citations[0]) == sentence.text  # verbatim, from where it is cited
        if drawable(sentence.text):
            assert squash(sentence.text) in body, sentence.text


def test_markup_looking_text_prints_literally(numeric_sample: Sample, style: RenderStyle) -> None:
    pdf = read_pdf(render_pdf(numeric_sample.brief, style))
    assert MARKUP_SENTENCE_PART in " ".join(pdf.body.split())


def test_numeric_markers_follow_their_sentences_and_name_the_cited_entries(
    numeric_sample: Sample, style: RenderStyle
) -> None:
    brief = numeric_sample.brief
    text = " ".join(read_pdf(render_pdf(brief, style), brief.marking).body.split())
    for sentence in filter(lambda s: drawable(s.text), brief.sentences()):
        wanted = sorted({brief.entry_for(c).number for c in sentence.citations})  # type: ignore[union-attr]
        marker = "[" + ", ".join(map(str, wanted)) + "]"
        assert f"{sentence.text}\u00a0{marker}" in text or f"{sentence.text} {marker}" in text, sentence.text


def test_citation_links_jump_to_their_entry_in_the_source_list(numeric_sample: Sample, style: RenderStyle) -> None:
    brief = numeric_sample.brief
    pdf = read_pdf(render_pdf(brief, style), brief.marking)
    entries = entry_lines(pdf.reader)
    assert sorted(entries.values()) == [e.number for e in brief.sources]
    links = internal_links(pdf.reader)
    targets = [entry_at(entries, tp, ty) for _p, _y, _x, tp, ty in links]
    # the markers' numbers in reading order, page by page, equal the link targets in reading order
    shown: list[int] = []
    for page_text in pdf.pages:
        for group in re.findall(r"\[(\d+(?:, \d+)*)\]", " ".join(page_text.split())):
            shown += [int(n) for n in group.split(", ")]
    assert targets == shown
    assert len(shown) >= len(brief.sentences())


def test_source_urls_are_clickable_and_only_web_links(style: RenderStyle) -> None:
    sample = make_sample("numeric")
    bad_entry = dataclasses.replace(
        sample.brief.sources[0], formatted="Evil. javascript:alert(1) file:///etc/passwd https://ok.example/x."
    )
    brief = dataclasses.replace(sample.brief, sources=(bad_entry, *sample.brief.sources[1:]))
    found = uris(read_pdf(render_pdf(brief, style)).reader)
    assert "https://ok.example/x" in found
    for entry in brief.sources[1:]:
        if entry.metadata.url:
            assert entry.metadata.url in found
    assert all(u.startswith(("http://", "https://", "mailto:")) for u in found)


def test_outline_has_one_bookmark_per_part(numeric_sample: Sample, style: RenderStyle) -> None:
    pdf = read_pdf(render_pdf(numeric_sample.brief, style))
    titles = [item.title for item in pdf.reader.outline if not isinstance(item, list)]
    assert titles[0] == "Executive summary"
    assert titles[-1] == "Sources"
    assert "International comparison" in titles
    assert len(titles) == len([p for p in numeric_sample.brief.parts if p.sentences or p.terms or p.kind == "sources"])


def test_metadata_header_footer_and_page_x_of_y(numeric_sample: Sample, style: RenderStyle) -> None:
    brief = numeric_sample.brief
    pdf = read_pdf(render_pdf(brief, style))
    meta = pdf.reader.metadata
    assert meta is not None
    assert meta.title == brief.title
    assert meta.author == brief.author
    assert meta.subject == brief.subtitle
    assert "heatwave" in str(meta.get("/Keywords"))
    pages = pdf.reader.pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert f"Page {number} of {len(pages)}" in text
        assert brief.marking is not None and text.count(brief.marking) >= 2  # header and footer
        assert "Environment Committee" in text and "Northshire County Council" in text


def test_author_date_markers_link_to_the_source_list(style: RenderStyle) -> None:
    sample = make_sample("author_date")
    pdf = read_pdf(render_pdf(sample.brief, style), sample.brief.marking)
    text = " ".join(pdf.body.split())
    assert "(Smith, 2017; Dubois and Lima, 2018)" in text
    entries = entry_lines(pdf.reader)
    targets = {entry_at(entries, tp, ty) for _p, _y, _x, tp, ty in internal_links(pdf.reader)}
    assert targets == {e.number for e in sample.brief.sources}


def _assert_notes_on_citing_pages(brief: Brief, data: bytes) -> None:
    markers = brief_markers(brief)
    pdf = read_pdf(data, brief.marking)
    by_page = notes_by_page(pdf.reader)
    assert [n for page in by_page for n in page] == list(range(1, len(markers.notes) + 1))
    for index, numbers in enumerate(by_page):
        flat = squash(pdf.pages[index])
        for number in numbers:
            # the note's reference (the end of its sentence + the superscript number) is on this same page
            sentence = next(
                s for pi, p in enumerate(brief.parts) for si, s in enumerate(p.sentences)
                if any(piece.note == number for piece in markers.pieces(pi, si))
            )  # fmt: skip
            if drawable(sentence.text):
                # the sentence's end (all of it that is on this page, up to 12 characters) + the note's number
                tail = squash(sentence.text)
                assert any(tail[-k:] + str(number) in flat for k in range(12, 2, -1)), (index, number)
            note = markers.notes[number - 1].items[0].text
            if drawable(note):
                assert squash(note)[:30] in flat


def test_footnotes_sit_at_the_foot_of_the_page_that_cites_them(footnote_sample: Sample, style: RenderStyle) -> None:
    assert style_of(footnote_sample.brief) == "footnotes"
    _assert_notes_on_citing_pages(footnote_sample.brief, render_pdf(footnote_sample.brief, style))


def test_footnotes_of_a_paragraph_split_across_pages_follow_its_parts(style: RenderStyle) -> None:
    sample = make_sample("footnotes", sources=30)
    everything = tuple(s for p in sample.brief.parts if p.kind == PartKind.SECTION for s in p.sentences)
    long_summary = Part(PartKind.EXECUTIVE_SUMMARY, "Executive summary", everything)
    brief = dataclasses.replace(sample.brief, parts=(long_summary, sample.brief.parts[-1]))
    data = render_pdf(brief, style)
    assert len(read_pdf(data).reader.pages) >= 4  # one paragraph over several pages
    _assert_notes_on_citing_pages(brief, data)


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_page_size_is_honoured(numeric_sample: Sample, style: RenderStyle, page_size: str) -> None:
    pdf = read_pdf(render_pdf(numeric_sample.brief, dataclasses.replace(style, page_size=page_size)))
    box = pdf.reader.pages[0].mediabox
    expected = (595.3, 841.9) if page_size == "A4" else (612.0, 792.0)
    assert (round(float(box.width), 1), round(float(box.height), 1)) == expected
