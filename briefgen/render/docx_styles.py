"""The Word styles of a brief, defined from a :class:`RenderStyle` so that a user can restyle them in Word.

The brief's look lives in the styles, not in direct formatting: Title, Subtitle, Heading 1–2, Body Text,
List Bullet, Quote, Header, Footer, Hyperlink, footnote text / footnote reference (Word's built-in names), and a
few named styles of our own (Title Kicker, Title Meta, Title Rule, Executive Summary, Part Subheading,
Key Phrases, Source Entry, Citation, Support Mark, New Mark, Marking, Marking Banner). Fonts are named, not embedded:
``serif`` -> Times New Roman, ``sans`` -> Arial (present with Word everywhere, and mapped to the metric-compatible
Liberation fonts by LibreOffice on Linux).
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import quoteattr

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from briefgen.render.style import (
    BASE_SIZE_RANGE_PT,
    LINE_SPACING_RANGE,
    Align,
    RenderStyle,
    clamp,
    hex_rgb,
)
from briefgen.render.support_marks import SMALL, muted_accent

DOCX_FONTS = {"serif": "Times New Roman", "sans": "Arial"}


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


def _fonts(name: str) -> str:
    q = quoteattr(name)
    return f"<w:rFonts w:ascii={q} w:hAnsi={q} w:cs={q}/>"


def _size(pt: float) -> str:
    half = max(2, round(pt * 2))
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


def _tw(pt: float) -> int:
    return round(pt * 20)


class StyleSheet:
    """Writes the styles into a python-docx Document's styles part."""

    def __init__(self, document: Any, style: RenderStyle) -> None:
        self.document = document
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

    def define_all(self, text_width_twips: int) -> None:
        s, sz = self, self.size
        # "at least" the PDF's leading (size x spacing): Word's "multiple" spacing is relative to the font's own
        # line height (about 1.15 em), which would make the Word brief looser than the PDF one
        self._defaults(_tw(sz * s.spacing))
        title_jc = '<w:jc w:val="center"/>' if s.style.title_block.align == Align.CENTER else ""
        self.define("Normal", "Normal", ppr="", rpr=f'<w:color w:val="{s.text}"/>', based_on=None, builtin=True)
        self.define(
            "BodyText",
            "Body Text",
            ppr=f'<w:spacing w:after="{_tw(sz * 0.6)}"/><w:jc w:val="both"/>',
            rpr="",
            builtin=True,
        )
        self.define(
            "Title",
            "Title",
            next_="Normal",
            builtin=True,
            ppr=f'<w:keepNext/><w:spacing w:before="0" w:after="{_tw(sz * 0.45)}" w:line="250" '
            f'w:lineRule="auto"/>{title_jc}',
            rpr=f'{_fonts(s.head_font)}<w:b/><w:bCs/><w:color w:val="{s.heads}"/>{_size(sz * 2.2)}',
        )
        self.define(
            "Subtitle",
            "Subtitle",
            next_="Normal",
            builtin=True,
            ppr=f'<w:keepNext/><w:spacing w:after="{_tw(sz * 0.5)}"/>{title_jc}',
            rpr=f'{_fonts(s.head_font)}<w:color w:val="{s.muted}"/>{_size(sz * 1.2)}',
        )
        self.define(
            "TitleKicker",
            "Title Kicker",
            next_="Title",
            ppr=f'<w:keepNext/><w:spacing w:after="{_tw(sz * 0.5)}"/>{title_jc}',
            rpr=f'{_fonts(s.head_font)}<w:b/><w:caps/><w:color w:val="{s.accent}"/>{_size(sz * 0.85)}',
        )
        self.define(
            "TitleMeta",
            "Title Meta",
            ppr=f'<w:keepNext/><w:spacing w:after="0"/>{title_jc}',
            rpr=f'{_fonts(s.head_font)}<w:color w:val="{s.muted}"/>{_size(sz * 0.85)}',
        )
        self.define(
            "TitleRule",
            "Title Rule",
            ppr=f'<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="1" w:color="{s.accent}"/></w:pBdr>'
            f'<w:spacing w:before="{_tw(sz * 0.3)}" w:after="{_tw(sz * 1.2)}" w:line="240" '
            f'w:lineRule="auto"/>',
            rpr=_size(4),
        )
        for level, (scale, before, after) in enumerate(((1.35, 1.5, 0.5), (1.1, 1.0, 0.3)), start=1):
            self.define(
                f"Heading{level}",
                f"heading {level}",
                next_="BodyText",
                builtin=True,
                ppr=f'<w:keepNext/><w:keepLines/><w:spacing w:before="{_tw(sz * before)}" '
                f'w:after="{_tw(sz * after)}"/><w:outlineLvl w:val="{level - 1}"/>',
                rpr=f'{_fonts(s.head_font)}<w:b/><w:bCs/><w:color w:val="{s.heads}"/>{_size(sz * scale)}',
            )
        self.define(
            "PartSubheading",
            "Part Subheading",
            next_="BodyText",
            ppr=f'<w:keepNext/><w:spacing w:after="{_tw(sz * 0.55)}"/>',
            rpr=f'<w:i/><w:iCs/><w:color w:val="{s.muted}"/>{_size(sz * 0.92)}',
        )
        pad = _tw(sz * 0.9) // 20
        edge = "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="{pad}" w:color="{s.summary_fill}"/>'
            for side in ("top", "left", "bottom", "right")
        )
        self.define(
            "ExecutiveSummary",
            "Executive Summary",
            based_on="BodyText",
            ppr=f'<w:pBdr>{edge}</w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="{s.summary_fill}"/>'
            f'<w:spacing w:before="{_tw(sz)}" w:after="{_tw(sz * 1.5)}"/>'
            f'<w:ind w:left="{_tw(pad)}" w:right="{_tw(pad)}"/>',
            rpr="",
        )
        self.define(
            "ListBullet",
            "List Bullet",
            builtin=True,
            ppr=f'<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="{_tw(sz * 0.35)}"/>',
            rpr="",
        )
        self.define(
            "Quote",
            "Quote",
            next_="BodyText",
            builtin=True,
            ppr=f'<w:pBdr><w:left w:val="single" w:sz="16" w:space="8" w:color="{s.accent}"/></w:pBdr>'
            f'<w:spacing w:before="{_tw(sz * 0.3)}" w:after="{_tw(sz * 0.8)}"/>'
            f'<w:ind w:left="{_tw(sz * 1.6)}" w:right="{_tw(sz * 1.2)}"/>',
            rpr="<w:i/><w:iCs/>",
        )
        self.define(
            "KeyPhrases",
            "Key Phrases",
            ppr=f'<w:spacing w:after="{_tw(sz * 0.6)}"/>',
            rpr=f'{_fonts(s.head_font)}<w:color w:val="{s.accent}"/>{_size(sz * 0.95)}',
        )
        hang = _tw(sz * 2.0)
        self.define(
            "SourceEntry",
            "Source Entry",
            ppr=f'<w:tabs><w:tab w:val="left" w:pos="{hang}"/></w:tabs>'
            f'<w:spacing w:after="{_tw(sz * 0.4)}" w:line="{round(240 * 1.15)}" w:lineRule="auto"/>'
            f'<w:ind w:left="{hang}" w:hanging="{hang}"/>',
            rpr=_size(sz * 0.86),
        )
        self.define(
            "FootnoteText",
            "footnote text",
            builtin=True,
            ppr='<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
            rpr=_size(sz * 0.76),
        )
        self.define(
            "FootnoteReference",
            "footnote reference",
            kind="character",
            based_on=None,
            builtin=True,
            ppr=None,
            rpr=f'<w:color w:val="{s.accent}"/><w:vertAlign w:val="superscript"/>',
        )
        self.define(
            "Hyperlink",
            "Hyperlink",
            kind="character",
            based_on=None,
            builtin=True,
            ppr=None,
            rpr=f'<w:color w:val="{s.accent}"/>',
        )
        self.define(
            "Citation", "Citation", kind="character", based_on=None, ppr=None, rpr=f'<w:color w:val="{s.accent}"/>'
        )
        self.define(
            "SupportMark",
            "Support Mark",
            kind="character",
            based_on=None,
            ppr=None,
            rpr=f'<w:color w:val="{s.muted}"/>{_size(sz * SMALL)}',
        )
        self.define(
            "NewMark",
            "New Mark",
            kind="character",
            based_on=None,
            ppr=None,
            rpr=f'<w:color w:val="{hex6(muted_accent(self.style.colours.accent))}"/>{_size(sz * SMALL)}',
        )
        self.define(
            "Marking",
            "Marking",
            kind="character",
            based_on=None,
            ppr=None,
            rpr=f'<w:b/><w:bCs/><w:color w:val="{s.marking}"/>',
        )
        band = "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="4" w:color="{s.marking}"/>'
            for side in ("top", "left", "bottom", "right")
        )
        self.define(
            "MarkingBanner",
            "Marking Banner",
            ppr=f'<w:pBdr>{band}</w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="{s.marking}"/>'
            f'<w:spacing w:before="0" w:after="{_tw(sz * 1.4)}"/><w:jc w:val="center"/>',
            rpr=f'{_fonts(s.head_font)}<w:b/><w:bCs/><w:color w:val="{s.banner_text}"/>{_size(sz * 0.9)}',
        )
        tabs = (
            f'<w:tabs><w:tab w:val="center" w:pos="{text_width_twips // 2}"/>'
            f'<w:tab w:val="right" w:pos="{text_width_twips}"/></w:tabs>'
        )
        small = f'{_fonts(s.head_font)}<w:color w:val="{s.muted}"/>{_size(max(6.5, sz * 0.75))}'
        self.define(
            "Header",
            "header",
            builtin=True,
            rpr=small,
            ppr=f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="{s.rule}"/></w:pBdr>'
            f'<w:tabs><w:tab w:val="right" w:pos="{text_width_twips}"/></w:tabs>'
            f'<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
        )
        self.define(
            "Footer",
            "footer",
            builtin=True,
            rpr=small,
            ppr=f'<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="{s.rule}"/></w:pBdr>'
            f'{tabs}<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
        )
        self._colour_bullets()

    def _defaults(self, line: int) -> None:
        root = self.document.styles.element
        defaults = root.find(qn("w:docDefaults"))
        if defaults is not None:
            root.remove(defaults)
        q = quoteattr(self.body_font)
        xml = (
            f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>"
            f'<w:rFonts w:ascii={q} w:hAnsi={q} w:cs={q} w:eastAsiaTheme="minorEastAsia"/>{_size(self.size)}'
            '<w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            f'<w:pPrDefault><w:pPr><w:spacing w:after="{_tw(self.size * 0.6)}" w:line="{line}" '
            'w:lineRule="atLeast"/></w:pPr></w:pPrDefault></w:docDefaults>'
        )
        root.insert(0, parse_xml(xml))

    def define(
        self,
        style_id: str,
        name: str,
        *,
        ppr: str | None,
        rpr: str,
        kind: str = "paragraph",
        based_on: str | None = "Normal",
        next_: str | None = None,
        builtin: bool = False,
    ) -> None:
        """(Re)define a style: an existing one of that id is replaced."""
        root = self.document.styles.element
        link = None
        for old in root.findall(qn("w:style")):
            if old.get(qn("w:styleId")) == style_id:
                found = old.find(qn("w:link"))
                link = found.get(qn("w:val")) if found is not None else None  # keep e.g. Title <-> TitleChar
                root.remove(old)
        custom = "" if builtin else ' w:customStyle="1"'
        if style_id == "Normal":
            custom = ' w:default="1"'  # the style of paragraphs that name none
        parts = [
            f'<w:style {nsdecls("w")} w:type="{kind}" w:styleId="{style_id}"{custom}>',
            f"<w:name w:val={quoteattr(name)}/>",
        ]
        if based_on and style_id != based_on:
            parts.append(f'<w:basedOn w:val="{based_on}"/>')
        if next_:
            parts.append(f'<w:next w:val="{next_}"/>')
        if link:
            parts.append(f"<w:link w:val={quoteattr(link)}/>")
        parts.append("<w:qFormat/>")
        if ppr is not None and kind == "paragraph":
            parts.append(f"<w:pPr>{ppr}</w:pPr>")
        if rpr:
            parts.append(f"<w:rPr>{rpr}</w:rPr>")
        parts.append("</w:style>")
        root.append(parse_xml("".join(parts)))
        if link:
            self._sync_linked(link, rpr)

    def _sync_linked(self, char_style_id: str, rpr: str) -> None:
        """Give the character style linked to a paragraph style (Title -> TitleChar) the same run look."""
        for linked in self.document.styles.element.findall(qn("w:style")):
            if linked.get(qn("w:styleId")) != char_style_id:
                continue
            for old in linked.findall(qn("w:rPr")):
                linked.remove(old)
            if rpr:
                linked.append(parse_xml(f"<w:rPr {nsdecls('w')}>{rpr}</w:rPr>"))

    def _colour_bullets(self) -> None:
        """The bullets of List Bullet: a round bullet in the accent colour (level 0 of the list the style uses;
        the starting document's bullet is a Symbol-font glyph that LibreOffice shows as a square)."""
        try:
            numbering = self.document.part.numbering_part.element
        except (AttributeError, KeyError, NotImplementedError):
            return
        abstract_id = None
        for num in numbering.findall(qn("w:num")):
            if num.get(qn("w:numId")) == "1":
                ref = num.find(qn("w:abstractNumId"))
                abstract_id = ref.get(qn("w:val")) if ref is not None else None
        for abstract in numbering.findall(qn("w:abstractNum")):
            if abstract.get(qn("w:abstractNumId")) != abstract_id:
                continue
            for lvl in abstract.findall(qn("w:lvl")):
                if lvl.get(qn("w:ilvl")) != "0":
                    continue
                text = lvl.find(qn("w:lvlText"))
                if text is not None:
                    text.set(qn("w:val"), "\u2022")
                rpr = lvl.find(qn("w:rPr"))
                if rpr is None:
                    continue
                for child in list(rpr):
                    rpr.remove(child)
                rpr.append(
                    parse_xml(
                        f"<w:rFonts {nsdecls('w')} w:ascii={quoteattr(self.head_font)} "
                        f'w:hAnsi={quoteattr(self.head_font)} w:hint="default"/>'
                    )
                )
                rpr.append(parse_xml(f'<w:color {nsdecls("w")} w:val="{self.accent}"/>'))
