"""Paragraph styles for the PDF, derived from a :class:`RenderStyle` and the fonts found on the system."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from briefgen.render.pdf import url_breaks
from briefgen.render.pdf.fonts import PdfFonts
from briefgen.templates.style import (
    BASE_SIZE_RANGE_PT,
    LINE_SPACING_RANGE,
    Align,
    RenderStyle,
    clamp,
    hex_rgb,
)


def colour(value: str, fallback: str = "#000000") -> Color:
    r, g, b = hex_rgb(value, fallback)
    return Color(r / 255, g / 255, b / 255)


def hex_of(value: str, fallback: str = "#000000") -> str:
    """A normalised ``#rrggbb`` for markup attributes."""
    r, g, b = hex_rgb(value, fallback)
    return f"#{r:02x}{g:02x}{b:02x}"


def tint(value: str, amount: float) -> Color:
    """*value* mixed with white: ``amount`` 0 is white, 1 the colour itself."""
    r, g, b = hex_rgb(value)
    return Color(*(1 - amount + amount * c / 255 for c in (r, g, b)))


@dataclass(frozen=True, slots=True)
class PdfStyles:
    size: float
    kicker: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    meta: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    summary: ParagraphStyle
    bullet: ParagraphStyle
    quote: ParagraphStyle
    terms: ParagraphStyle
    source: ParagraphStyle
    note: ParagraphStyle
    banner: ParagraphStyle
    accent: str
    """``#rrggbb`` of the accent colour, for links and bullets in markup."""


def build_styles(style: RenderStyle, fonts: PdfFonts) -> PdfStyles:
    size = clamp(style.fonts.base_size_pt, BASE_SIZE_RANGE_PT)
    spacing = clamp(style.fonts.line_spacing, LINE_SPACING_RANGE)
    body_font, head_font = fonts.body, fonts.heading
    text = colour(style.colours.text, "#1a1a1a")
    muted = colour(style.colours.muted, "#5f6368")
    heads = colour(style.colours.headings, "#1f3864")
    accent_hex = hex_of(style.colours.accent, "#1f4e79")
    align = TA_CENTER if style.title_block.align == Align.CENTER else TA_LEFT

    def ps(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": body_font.regular,
            "fontSize": size,
            "leading": size * spacing,
            "textColor": text,
            "splitLongWords": 1,
            # reaches the word splitter: a URL too wide for the line breaks after / - . ? & = _ (url_breaks.py)
            "embeddedHyphenation": int(url_breaks.install()),
            "allowWidows": 0,
            "allowOrphans": 0,
            "shaping": 1,  # only words in complex-script fonts are shaped (briefgen.render.pdf.shaping)
        }
        base.update(kw)
        base.setdefault("bulletFontName", body_font.regular)
        base.setdefault("bulletFontSize", base["fontSize"])
        return ParagraphStyle(name, **base)

    body = ps("BriefBody", alignment=TA_JUSTIFY, spaceAfter=size * 0.6)
    pad = size * 0.9
    return PdfStyles(
        size=size,
        kicker=ps("BriefKicker", fontName=head_font.bold, fontSize=size * 0.85, leading=size * 1.2,
                  textColor=colour(style.colours.accent), alignment=align, spaceAfter=size * 0.5),
        title=ps("BriefTitle", fontName=head_font.bold, fontSize=size * 2.2, leading=size * 2.6,
                 textColor=heads, alignment=align, spaceAfter=size * 0.45),
        subtitle=ps("BriefSubtitle", fontName=head_font.regular, fontSize=size * 1.2, leading=size * 1.55,
                    textColor=muted, alignment=align, spaceAfter=size * 0.5),
        meta=ps("BriefMeta", fontName=head_font.regular, fontSize=size * 0.85, leading=size * 1.2,
                textColor=muted, alignment=align),
        heading=ps("BriefHeading1", fontName=head_font.bold, fontSize=size * 1.35, leading=size * 1.7,
                   textColor=heads, spaceBefore=size * 1.5, spaceAfter=size * 0.5),
        subheading=ps("BriefHeading2", fontName=body_font.italic, fontSize=size * 0.92, leading=size * 1.25,
                      textColor=muted, spaceAfter=size * 0.55),
        body=body,
        summary=ps("BriefSummary", alignment=TA_JUSTIFY, backColor=tint(style.colours.accent, 0.08),
                   borderPadding=pad, leftIndent=pad, rightIndent=pad, spaceBefore=pad,
                   spaceAfter=pad + size * 0.6),
        bullet=ps("BriefBullet", leftIndent=size * 1.5, bulletIndent=size * 0.3, spaceAfter=size * 0.35),
        quote=ps("BriefQuote", fontName=body_font.italic, leftIndent=size * 1.6, rightIndent=size * 1.2,
                 spaceBefore=size * 0.3, spaceAfter=size * 0.8),
        terms=ps("BriefTerms", fontName=head_font.regular, fontSize=size * 0.95, leading=size * 1.5,
                 textColor=colour(style.colours.accent)),
        source=ps("BriefSource", fontSize=size * 0.86, leading=size * 0.86 * 1.3, leftIndent=size * 2.0,
                  bulletIndent=0, spaceAfter=size * 0.4, splitLongWords=1),
        note=ps("BriefNote", fontSize=size * 0.76, leading=size * 0.76 * 1.25, leftIndent=size * 1.4,
                bulletIndent=0, spaceAfter=size * 0.15),
        banner=ps("BriefBanner", fontName=head_font.bold, fontSize=size * 0.95, leading=size * 1.2,
                  textColor=colour(style.colours.marking_banner_text, "#ffffff"), alignment=TA_CENTER),
        accent=accent_hex,
    )  # fmt: skip
