"""Word (DOCX) output with python-docx.

The brief is written with real Word styles (:mod:`briefgen.render.docx.styles`) so a user can restyle it, a
header and footer with the marking and "Page X of Y" fields (:mod:`briefgen.render.docx.fields`), real
hyperlinks (:mod:`briefgen.render.docx.hyperlinks`): citations link to a bookmark on their source entry and URLs
are clickable, real footnotes for the footnote style (:mod:`briefgen.render.docx.footnotes`), core properties
(title, author, subject, keywords), the template's logo and the brief's provenance as a custom XML part. The
package is reproducible: fixed dates and entry order (:mod:`briefgen.render.reproducible`).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from docx.shared import Mm, Twips

from briefgen.brief import Brief
from briefgen.progress import CancelToken, ProgressCallback, check, report
from briefgen.render.common import clean, fit_text, page_number_pieces
from briefgen.render.docx.body import DocxBody
from briefgen.render.docx.elements import run, tab_run
from briefgen.render.docx.fields import page_number_runs
from briefgen.render.docx.styles import StyleSheet, reference_document
from briefgen.render.logo import load_logo
from briefgen.render.provenance_embed import add_to_docx, provenance_bytes
from briefgen.render.registry import Warn
from briefgen.render.reproducible import brief_moment, normalise_zip
from briefgen.templates.style import (
    MARGIN_RANGE_MM,
    RenderStyle,
    clamp,
    marking_in_footer,
    marking_in_header,
    marking_text,
    page_size_mm,
)

_TWIPS_PER_MM = 1440 / 25.4


def render_docx(
    brief: Brief,
    style: RenderStyle,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    warn: Warn | None = None,
) -> bytes:
    """The brief as a Word document."""
    say: Warn = warn or (lambda _msg: None)
    document = reference_document()
    text_width_mm = _page_setup(document, style)
    StyleSheet(document, style).define_all(Twips(round(text_width_mm * _TWIPS_PER_MM)))
    moment = brief_moment(brief)
    _core_properties(document, brief, moment)
    check(cancel)
    DocxBody(document, brief, style, load_logo(style, say)).build(progress, cancel)
    _header_footer(document, brief, style, text_width_mm)
    add_to_docx(document, provenance_bytes(brief))
    check(cancel)
    buf = io.BytesIO()
    document.save(buf)
    report(progress, 1, 1, "Word document done")
    return normalise_zip(buf.getvalue(), moment)


def _page_setup(document: Any, style: RenderStyle) -> float:
    width, height = page_size_mm(style)
    m = style.margins
    left, right, top, bottom = (clamp(v, MARGIN_RANGE_MM) for v in (m.left_mm, m.right_mm, m.top_mm, m.bottom_mm))
    section = document.sections[0]
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.header_distance, section.footer_distance = Mm(top * 0.45), Mm(bottom * 0.4)
    return width - left - right


def _core_properties(document: Any, brief: Brief, moment: dt.datetime) -> None:
    """Title, author, subject and keywords; created and modified are the brief's fixed *moment* (see
    :mod:`briefgen.render.reproducible`), and no "last printed" date is written."""

    def text(value: str | None) -> str:
        return clean(value or "").strip()[:255]  # python-docx caps core properties at 255 characters

    props = document.core_properties
    fixed = moment.astimezone(dt.UTC).replace(tzinfo=None)  # python-docx writes naive datetimes as UTC ("Z")
    props.title = text(brief.title)
    props.subject = text(brief.subtitle)
    props.author = text(brief.author or brief.organisation)
    props.keywords = text(", ".join(brief.keywords))
    props.category = "Brief"
    props.comments = f"{len(brief.sources)} sources; every sentence is quoted from a cited source."
    props.last_modified_by = text(brief.author or brief.organisation)
    props.created = fixed
    props.modified = fixed
    props.revision = 1


_MM_PER_CHARACTER = 1.45
"""A rough width of a character at the header's and footer's 8 pt."""
_FURNITURE_LINES = 2


def _reaches_centre(left_text: str, centred: str, text_width_mm: float) -> bool:
    """Whether *left_text* would run into *centred* text set at the centre tab."""
    return (len(left_text) + len(centred) / 2) * _MM_PER_CHARACTER > text_width_mm / 2 - 3


def _furniture_text(text: str, text_width_mm: float) -> str:
    """*text* for the header or footer, shortened with an ellipsis where it would take more than two lines (Word
    would grow the header over the page); found in a few measurements, like the PDF's running head."""
    return fit_text(text.strip(), _FURNITURE_LINES * text_width_mm, lambda piece: len(piece) * _MM_PER_CHARACTER)


def _header_footer(document: Any, brief: Brief, style: RenderStyle, text_width_mm: float) -> None:
    section = document.sections[0]
    marking = marking_text(style, brief.marking)
    header_text = _furniture_text(style.header_text, text_width_mm)
    if header_text or (marking and marking_in_header(style)):
        p = section.header.paragraphs[0]._p
        if header_text:
            p.append(run(header_text))
        if marking and marking_in_header(style):
            p.append(tab_run())  # the header has one tab stop, at the right margin
            p.append(run(marking, "Marking"))
    footer_text = _furniture_text(style.footer_text, text_width_mm)
    show_marking = bool(marking and marking_in_footer(style))
    if footer_text or show_marking or style.page_numbers:
        p = section.footer.paragraphs[0]._p
        if footer_text:
            p.append(run(footer_text))
        if show_marking and marking:
            if _reaches_centre(footer_text, marking, text_width_mm):
                p.append(run("  ·  "))  # a centred marking would collide with a long footer text
            else:
                p.append(tab_run())
            p.append(run(marking, "Marking"))
        elif not _reaches_centre(footer_text, "", text_width_mm):
            p.append(tab_run())
        if style.page_numbers:
            p.append(tab_run())
            for element in page_number_runs(page_number_pieces(style)):
                p.append(element)
