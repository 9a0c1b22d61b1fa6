"""Odd briefs and odd looks never crash a renderer."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile

import pytest
from docx import Document
from pypdf import PdfReader

from briefgen.brief import Brief, BriefSentence, Part, PartKind
from briefgen.model import Citation
from briefgen.render import render_bytes
from briefgen.templates.schema import OutputFormat
from briefgen.templates.style import Colours, Fonts, Margins, RenderStyle, TitleBlock
from tests.render.conftest import make_sample

FORMATS = tuple(OutputFormat)
A4_POINTS = (595, 842)


def readable_text(data: bytes, fmt: str) -> str:
    """The file opened as a reader's program would, and its text (fails when the file does not open)."""
    if fmt == "pdf":
        reader = PdfReader(io.BytesIO(data))
        assert len(reader.pages) >= 1
        return "\n".join(page.extract_text() for page in reader.pages)
    if fmt == "docx":
        document = Document(io.BytesIO(data))
        return "\n".join(p.text for p in document.paragraphs)
    return data.decode("utf-8")


def docx_colours(data: bytes) -> set[str]:
    """Every ``w:color`` value in a Word file's styles and body."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/styles.xml") + package.read("word/document.xml")
    return {value.decode().upper() for value in re.findall(rb'<w:color w:val="([^"]*)"', xml)}


def pdf_page_size(data: bytes) -> tuple[int, int]:
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def _empty() -> Brief:
    return Brief("", None, "", None, None, None, (), ())


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_brief(fmt: str, style: RenderStyle) -> None:
    text = readable_text(render_bytes(_empty(), style, fmt), fmt)
    assert "None" not in text, "absent fields print nothing, not Python's None"


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
    text = readable_text(render_bytes(brief, style, fmt), fmt)
    squashed = "".join(text.split())
    assert "stayharmless." in squashed, "the sentence around the control characters is kept"
    assert "Controlchars" in squashed and "\x07" not in text, "control characters are dropped"
    assert "A" * 500 in squashed, "a 3,000-character word is printed, wrapped or not"
    if fmt != "md":  # Markdown escapes it; PDF and Word print the markup-looking text as text
        assert "<i>Title</i>" in text


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
    warnings: list[str] = []
    data = render_bytes(sample.brief, odd, fmt, warn=warnings.append)
    text = readable_text(data, fmt)
    assert sample.brief.sentences()[0].text.split()[0] in text
    if fmt == "pdf":
        assert pdf_page_size(data) == A4_POINTS, "an unknown page size falls back to A4"
        assert any("'fancy' was not found" in w for w in warnings), "an unknown font falls back, with a warning"
    if fmt == "docx":
        section = Document(io.BytesIO(data)).sections[0]
        assert section.page_width is not None and round(section.page_width.mm) == 210
        colours = docx_colours(data)
        assert colours and all(re.fullmatch(r"[0-9A-F]{6}|AUTO", c) for c in colours), "a bad colour falls back"
        assert "AABBCC" in colours, "a three-digit colour is read as #AABBCC"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("citation_style", ["numeric", "footnotes"])
def test_many_citations_on_one_sentence(fmt: str, citation_style: str, style: RenderStyle) -> None:
    sample = make_sample(citation_style, sources=60)
    cites = tuple(s.citations[0] for s in sample.brief.sentences())
    big = BriefSentence("big", sample.brief.sentences()[0].text, cites)
    brief = dataclasses.replace(sample.brief, parts=(Part(PartKind.SECTION, "All", (big,)), sample.brief.parts[-1]))
    text = " ".join(readable_text(render_bytes(brief, style, fmt), fmt).split())
    assert " ".join(big.text.split()[:4]) in text
    if citation_style == "numeric":
        assert "60" in text, "the marker names the sixtieth source"


def test_part_without_heading_gets_no_empty_heading(style: RenderStyle) -> None:
    sample = make_sample("numeric")
    first = dataclasses.replace(sample.brief.parts[0], heading="  ")
    brief = dataclasses.replace(sample.brief, parts=(first, *sample.brief.parts[1:]))
    document = Document(io.BytesIO(render_bytes(brief, style, "docx")))
    assert all(p.text.strip() for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1")
    outline = PdfReader(io.BytesIO(render_bytes(brief, style, "pdf"))).outline
    assert next(o.title for o in outline if not isinstance(o, list)) == "Key points"
    assert "\n##  \n" not in render_bytes(brief, style, "md").decode()
