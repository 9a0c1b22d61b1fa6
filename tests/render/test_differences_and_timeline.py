"""A built brief with a ``differences`` and a ``timeline`` part, as PDF, Word, Markdown and the app's preview:
the disagreeing sentences side by side and the dated ones after their dates, each verbatim and cited."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from html import escape

import pytest

from briefgen.brief import Brief, PartKind
from briefgen.build import BuildResult, build_brief
from briefgen.compose import BriefDetails
from briefgen.corpus import Corpus
from briefgen.ingest import source_from_text
from briefgen.render.brief_html import brief_to_html
from briefgen.render.docx.renderer import render_docx
from briefgen.render.markdown_renderer import markdown_text
from briefgen.render.markers import brief_markers
from briefgen.render.pdf.renderer import render_pdf
from briefgen.summarize.api import Budget
from briefgen.templates.style import RenderStyle
from briefgen.templates.validate import template_from_dict
from tests.render.conftest import squash
from tests.render.docx_reading import W, read_docx, text_of
from tests.render.pdf_reading import body_text_by_size, read_pdf

TROOPS_A = "The defence ministry said on Tuesday that 28,000 troops had been moved to the northern border region."
TROOPS_B = "The defence ministry said on Tuesday that 29,000 troops had been moved to the northern border region."
A = f"""# Troops massed on the northern border

Published: 2024-03-07

{TROOPS_A} The deployment will cost £1.5bn over the next two years, officials confirmed.

The first units reached the border crossing on 16 February 2024, according to local officials. Talks between the
two governments broke down in January after a dispute over water rights.
"""
B = f"""# Border deployment grows as talks stall

Published: 2024-03-08

{TROOPS_B} The deployment will cost £1,500,000,000 over the next two years, officials confirmed.

Opposition leaders demanded a parliamentary debate on the deployment yesterday. Farmers in the valley say the
harvest was already poor last year because of the drought.
"""
TIMELINE = ["2023", "January 2024", "16 February 2024", "7 March 2024"]
STYLES = ["numeric", "author_date", "footnotes"]


@functools.cache
def built() -> BuildResult:
    corpus = Corpus([source_from_text(A, "a.md", "markdown"), source_from_text(B, "b.md", "markdown")])
    parts = [{"type": "differences"}, {"type": "timeline"}, {"type": "key_points", "count": 1}, {"type": "sources"}]
    template = template_from_dict({"schema_version": 1, "name": "t", "parts": parts}, "t.json")
    return build_brief(corpus, template, budget=Budget(words=400), details=BriefDetails(day=dt.date(2025, 1, 1)))


def brief(citation_style: str = "numeric") -> Brief:
    return dataclasses.replace(built().brief, citation_style=citation_style)


def markers(b: Brief, kind: PartKind) -> list[str]:
    """The marker text after each sentence of the part of *kind*."""
    index = next(i for i, p in enumerate(b.parts) if p.kind == kind)
    found = brief_markers(b)
    return ["".join(p.text for p in found.pieces(index, i)) for i in range(len(b.parts[index].sentences))]


def part(b: Brief, kind: PartKind) -> tuple[list[str], list[str | None]]:
    p = next(p for p in b.parts if p.kind == kind)
    return [s.text for s in p.sentences], [s.label for s in p.sentences]


def test_the_brief_has_both_parts_verbatim_and_cited() -> None:
    b = brief()
    differences = next(p for p in b.parts if p.kind == PartKind.DIFFERENCES)
    assert [s.text for s in differences.sentences] == [TROOPS_A, TROOPS_B] and differences.rows == ((0, 1),)
    assert part(b, PartKind.TIMELINE)[1] == TIMELINE
    corpus = built().corpus
    for sentence in b.sentences():
        first = sentence.citations[0]
        assert corpus.section(first.section).text[first.start : first.end] == sentence.text
    assert markers(b, PartKind.DIFFERENCES) == ["[1]", "[2]"]


def md_markers(b: Brief, kind: PartKind) -> list[str]:
    """What follows each sentence of the part of *kind* in Markdown (backslash escapes dropped)."""
    index = next(i for i, p in enumerate(b.parts) if p.kind == kind)
    found = brief_markers(b)
    out = []
    for i in range(len(b.parts[index].sentences)):
        pieces = found.pieces(index, i)
        if b.citation_style == "footnotes":
            out.append("".join(f"[^{p.note}]" for p in pieces))
        else:
            linked = (p.text if p.entry is None else f"[{p.text}](#source-{p.entry.number})" for p in pieces)
            out.append(" " + "".join(linked))
    return out


@pytest.mark.parametrize("citation_style", STYLES)
def test_markdown_shows_a_table_of_the_disagreement_and_dated_entries(citation_style: str, style: RenderStyle) -> None:
    b = brief(citation_style)
    lines = markdown_text(b, style).replace("\\", "").splitlines()
    first, second = md_markers(b, PartKind.DIFFERENCES)
    header = lines.index("| Account 1 | Account 2 |")
    assert lines[header + 1 : header + 4] == ["| --- | --- |", f"| {TROOPS_A}{first} | {TROOPS_B}{second} |", ""]
    texts, labels = part(b, PartKind.TIMELINE)
    for text, label, marker in zip(texts, labels, md_markers(b, PartKind.TIMELINE), strict=True):
        assert f"- **{label}** – {text}{marker}" in lines, label


@pytest.mark.parametrize("citation_style", STYLES)
def test_word_shows_a_table_row_per_disagreement_and_dates_before_entries(
    citation_style: str, style: RenderStyle
) -> None:
    b = brief(citation_style)
    doc = read_docx(render_docx(b, style))
    (table,) = doc.document.tables
    cells = [cell.text for cell in table.rows[0].cells]
    if citation_style == "footnotes":
        assert cells == [TROOPS_A, TROOPS_B]
        refs = list(table._tbl.iter(f"{W}footnoteReference"))
        assert len(refs) == 2
        notes = doc.footnotes()
        assert "Troops massed on the northern border" in notes[int(refs[0].get(f"{W}id"))]
        assert "Border deployment grows" in notes[int(refs[1].get(f"{W}id"))]
    else:
        first, second = markers(b, PartKind.DIFFERENCES)
        assert cells == [f"{TROOPS_A}\u00a0{first}", f"{TROOPS_B}\u00a0{second}"]
    paragraphs = [text for _style, text in doc.paragraphs()]
    texts, labels = part(b, PartKind.TIMELINE)
    for text, label, marker in zip(texts, labels, markers(b, PartKind.TIMELINE), strict=True):
        shown = f"{label}\u00a0– {text}" + ("" if citation_style == "footnotes" else f"\u00a0{marker}")
        assert shown in paragraphs, shown
    label_runs = [text_of(r) for r in doc.body.iter(f"{W}r") if r.find(f"{W}rPr/{W}b") is not None]
    assert all(label in label_runs for label in TIMELINE)


@pytest.mark.parametrize("citation_style", STYLES)
def test_the_pdf_sets_the_disagreement_side_by_side_and_dates_before_entries(
    citation_style: str, style: RenderStyle
) -> None:
    b = brief(citation_style)
    pdf = read_pdf(render_pdf(b, style), b.marking)
    body = squash(pdf.body)
    first, second = markers(b, PartKind.DIFFERENCES)
    assert squash(TROOPS_A + first + TROOPS_B + second) in body  # the two cells of one row, each with its marker
    texts, labels = part(b, PartKind.TIMELINE)
    for text, label, marker in zip(texts, labels, markers(b, PartKind.TIMELINE), strict=True):
        assert squash(f"{label} – {text}{marker}") in body, label
    # the cells sit side by side: the second sentence starts to the right of the first, on the same line
    starts: dict[str, tuple[float, float]] = {}

    def visit(text: str, cm: list[float], tm: list[float], _fd: object, _size: float) -> None:
        for key in ("28,000", "29,000"):
            if key in text and key not in starts:
                starts[key] = (tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5])

    pdf.reader.pages[0].extract_text(visitor_text=visit)
    assert starts["29,000"][0] > starts["28,000"][0] + 100 and abs(starts["29,000"][1] - starts["28,000"][1]) < 1
    if citation_style == "footnotes":
        assert squash(TROOPS_A) in squash(body_text_by_size(pdf.reader))
        assert "1.Troopsmassedonthenorthernborder" in body and "2.Borderdeploymentgrows" in body


def test_the_preview_shows_a_table_and_the_dates() -> None:
    b = brief()
    html = brief_to_html(b)
    table = html[html.index("<table class='diff'") : html.index("</table>")]
    assert table.count("<tr>") == 1 and table.count("<td") == 2
    assert escape(TROOPS_A) in table and escape(TROOPS_B) in table
    for label in TIMELINE:
        assert f"<span class='label'>{label}</span> – " in html
