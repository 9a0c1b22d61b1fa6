"""The Word styles of a brief: the reference document's styles, adjusted to a template.

A Word brief starts from ``resources/docx/reference.docx`` (:func:`reference_document`), as python-docx starts
from its own default template. That document, made by ``tools/make_docx_reference.py``, holds the brief's styles
with everything that is the same for every template: Word's built-in Title, Subtitle, Heading 1–2, Body Text,
List Bullet, Quote, Header, Footer, Hyperlink, footnote text and footnote reference, and named styles of our own
(Title Kicker, Title Meta, Title Rule, Executive Summary, Part Subheading, Key Phrases, Source Entry, Citation,
Support Mark, New Mark, Marking, Marking Banner), each with what it is based on, bold or italic, keep-with-next,
outline level, bullets, the sides of its borders. The look lives in the styles, not in direct formatting, so a
user can restyle the brief in Word.

:class:`StyleSheet` sets what the template decides through python-docx's style objects (``style.font``,
``style.paragraph_format``, its tab stops): fonts, sizes, colours, space before and after, line spacing, indents
and the title block's alignment. Fonts are named, not embedded: ``serif`` -> Times New Roman, ``sans`` -> Arial
(present with Word everywhere, and mapped to the metric-compatible Liberation fonts by LibreOffice on Linux).

Elements are edited directly only where python-docx has no API, and only ones the reference document holds:

* the document defaults (body font and size, space after, line spacing), which every style inherits
  (:meth:`StyleSheet.document_defaults`);
* a style's complex-script font and size (``w:rFonts/@w:cs``, ``w:szCs``), so Arabic or Hindi text in a heading
  is set like the Latin text (:meth:`StyleSheet.look`);
* the colours of paragraph borders and shading (``w:pBdr``, ``w:shd``), and the Executive Summary's padding
  (:meth:`StyleSheet.recolour`);
* the font and colour of List Bullet's bullet, in the numbering part (:meth:`StyleSheet.colour_bullets`).
"""

from __future__ import annotations

from typing import Any
from zipfile import BadZipFile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips

from briefgen.errors import ResourceError
from briefgen.render.docx.scripts import RPR_AFTER_FONTS
from briefgen.render.support_marks import SMALL, muted_accent
from briefgen.resources import resource_path
from briefgen.templates.style import BASE_SIZE_RANGE_PT, LINE_SPACING_RANGE, Align, RenderStyle, clamp, hex_rgb

DOCX_FONTS = {"serif": "Times New Roman", "sans": "Arial"}
REFERENCE = ("docx", "reference.docx")
"""Where the reference document lives under ``resources/``."""
_AFTER_SZCS = RPR_AFTER_FONTS[RPR_AFTER_FONTS.index("w:szCs") + 1 :]


def reference_document() -> Any:
    """A new python-docx document opened from the reference document."""
    path = resource_path(*REFERENCE)
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError, SyntaxError, OSError) as exc:  # a damaged file
        raise ResourceError(f"cannot open the Word reference document ({exc})", str(path)) from None


def font_name(choice: str) -> str:
    """The Word font for a template's family: the generic ones mapped, a named family as it is (Word and
    LibreOffice substitute a family the reader's machine lacks)."""
    return DOCX_FONTS.get(choice, choice.strip() or DOCX_FONTS["serif"])


def hex6(colour: str, fallback: str = "#000000") -> str:
    r, g, b = hex_rgb(colour, fallback)
    return f"{r:02X}{g:02X}{b:02X}"


def tint6(colour: str, amount: float) -> str:
    r, g, b = hex_rgb(colour)
    return "".join(f"{round(255 - amount * (255 - c)):02X}" for c in (r, g, b))


def _tw(pt: float) -> Twips:
    """*pt* points in whole twentieths of a point, the unit Word stores spacing and indents in."""
    return Twips(round(pt * 20))


class StyleSheet:
    """Adjusts the styles of a document opened with :func:`reference_document` to a :class:`RenderStyle`."""

    def __init__(self, document: Any, style: RenderStyle) -> None:
        self.document = document
        self.styles = document.styles
        self.style = style
        self.size = clamp(style.fonts.base_size_pt, BASE_SIZE_RANGE_PT)
        self.spacing = clamp(style.fonts.line_spacing, LINE_SPACING_RANGE)
        self.body_font = font_name(style.fonts.body)
        self.head_font = font_name(style.fonts.heading)
        c = style.colours
        self.text = hex6(c.text, "#1A1A1A")
        self.muted = hex6(c.muted, "#5F6368")
        self.heads = hex6(c.headings, "#1F3864")
        self.accent = hex6(c.accent, "#1F4E79")
        self.marking = hex6(c.marking, "#B3261E")
        self.banner_text = hex6(c.marking_banner_text, "#FFFFFF")
        self.summary_fill = tint6(c.accent, 0.08)
        self.rule = tint6(c.muted, 0.45)

    def define_all(self, text_width: Twips) -> None:
        """Every style of the brief; *text_width* places the header's and footer's tab stops."""
        sz, head = self.size, self.head_font
        self.document_defaults()
        self.look("Normal", colour=self.text)
        self.space("Body Text", after=0.6)
        centre = WD_ALIGN_PARAGRAPH.CENTER if self.style.title_block.align == Align.CENTER else None
        for name, colour, scale, after in (
            ("Title", self.heads, 2.2, 0.45),
            ("Subtitle", self.muted, 1.2, 0.5),
            ("Title Kicker", self.accent, 0.85, 0.5),
            ("Title Meta", self.muted, 0.85, None),
        ):
            self.look(name, font=head, size=sz * scale, colour=colour).paragraph_format.alignment = centre
            self.space(name, after=after)
        self.space("Title Rule", before=0.3, after=1.2)
        self.recolour("Title Rule", self.accent)
        for name, scale, before, after in (("heading 1", 1.35, 1.5, 0.5), ("heading 2", 1.1, 1.0, 0.3)):
            self.look(name, font=head, size=sz * scale, colour=self.heads)
            self.space(name, before=before, after=after)
        self.look("Part Subheading", size=sz * 0.92, colour=self.muted)
        self.space("Part Subheading", after=0.55)
        pad = round(sz * 0.9 * 20) // 20  # whole points between the shaded box's text and its edge
        self.recolour("Executive Summary", self.summary_fill, space=pad)
        self.space("Executive Summary", before=1.0, after=1.5)
        self._indent("Executive Summary", left=pad, right=pad)
        self.space("List Bullet", after=0.35)
        self.recolour("Quote", self.accent)
        self.space("Quote", before=0.3, after=0.8)
        self._indent("Quote", left=sz * 1.6, right=sz * 1.2)
        self.look("Key Phrases", font=head, size=sz * 0.95, colour=self.accent)
        self.space("Key Phrases", after=0.6)
        self.look("Source Entry", size=sz * 0.86)
        self.space("Source Entry", after=0.4)
        self._indent("Source Entry", left=sz * 2.0, hanging=sz * 2.0)
        self.styles["Source Entry"].paragraph_format.tab_stops.add_tab_stop(_tw(sz * 2.0), WD_TAB_ALIGNMENT.LEFT)
        self.look("footnote text", size=sz * 0.76)
        for name in ("footnote reference", "Hyperlink", "Citation"):
            self.look(name, colour=self.accent)
        self.look("Support Mark", size=sz * SMALL, colour=self.muted)
        self.look("New Mark", size=sz * SMALL, colour=hex6(muted_accent(self.style.colours.accent)))
        self.look("Marking", colour=self.marking)
        self.look("Marking Banner", font=head, size=sz * 0.9, colour=self.banner_text)
        self.recolour("Marking Banner", self.marking)
        self.space("Marking Banner", after=1.4)
        for name in ("header", "footer"):
            self.look(name, font=head, size=max(6.5, sz * 0.75), colour=self.muted)
            self.recolour(name, self.rule)
        self.styles["header"].paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
        footer_tabs = self.styles["footer"].paragraph_format.tab_stops
        footer_tabs.add_tab_stop(Twips(text_width.twips // 2), WD_TAB_ALIGNMENT.CENTER)
        footer_tabs.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
        self.colour_bullets()

    def document_defaults(self) -> None:
        """The body font and size, space after a paragraph and line spacing, which every style inherits (and
        LibreOffice also gives a footnote's number): python-docx has no API for the document defaults, so they are
        set through its elements' own run and paragraph properties, as ``Font`` and ``ParagraphFormat`` do."""
        defaults = self.styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        rpr.rFonts_ascii = rpr.rFonts_hAnsi = self.body_font
        rpr.get_or_add_rFonts().set(qn("w:cs"), self.body_font)
        half_points = max(2, round(self.size * 2))
        rpr.sz_val = Pt(half_points / 2)
        self._complex_size(rpr, half_points)
        ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
        ppr.spacing_after = _tw(self.size * 0.6)
        # "at least" the PDF's leading (size x spacing): Word's "multiple" spacing is relative to the font's own
        # line height (about 1.15 em), which would make the Word brief looser than the PDF one
        ppr.spacing_line = _tw(self.size * self.spacing)
        ppr.spacing_lineRule = WD_LINE_SPACING.AT_LEAST

    def look(self, name: str, *, font: str | None = None, size: float | None = None, colour: str | None = None) -> Any:
        """Give style *name* (and the character style linked to it, Title -> Title Char) a font, a size in points
        and an ``RRGGBB`` colour, for Latin and complex-script text alike; the style is returned."""
        style = self.styles[name]
        targets = [style]
        link = style.element.find(qn("w:link"))
        if link is not None:
            linked = self.styles.element.get_by_id(link.get(qn("w:val")))
            if linked is not None:
                targets.append(self.styles[linked.name_val])
        for target in targets:
            if font is not None:
                target.font.name = font
                target.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:cs"), font)
            if colour is not None:
                target.font.color.rgb = RGBColor.from_string(colour)
            if size is not None:
                half_points = max(2, round(size * 2))
                target.font.size = Pt(half_points / 2)
                self._complex_size(target.element.get_or_add_rPr(), half_points)
        return style

    def space(self, name: str, *, before: float | None = None, after: float | None = None) -> None:
        """Space before and after paragraphs of style *name*, in multiples of the body size."""
        fmt = self.styles[name].paragraph_format
        if before is not None:
            fmt.space_before = _tw(self.size * before)
        if after is not None:
            fmt.space_after = _tw(self.size * after)

    def _indent(self, name: str, *, left: float, right: float = 0, hanging: float = 0) -> None:
        """Indents of style *name* in points; *hanging* pulls the first line back out to the margin."""
        fmt = self.styles[name].paragraph_format
        fmt.left_indent = _tw(left)
        if right:
            fmt.right_indent = _tw(right)
        if hanging:
            fmt.first_line_indent = _tw(-hanging)

    def recolour(self, name: str, colour: str, *, space: int | None = None) -> None:
        """Colour the borders and shading the reference document gives style *name* (and set the borders' distance
        from the text, in points, when *space* is given)."""
        ppr = self.styles[name].element.pPr
        edges = ppr.find(qn("w:pBdr")) if ppr is not None else None
        for edge in edges if edges is not None else ():
            edge.set(qn("w:color"), colour)
            if space is not None:
                edge.set(qn("w:space"), str(space))
        shading = ppr.find(qn("w:shd")) if ppr is not None else None
        if shading is not None:
            shading.set(qn("w:fill"), colour)

    @staticmethod
    def _complex_size(rpr: Any, half_points: int) -> None:
        size = rpr.find(qn("w:szCs"))
        if size is None:
            size = OxmlElement("w:szCs")
            rpr.insert_element_before(size, *_AFTER_SZCS)
        size.set(qn("w:val"), str(half_points))

    def colour_bullets(self) -> None:
        """List Bullet's bullet (level 0 of its list) in the heading font and the accent colour."""
        try:
            numbering = self.document.part.numbering_part.element
        except (AttributeError, KeyError, NotImplementedError):
            return
        num_pr = self.styles["List Bullet"].element.pPr.numPr
        num = numbering.num_having_numId(num_pr.numId.val)
        for abstract in numbering.findall(qn("w:abstractNum")):
            if abstract.get(qn("w:abstractNumId")) != str(num.abstractNumId.val):
                continue
            for level in abstract.findall(qn("w:lvl")):
                if level.get(qn("w:ilvl")) == "0":
                    rpr = level.find(qn("w:rPr"))
                    rpr.rFonts_ascii = rpr.rFonts_hAnsi = self.head_font
                    rpr.get_or_add_color().val = RGBColor.from_string(self.accent)
