"""PDF output with reportlab platypus.

The brief becomes a list of flowables (title block, one heading per part with a bookmark, paragraphs, lists,
quotes, the numbered source list) laid out on pages that carry the header, footer, marking and "Page X of Y"
(:mod:`briefgen.render.pdf.page`), by a reportlab document template whose ``afterFlowable`` hook writes the outline
(:mod:`briefgen.render.pdf.template`). In-text citations link to their entry in the source list; URLs are clickable
(http, https and mailto only). All source text is escaped (:mod:`briefgen.render.pdf.text`). The footnote style
sets notes at the foot of the citing page (:mod:`briefgen.render.pdf.notes`). The brief's provenance is an
embedded file (:mod:`briefgen.render.provenance_embed`). Dates and document ID are fixed
(:mod:`briefgen.render.reproducible`), so the same brief gives the same bytes.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm

from briefgen.brief import Brief
from briefgen.progress import CancelToken, ProgressCallback, check, report
from briefgen.render.logo import load_logo
from briefgen.render.markers import brief_markers
from briefgen.render.pdf.chunks import chunk_style_names
from briefgen.render.pdf.font_fallback import collect_missing
from briefgen.render.pdf.fonts import resolve_fonts
from briefgen.render.pdf.notes import NoteState
from briefgen.render.pdf.page import PageFurniture, canvas_class
from briefgen.render.pdf.story import StoryBuilder
from briefgen.render.pdf.styles import build_styles
from briefgen.render.pdf.template import BriefDocTemplate
from briefgen.render.provenance_embed import provenance_bytes
from briefgen.render.registry import Warn
from briefgen.render.reproducible import brief_moment
from briefgen.templates.style import MARGIN_RANGE_MM, RenderStyle, clamp, marking_text, page_size_mm


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
    doc = BriefDocTemplate(
        buf,
        furniture=furniture,
        provenance=provenance_bytes(brief),
        heading_styles=chunk_style_names(builder.styles.heading),
        progress=progress,
        cancel=cancel,
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
    notes: NoteState | None = None
    if builder.footnotes and builder.markers.notes:
        notes = NoteState(builder.markers.notes, builder.note_markup, builder.styles.note, doc.width, doc.height)
    doc.use_frame(notes)
    story = builder.story(notes)
    doc.lay_out(story, builder.outline, canvas_class(furniture, moment=brief_moment(brief)))
    return buf.getvalue()
