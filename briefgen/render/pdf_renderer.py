"""PDF output with reportlab platypus.

The brief becomes a list of flowables (title block, one heading per part with a bookmark, paragraphs, lists,
quotes, the numbered source list) laid out on pages that carry the header, footer, marking and "Page X of Y"
(:mod:`briefgen.render.pdf_page`). In-text citations link to their entry in the source list; URLs are clickable
(http, https and mailto only). All source text is escaped (:mod:`briefgen.render.pdf_text`). The footnote style
sets notes at the foot of the citing page (:mod:`briefgen.render.pdf_notes`). The brief's provenance is an
embedded file (:mod:`briefgen.render.provenance_embed`). Dates and document ID are fixed
(:mod:`briefgen.render.reproducible`), so the same brief gives the same bytes.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate
from reportlab.platypus.frames import Frame

from briefgen.brief import Brief
from briefgen.progress import CancelToken, ProgressCallback, check, report
from briefgen.render.font_fallback import collect_missing
from briefgen.render.logo import load_logo
from briefgen.render.markers import brief_markers
from briefgen.render.pdf_fonts import resolve_fonts
from briefgen.render.pdf_notes import NOTE_CALLBACK, NotesFrame, NoteState
from briefgen.render.pdf_page import PageFurniture, canvas_class
from briefgen.render.pdf_story import StoryBuilder
from briefgen.render.pdf_styles import build_styles
from briefgen.render.provenance_embed import attach_to_pdf, provenance_bytes
from briefgen.render.registry import Warn
from briefgen.render.reproducible import brief_moment
from briefgen.render.style import MARGIN_RANGE_MM, RenderStyle, clamp, marking_text, page_size_mm


def render_pdf(
    brief: Brief,
    style: RenderStyle,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    warn: Warn | None = None,
) -> bytes:
    """The brief as a PDF document."""
    say: Warn = warn or (lambda _msg: None)
    fonts = resolve_fonts(style.fonts.body, style.fonts.heading)
    for message in fonts.warnings:
        say(message)
    styles = build_styles(style, fonts)
    logo = load_logo(style, say)
    markers = brief_markers(brief)
    builder = StoryBuilder(brief, style, fonts, styles, markers, logo)
    width_mm, height_mm = page_size_mm(style)
    furniture = PageFurniture(style, fonts, marking_text(style, brief.marking), width_mm * mm, height_mm * mm,
                              styles.size)  # fmt: skip
    check(cancel)
    with collect_missing() as missing:
        data = _layout(brief, style, builder, furniture, progress, cancel)
    for message in missing.warnings():
        say(message)
    report(progress, 1, 1, "PDF done")
    return data


def _layout(
    brief: Brief,
    style: RenderStyle,
    builder: StoryBuilder,
    furniture: PageFurniture,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> bytes:
    buf = io.BytesIO()
    margins = style.margins
    left, right, top, bottom = (clamp(v, MARGIN_RANGE_MM) * mm for v in
                                (margins.left_mm, margins.right_mm, margins.top_mm, margins.bottom_mm))  # fmt: skip
    doc = BaseDocTemplate(
        buf,
        pagesize=(furniture.page_width, furniture.page_height),
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=brief.title,
        author=brief.author or brief.organisation or "",
        subject=brief.subtitle or "",
        keywords=list(brief.keywords),
        creator="briefgen",
        lang=brief.extra.get("lang", "en"),
        displayDocTitle=1,
        initialFontName=builder.fonts.body.regular,  # not Helvetica, which would be listed and not embedded
    )
    frame_args: dict[str, Any] = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    notes: NoteState | None = None
    frame: Frame
    if builder.footnotes and builder.markers.notes:
        notes = NoteState(builder.markers.notes, builder.note_markup, builder.styles.note, doc.width, doc.height)
        frame = NotesFrame(left, bottom, doc.width, doc.height, id="body", state=notes, **frame_args)
    else:
        frame = Frame(left, bottom, doc.width, doc.height, id="body", **frame_args)

    provenance = provenance_bytes(brief)

    def on_page(canv: Canvas, _doc: BaseDocTemplate) -> None:
        if notes is not None:
            canv.setNamedCB(NOTE_CALLBACK, notes.callback)
        if doc.page == 1:
            attach_to_pdf(canv, provenance)  # an embedded file, drawn on no page
        furniture.draw(canv, doc.page)

    def on_page_end(canv: Canvas, _doc: BaseDocTemplate) -> None:
        if notes is not None:
            notes.draw_page_notes(canv, doc.page, left, bottom)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page, onPageEnd=on_page_end)])
    story = builder.story(notes)
    total = len(story)
    placed = 0

    def after_flowable(flowable: Flowable) -> None:
        nonlocal placed
        placed += 1
        outline = getattr(flowable, "_brief_outline", None)
        if outline is not None:
            key, title = outline
            doc.canv.addOutlineEntry(title, key, level=0)
        if placed % 8 == 0:
            check(cancel)
            report(progress, min(placed, total), total, "Laying out the PDF")

    doc.afterFlowable = after_flowable
    doc.build(story, canvasmaker=canvas_class(furniture, moment=brief_moment(brief)))
    return buf.getvalue()
