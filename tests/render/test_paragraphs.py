"""A prose part's paragraph breaks (``Part.paragraph_starts``: the executive summary turns to another story) are
kept by every renderer: Markdown, the preview's HTML, Word and PDF."""

from __future__ import annotations

import dataclasses
import io

from pypdf import PdfReader

from briefgen.brief import Brief, PartKind
from briefgen.render.brief_html import brief_to_html
from briefgen.render.common import paragraphs
from briefgen.render.registry import render_bytes
from briefgen.templates.style import RenderStyle
from tests.render.conftest import make_sample
from tests.render.docx_reading import read_docx


def _with_break(at: int) -> Brief:
    brief = make_sample("numeric").brief
    parts = list(brief.parts)
    k = next(i for i, p in enumerate(parts) if p.kind == PartKind.EXECUTIVE_SUMMARY)
    assert len(parts[k].sentences) > at, "the sample's summary is too short for this test"
    parts[k] = dataclasses.replace(parts[k], paragraph_starts=(at,))
    return dataclasses.replace(brief, parts=tuple(parts))


def _summary_texts(brief: Brief) -> list[str]:
    part = next(p for p in brief.parts if p.kind == PartKind.EXECUTIVE_SUMMARY)
    return [s.text for s in part.sentences]


def test_paragraphs_split_at_the_starts_and_ignore_starts_out_of_range() -> None:
    part = next(p for p in _with_break(1).parts if p.kind == PartKind.EXECUTIVE_SUMMARY)
    n = len(part.sentences)
    assert paragraphs(part) == [range(0, 1), range(1, n)]
    assert paragraphs(dataclasses.replace(part, paragraph_starts=(0, n, n + 3))) == [range(0, n)]
    assert paragraphs(dataclasses.replace(part, paragraph_starts=(2, 1, 2))) == [range(0, 1), range(1, 2), range(2, n)]


def test_markdown_and_html_show_two_paragraphs(style: RenderStyle) -> None:
    brief = _with_break(1)
    first, second = _summary_texts(brief)[0], _summary_texts(brief)[1]
    markdown = render_bytes(brief, style, "md").decode("utf-8")
    blocks = markdown.split("\n\n")
    opening = next(b for b in blocks if b.startswith(first[:30]))
    assert second[:30] not in opening, "the second story's sentence is in the first paragraph"
    assert any(b.startswith(second[:30]) for b in blocks), "the second paragraph opens with it"
    html = brief_to_html(brief, style=style)
    assert html.count("<p>") - brief_to_html(_with_break(0), style=style).count("<p>") == 1


def test_word_shows_two_summary_paragraphs(style: RenderStyle) -> None:
    brief = _with_break(1)
    read = read_docx(render_bytes(brief, style, "docx"))
    summary = [text for name, text in read.paragraphs() if name == "Executive Summary"]
    assert len(summary) == 2, summary
    assert summary[0].startswith(_summary_texts(brief)[0][:30])
    assert summary[1].startswith(_summary_texts(brief)[1][:30])


def _pdf_text(brief: Brief, style: RenderStyle) -> str:
    pages = PdfReader(io.BytesIO(render_bytes(brief, style, "pdf"))).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_pdf_shows_the_same_sentences_with_a_break(style: RenderStyle) -> None:
    one, two = _pdf_text(_with_break(0), style), _pdf_text(_with_break(1), style)
    for sentence in _summary_texts(_with_break(1)):
        start = " ".join(sentence.split())[:40]
        assert two.count(start) == one.count(start) >= 1
