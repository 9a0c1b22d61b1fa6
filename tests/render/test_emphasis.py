"""Emphasised spans of a sentence (a key figure's quantities) are bold in every output, and the text stays literal."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from pypdf import PdfReader

from briefgen.brief import Brief
from briefgen.render.docx.renderer import render_docx
from briefgen.render.markdown_renderer import markdown_text
from briefgen.render.markdown_text import emphasis_runs, md_emphasised
from briefgen.render.pdf.fonts import resolve_fonts
from briefgen.render.pdf.renderer import render_pdf
from briefgen.templates.style import RenderStyle
from tests.render.conftest import MARKUP_SENTENCE_PART, make_sample
from tests.render.docx_reading import read_docx
from tests.render.pdf_reading import read_pdf

COST = "€40,000"
"""In "Municipal cooling centres cost between €40,000 and €120,000 per summer to run." of the sample brief."""
MARKUP_FIGURES = ("5%", "$3m")
"""In the sample's "... <b>not bold</b> & <5% costs > $3m would follow." sentence."""


def emphasise(brief: Brief) -> Brief:
    """*brief* with :data:`COST` and :data:`MARKUP_FIGURES` emphasised in the sentences that hold them."""
    parts = []
    for part in brief.parts:
        sentences = []
        for s in part.sentences:
            words = MARKUP_FIGURES if MARKUP_SENTENCE_PART in s.text else (COST,)
            spans = tuple((s.text.index(w), s.text.index(w) + len(w)) for w in words if w in s.text)
            sentences.append(dataclasses.replace(s, emphasis=spans))
        parts.append(dataclasses.replace(part, sentences=tuple(sentences)))
    return dataclasses.replace(brief, parts=tuple(parts))


@pytest.fixture
def brief() -> Brief:
    return emphasise(make_sample("numeric").brief)


def test_emphasis_runs_cut_the_text_at_the_spans() -> None:
    text = "With 28,000 troops and £412m."
    assert emphasis_runs(text, ()) == [(text, False)]
    assert emphasis_runs(text, ((5, 18), (23, 28))) == [
        ("With ", False),
        ("28,000 troops", True),
        (" and ", False),
        ("£412m", True),
        (".", False),
    ]
    assert emphasis_runs(text, ((23, 28), (5, 10), (8, 18), (3, 3), (25, 99))) == [
        ("With ", False),
        ("28,000 troops", True),
        (" and ", False),
        ("£412m.", True),
    ]
    assert emphasis_runs("", ()) == [("", False)]


def test_markdown_emphasis_is_strong_and_the_rest_stays_escaped() -> None:
    text = "With 28,000 troops and *not* a [link] or $3m."
    spans = ((5, 18), (text.index("$3m"), text.index("$3m") + 3))
    md = md_emphasised(text, spans)
    assert md == "With **28,000 troops** and \\*not\\* a \\[link\\] or **\\$3m**."
    assert md_emphasised(text, ()) == "With 28,000 troops and \\*not\\* a \\[link\\] or \\$3m."
    assert md_emphasised("1. In 2017, 5% rose.", ((12, 14),)) == "1\\. In 2017, **5%** rose."
    # a span CommonMark would not read as emphasis stays plain rather than showing asterisks
    assert md_emphasised("costs US$3m", ((8, 11),)) == "costs US\\$3m"


def test_markdown_output_shows_the_spans_strong(brief: Brief, style: RenderStyle) -> None:
    md = markdown_text(brief, style)
    assert f"**{COST}**" in md
    assert "\\<b>not bold\\</b> & \\<**5%** costs > **\\$3m** would" in md  # still escaped around the spans
    plain = markdown_text(make_sample("numeric").brief, style)
    assert "**" + COST not in plain


def test_word_output_has_bold_runs_for_the_spans(brief: Brief, style: RenderStyle) -> None:
    document = read_docx(render_docx(brief, style)).document
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert COST in bold and "5%" in bold and "$3m" in bold
    sentence = next(p for p in document.paragraphs if COST in p.text)
    assert "Municipal cooling centres cost between €40,000 and €120,000 per summer to run." in sentence.text
    others = [r for r in sentence.runs if r.text.startswith("Municipal")]
    assert others and not any(r.bold for r in others)
    assert any(MARKUP_SENTENCE_PART in p.text for p in document.paragraphs)


def _fonts_of(data: bytes, wanted: tuple[str, ...]) -> dict[str, set[str]]:
    """The fonts (PDF base font names) each of *wanted* is drawn in."""
    found: dict[str, set[str]] = {w: set() for w in wanted}
    for page in PdfReader(io.BytesIO(data)).pages:

        def visit(text: str, _cm: object, _tm: object, font: object, _size: object) -> None:
            name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
            for w in wanted:
                if text.strip() == w or (w == "Municipal" and text.startswith(w)):
                    found[w].add(name)

        page.extract_text(visitor_text=visit)
    return found


def test_pdf_draws_the_spans_in_the_bold_face(brief: Brief, style: RenderStyle) -> None:
    body = resolve_fonts(style.fonts.body, style.fonts.heading).body
    if body.bold == body.regular:
        pytest.skip("the body font has no bold face on this system")
    data = render_pdf(brief, style)
    fonts = _fonts_of(data, (COST, *MARKUP_FIGURES, "Municipal"))
    for word in (COST, *MARKUP_FIGURES):
        assert fonts[word] and all(re.search("bold", f, re.IGNORECASE) for f in fonts[word]), (word, fonts)
    assert fonts["Municipal"] and not any(re.search("bold", f, re.IGNORECASE) for f in fonts["Municipal"])
    assert MARKUP_SENTENCE_PART in " ".join(read_pdf(data).body.split())  # the markup around the spans is literal
