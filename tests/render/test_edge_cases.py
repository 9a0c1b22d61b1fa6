"""Odd briefs and odd looks never crash a renderer."""

from __future__ import annotations

import dataclasses

import pytest

from briefgen.brief import Brief, BriefSentence, Part, PartKind
from briefgen.model import Citation
from briefgen.render import render_bytes
from briefgen.render.style import Colours, Fonts, Margins, RenderStyle, TitleBlock
from tests.render.conftest import make_sample

FORMATS = ("pdf", "docx", "md")


def _empty() -> Brief:
    return Brief("", None, "", None, None, None, (), ())


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_brief(fmt: str, style: RenderStyle) -> None:
    assert render_bytes(_empty(), style, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_strange_text(fmt: str, style: RenderStyle) -> None:
    sample = make_sample("numeric")
    weird = (
        "Control\x00chars\x07 and a lone surrogate \ud800 stay harmless.",
        "A" * 3000,
        "العربية والعبرית sit beside emoji 🙂 and a tab\there.",
        "Ampersand entities &amp; &lt; &#60; ]]> <![CDATA[ x ]]> <!-- c --> <?pi?>",
    )
    orphan = Citation("zz", "zz.a1", "zz.a1.s1", "zz.a1.s1.t1", 0, 1)  # cites nothing in the source list
    sentences = tuple(BriefSentence(f"w{i}", t, (orphan,)) for i, t in enumerate(weird))
    sentences += (BriefSentence("nocite", "A sentence without a citation.", ()),)
    brief = dataclasses.replace(
        sample.brief,
        title="<i>Title</i> & \x0b co",
        parts=(Part(PartKind.SECTION, "Odd <text>", sentences, subheading="]]>"), *sample.brief.parts),
    )
    data = render_bytes(brief, style, fmt)
    assert data


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("citation_style", ["numeric", "author_date", "footnotes"])
def test_extreme_looks(fmt: str, citation_style: str) -> None:
    sample = make_sample(citation_style, sources=8)
    odd = RenderStyle(
        page_size="A5-ish",
        margins=Margins(60, 60, 60, 60),
        fonts=Fonts(body="fancy", heading="sans", base_size_pt=16, line_spacing=2.0),
        colours=Colours(accent="not a colour", headings="#abc", text="#000000", marking="#FF0000"),
        title_block=TitleBlock(align="justify"),
        page_number_format="no placeholder here",
        header_text="H" * 400,
        footer_text="F" * 400,
        sources_heading="",
    )
    assert render_bytes(sample.brief, odd, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("citation_style", ["numeric", "footnotes"])
def test_many_citations_on_one_sentence(fmt: str, citation_style: str, style: RenderStyle) -> None:
    sample = make_sample(citation_style, sources=60)
    cites = tuple(s.citations[0] for s in sample.brief.sentences())
    big = BriefSentence("big", sample.brief.sentences()[0].text, cites)
    brief = dataclasses.replace(sample.brief, parts=(Part(PartKind.SECTION, "All", (big,)), sample.brief.parts[-1]))
    assert render_bytes(brief, style, fmt)


def test_part_without_heading_gets_no_empty_heading(style: RenderStyle) -> None:
    import io

    from docx import Document
    from pypdf import PdfReader

    sample = make_sample("numeric")
    first = dataclasses.replace(sample.brief.parts[0], heading="  ")
    brief = dataclasses.replace(sample.brief, parts=(first, *sample.brief.parts[1:]))
    document = Document(io.BytesIO(render_bytes(brief, style, "docx")))
    assert all(p.text.strip() for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1")
    outline = PdfReader(io.BytesIO(render_bytes(brief, style, "pdf"))).outline
    assert next(o.title for o in outline if not isinstance(o, list)) == "Key points"
    assert "\n##  \n" not in render_bytes(brief, style, "md").decode()
