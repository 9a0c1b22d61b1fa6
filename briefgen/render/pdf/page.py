"""What every PDF page carries outside the text frame: header, footer, marking, banner and "Page X of Y".

"Page X of Y" is drawn in one layout pass: each page draws a form XObject named after its number, and the
canvas defines those forms when the document is saved, once the page count is known (PDF allows forms to be
defined after the pages that use them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from briefgen.render.common import fit_text, page_number_pieces
from briefgen.render.pdf.fonts import PdfFonts
from briefgen.render.pdf.styles import colour
from briefgen.render.reproducible import stamp_pdf_document
from briefgen.templates.style import RenderStyle, marking_banner, marking_in_footer, marking_in_header

_FORM_PREFIX = "BriefPageNo"


@dataclass(frozen=True, slots=True)
class PageFurniture:
    style: RenderStyle
    fonts: PdfFonts
    marking: str | None
    page_width: float
    page_height: float
    base_size: float

    @property
    def small(self) -> float:
        return max(6.5, self.base_size * 0.75)

    def banner_height(self) -> float:
        return self.small * 2.6 if self.marking and marking_banner(self.style) else 0.0

    def draw(self, canv: Canvas, page: int) -> None:
        st = self.style
        left = st.margins.left_mm * mm
        right = self.page_width - st.margins.right_mm * mm
        muted = colour(st.colours.muted, "#5f6368")
        rule = colour(st.colours.muted, "#5f6368")
        font = self.fonts.heading
        canv.saveState()
        # header
        top_y = self.page_height - st.margins.top_mm * mm * 0.5
        if page == 1 and self.banner_height():
            self._banner(canv)
        header_bits = bool(st.header_text.strip()) or (self.marking and marking_in_header(st))
        if header_bits and not (page == 1 and self.banner_height()):
            canv.setFont(font.regular, self.small)
            canv.setFillColor(muted)
            if st.header_text.strip():
                canv.drawString(left, top_y, _fit(canv, st.header_text.strip(), font.regular, self.small,
                                                  (right - left) * 0.55))  # fmt: skip
            if self.marking and marking_in_header(st):
                canv.setFont(font.bold, self.small)
                canv.setFillColor(colour(st.colours.marking, "#b3261e"))
                canv.drawRightString(right, top_y, self.marking)
            canv.setStrokeColor(rule)
            canv.setStrokeAlpha(0.35)
            canv.setLineWidth(0.4)
            canv.line(left, top_y - self.small * 0.6, right, top_y - self.small * 0.6)
            canv.setStrokeAlpha(1)
        # footer
        bottom_y = st.margins.bottom_mm * mm * 0.45
        canv.setStrokeColor(rule)
        canv.setStrokeAlpha(0.35)
        canv.setLineWidth(0.4)
        canv.line(left, bottom_y + self.small * 1.3, right, bottom_y + self.small * 1.3)
        canv.setStrokeAlpha(1)
        canv.setFont(font.regular, self.small)
        canv.setFillColor(muted)
        if st.footer_text.strip():
            canv.drawString(left, bottom_y, _fit(canv, st.footer_text.strip(), font.regular, self.small,
                                                 (right - left) * 0.38))  # fmt: skip
        if self.marking and marking_in_footer(st):
            canv.setFont(font.bold, self.small)
            canv.setFillColor(colour(st.colours.marking, "#b3261e"))
            canv.drawCentredString((left + right) / 2, bottom_y, self.marking)
        if st.page_numbers:
            canv.saveState()
            canv.translate(right, bottom_y)
            canv.doForm(f"{_FORM_PREFIX}{page}")
            canv.restoreState()
        canv.restoreState()

    def _banner(self, canv: Canvas) -> None:
        st = self.style
        h = self.banner_height()
        canv.setFillColor(colour(st.colours.marking, "#b3261e"))
        canv.rect(0, self.page_height - h, self.page_width, h, stroke=0, fill=1)
        canv.setFillColor(colour(st.colours.marking_banner_text, "#ffffff"))
        canv.setFont(self.fonts.heading.bold, self.small * 1.15)
        canv.drawCentredString(self.page_width / 2, self.page_height - h * 0.62, self.marking or "")

    def page_number_text(self, page: int, pages: int) -> str:
        out: list[str] = []
        for piece in page_number_pieces(self.style):
            out.append(str(page) if piece == "{page}" else str(pages) if piece == "{pages}" else piece)
        return "".join(out)

    def define_page_forms(self, canv: Canvas, pages: int) -> None:
        """Define the "Page X of Y" form of every page (right-aligned at the form's origin)."""
        if not self.style.page_numbers:
            return
        face = self.fonts.heading.regular
        for page in range(1, pages + 1):
            text = self.page_number_text(page, pages)
            width = canv.stringWidth(text, face, self.small)
            canv.beginForm(f"{_FORM_PREFIX}{page}", lowerx=-width - 2, lowery=-self.small, upperx=2,
                           uppery=self.small * 1.5)  # fmt: skip
            canv.setFont(face, self.small)
            canv.setFillColor(colour(self.style.colours.muted, "#5f6368"))
            canv.drawRightString(0, 0, text)
            canv.endForm()


def _fit(canv: Canvas, text: str, face: str, size: float, width: float) -> str:
    """*text* shortened with an ellipsis to fit *width*."""
    return fit_text(text, width, lambda piece: float(canv.stringWidth(piece, face, size)))


def canvas_class(
    furniture: PageFurniture, on_save: Callable[[int], None] | None = None, moment: dt.datetime | None = None
) -> type[Canvas]:
    """A canvas that defines the page-number forms just before it saves; with *moment*, the document's dates and
    ID are fixed by it (:func:`briefgen.render.reproducible.stamp_pdf_document`) rather than by the clock."""

    class BriefCanvas(Canvas):  # type: ignore[misc]
        def save(self) -> None:
            pages = self.getPageNumber() - 1 if not self._code else self.getPageNumber()
            furniture.define_page_forms(self, pages)
            if on_save is not None:
                on_save(pages)
            super().save()

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if moment is not None:
                kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)
            if moment is not None:
                stamp_pdf_document(self._doc, moment)

    return BriefCanvas
