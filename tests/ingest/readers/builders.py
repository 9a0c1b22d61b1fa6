"""Test fixtures written at test time: web pages, Word documents (python-docx) and PDFs (reportlab)."""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import docx
from docx.oxml import parse_xml
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class Doc:
    """A format-neutral document: articles of (title, sections of (heading, paragraphs)) plus metadata."""

    articles: list[tuple[str | None, list[tuple[str | None, list[str]]]]]
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


# --- HTML -----------------------------------------------------------------------------------------------------

NAV = "Home World Business Sport Weather"
AD_TEXT = "Advertisement: save 50% on running shoes at ShoeMart this weekend only"
RELATED = "Related: Ten things you missed this week in politics"
COMMENT = "Great article, thanks for writing it, I shared it with all my friends!"
FOOTER = "© 2017 The Daily Globe. All rights reserved. Privacy policy. Terms of use."


def html_page(doc: Doc, *, boilerplate: bool = True, head_extra: str = "") -> str:
    e = html.escape
    meta = [f"<title>{e(doc.title or 'Page')} | {e(doc.publisher or 'Site')}</title>"]
    if doc.title:
        meta.append(f'<meta property="og:title" content="{e(doc.title)}">')
    if doc.author:
        meta.append(f'<meta name="author" content="{e(doc.author)}">')
    if doc.publisher:
        meta.append(f'<meta property="og:site_name" content="{e(doc.publisher)}">')
    if doc.date:
        meta.append(f'<meta property="article:published_time" content="{e(doc.date)}T08:00:00Z">')
    if doc.url:
        meta.append(f'<link rel="canonical" href="{e(doc.url)}">')
    body: list[str] = []
    if boilerplate:
        links = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in NAV.split())
        body.append(f'<header><nav class="menu"><ul>{links}</ul></nav></header>')
        body.append(f'<div class="ad-banner advertisement"><p>{e(AD_TEXT)}</p></div>')
    body.append("<main>")
    for title, sections in doc.articles:
        body.append("<article>")
        if title:
            body.append(f"<h1>{e(title)}</h1>")
        for heading, paragraphs in sections:
            if heading:
                body.append(f"<h2>{e(heading)}</h2>")
            body.extend(f"<p>{e(p)}</p>" for p in paragraphs)
        body.append("</article>")
    if boilerplate:
        body.append(
            '<aside class="related-links"><h3>Related stories</h3><ul>'
            f'<li><a href="/r1">{e(RELATED)}</a></li><li><a href="/r2">More news</a></li></ul></aside>'
        )
        body.append(
            '<section id="comments" class="comments"><h3>3 comments</h3>'
            f'<div class="comment"><p class="comment-text">{e(COMMENT)}</p></div></section>'
        )
    body.append("</main>")
    if boilerplate:
        body.append(f'<footer class="site-footer"><p>{e(FOOTER)}</p></footer>')
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        + "".join(meta)
        + head_extra
        + "</head><body>"
        + "".join(body)
        + "</body></html>"
    )


# --- DOCX -----------------------------------------------------------------------------------------------------


def docx_bytes(
    doc: Doc,
    *,
    header: str | None = None,
    footer: str | None = None,
    title_style: str = "Title",
    heading_style: str = "Heading 1",
    extra: Callable[[docx.document.Document], None] | None = None,
) -> bytes:
    d = docx.Document()
    d.core_properties.author = doc.author or ""
    d.core_properties.title = doc.title or ""
    if header is not None:
        d.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        d.sections[0].footer.paragraphs[0].text = footer
    for title, sections in doc.articles:
        if title:
            d.add_paragraph(title, style=title_style)
        for heading, paragraphs in sections:
            if heading:
                d.add_paragraph(heading, style=heading_style)
            for p in paragraphs:
                d.add_paragraph(p)
    if extra is not None:
        extra(d)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def append_xml(d: docx.document.Document, xml: str) -> None:
    """Append raw WordprocessingML (a ``<w:p>`` or ``<w:tbl>``) to the body, before the section properties."""
    element = parse_xml(xml)
    body = d.element.body
    body.insert(len(body) - 1, element)


def text_box_paragraph(text: str) -> str:
    return (
        f'<w:p xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict><v:shape><v:textbox>'
        f"<w:txbxContent><w:p><w:r><w:t>{html.escape(text)}</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></v:shape></w:pict></w:r></w:p>"
    )


# --- PDF ------------------------------------------------------------------------------------------------------


def pdf_bytes(
    doc: Doc,
    *,
    running_header: str | None = None,
    page_numbers: bool = False,
    body_size: float = 10.0,
    info_title: str | None = None,
) -> bytes:
    """A PDF laid out by reportlab platypus: title 18 pt bold, headings 14 pt bold, body *body_size*."""
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontSize=body_size, leading=body_size * 1.2)
    story: list[Paragraph] = []
    e = html.escape
    for title, sections in doc.articles:
        if title:
            story.append(Paragraph(e(title), styles["Title"]))
        for heading, paragraphs in sections:
            if heading:
                story.append(Paragraph(e(heading), styles["Heading2"]))
            story.extend(Paragraph(e(p), body) for p in paragraphs)

    def on_page(canvas: Canvas, template: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        if running_header:
            canvas.drawString(72, A4[1] - 40, running_header)
        if page_numbers:
            canvas.drawCentredString(A4[0] / 2, 30, f"Page {template.page}")
        canvas.restoreState()

    out = io.BytesIO()
    template = SimpleDocTemplate(
        out, pagesize=A4, title=info_title if info_title is not None else (doc.title or ""), author=doc.author or ""
    )
    template.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return out.getvalue()


def pdf_lines(lines: Sequence[tuple[str, float, float, float]], **canvas_kwargs: object) -> bytes:
    """A one-page PDF with each ``(text, x, y, font size)`` drawn as it is (Helvetica)."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, **canvas_kwargs)
    for text, x, y, size in lines:
        canvas.setFont("Helvetica", size)
        canvas.drawString(x, y, text)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


LOREM = (
    "The committee met on Tuesday to review the regional flood defences. Members heard that the barrier had "
    "held during the storm, although the northern embankment had lost several metres of stone. Engineers "
    "estimate the repairs will take six weeks and cost about four million pounds."
)


def sample_doc() -> Doc:
    return Doc(
        articles=[
            (
                "Flood barrier holds as storm passes",
                [
                    (None, [LOREM, "A second paragraph of the introduction explains who paid for the barrier."]),
                    ("What happens next?", [LOREM.replace("Tuesday", "Wednesday"), "Work starts in March."]),
                    ("Who pays for the repairs?", ["The council and the national agency share the cost equally."]),
                ],
            )
        ],
        title="Flood barrier holds as storm passes",
        author="Alex Morgan",
        publisher="The Eastmouth Gazette",
        date="2017-08-12",
        url="https://news.example.org/eastmouth/barrier",
    )
