"""Make ``resources/docx/reference.docx``, the document every Word brief starts from.

python-docx starts a new document from its own default template (``docx/templates/default.docx``); briefgen starts
from this reference document instead, made from that same template:

* what a brief does not carry is removed: the thumbnail of an empty page, the extended properties (one page of no
  words by "Microsoft Macintosh Word") and the Word 2010 copy of the styles (``stylesWithEffects``);
* the document defaults hold the language (British English) and the East Asian theme font (the body font,
  size and spacing are added per template);
* the brief's styles (:data:`STYLES`) are defined with everything that is the same for every template: which
  style each is based on and followed by, bold, italic and capitals, keep-with-next, fixed spacings, outline
  levels, the bullet list, which sides of a paragraph have borders and shading;
* the bullet of List Bullet is a round bullet (the template's is a Symbol-font glyph LibreOffice shows as a
  square).

What a template decides (fonts, sizes, colours, spacing, indents, tab stops, title alignment, border colours) is
set when a brief is written, by :mod:`briefgen.render.docx.styles`. The file is reproducible: running this again
gives the same bytes, and a test checks that the shipped file is what this script makes.

Run from the repository root::

    .venv/bin/python tools/make_docx_reference.py          # writes resources/docx/reference.docx
    .venv/bin/python tools/make_docx_reference.py --check  # exit status 1 when the shipped file differs
"""

from __future__ import annotations

import argparse
import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from briefgen.render.reproducible import FALLBACK_MOMENT, normalise_zip  # noqa: E402

OUT = REPO / "resources" / "docx" / "reference.docx"
PARAGRAPH, CHARACTER = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
               "w:rPr", "w:sectPr", "w:pPrChange")  # fmt: skip
"""The elements of ``w:pPr`` that come after ``w:pBdr``, in the schema's order."""
_AFTER_SZCS = ("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
               "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")  # fmt: skip


@dataclass(frozen=True)
class Borders:
    sides: tuple[str, ...]
    size: int
    """Eighths of a point."""
    space: int
    """Points between text and border (the Executive Summary's is set per template)."""


@dataclass(frozen=True)
class StyleShape:
    """What a brief style is in every template."""

    style_id: str
    name: str
    kind: WD_STYLE_TYPE = PARAGRAPH
    builtin: bool = False
    based_on: str | None = "Normal"
    next_style: str | None = None
    bold: bool = False
    italic: bool = False
    caps: bool = False
    superscript: bool = False
    size_pt: float | None = None
    keep_next: bool = False
    keep_lines: bool = False
    justify: bool = False
    centre: bool = False
    before_zero: bool = False
    after_zero: bool = False
    line: float | None = None
    """Line spacing as a multiple of single spacing."""
    outline_level: int | None = None
    bullets: bool = False
    borders: Borders | None = None
    shaded: bool = False


_BOX = ("top", "left", "bottom", "right")
STYLES: tuple[StyleShape, ...] = (
    StyleShape("Normal", "Normal", builtin=True, based_on=None),
    StyleShape("BodyText", "Body Text", builtin=True, justify=True),
    StyleShape("Title", "Title", builtin=True, next_style="Normal", bold=True, keep_next=True, before_zero=True,
               line=250 / 240),
    StyleShape("Subtitle", "Subtitle", builtin=True, next_style="Normal", keep_next=True),
    StyleShape("TitleKicker", "Title Kicker", next_style="Title", bold=True, caps=True, keep_next=True),
    StyleShape("TitleMeta", "Title Meta", keep_next=True, after_zero=True),
    StyleShape("TitleRule", "Title Rule", size_pt=4, line=1.0, borders=Borders(("bottom",), 12, 1)),
    StyleShape("Heading1", "heading 1", builtin=True, next_style="BodyText", bold=True, keep_next=True,
               keep_lines=True, outline_level=0),
    StyleShape("Heading2", "heading 2", builtin=True, next_style="BodyText", bold=True, keep_next=True,
               keep_lines=True, outline_level=1),
    StyleShape("PartSubheading", "Part Subheading", next_style="BodyText", italic=True, keep_next=True),
    StyleShape("ExecutiveSummary", "Executive Summary", based_on="BodyText", borders=Borders(_BOX, 4, 0),
               shaded=True),
    StyleShape("ListBullet", "List Bullet", builtin=True, bullets=True),
    StyleShape("Quote", "Quote", builtin=True, next_style="BodyText", italic=True, borders=Borders(("left",), 16, 8)),
    StyleShape("KeyPhrases", "Key Phrases"),
    StyleShape("SourceEntry", "Source Entry", line=1.15),
    StyleShape("FootnoteText", "footnote text", builtin=True, after_zero=True, line=1.0),
    StyleShape("FootnoteReference", "footnote reference", CHARACTER, builtin=True, based_on=None, superscript=True),
    StyleShape("Hyperlink", "Hyperlink", CHARACTER, builtin=True, based_on=None),
    StyleShape("Citation", "Citation", CHARACTER, based_on=None),
    StyleShape("SupportMark", "Support Mark", CHARACTER, based_on=None),
    StyleShape("NewMark", "New Mark", CHARACTER, based_on=None),
    StyleShape("Marking", "Marking", CHARACTER, based_on=None, bold=True),
    StyleShape("MarkingBanner", "Marking Banner", bold=True, centre=True, before_zero=True,
               borders=Borders(_BOX, 4, 4), shaded=True),
    StyleShape("Header", "header", builtin=True, after_zero=True, line=1.0, borders=Borders(("bottom",), 4, 4)),
    StyleShape("Footer", "footer", builtin=True, after_zero=True, line=1.0, borders=Borders(("top",), 4, 4)),
)  # fmt: skip
"""The brief's styles: Word's built-in ones by their built-in names, and briefgen's own."""


def make_reference() -> bytes:
    """The reference document's bytes."""
    document = docx.Document()
    _drop_leftovers(document)
    _document_defaults(document)
    for shape in STYLES:
        _define(document, shape)
    _round_bullet(document)
    buf = io.BytesIO()
    document.save(buf)
    return normalise_zip(buf.getvalue(), FALLBACK_MOMENT)


def _drop_leftovers(document: Any) -> None:
    leftovers = (
        (document.part.package.rels, RT.THUMBNAIL),
        (document.part.package.rels, RT.EXTENDED_PROPERTIES),
        (document.part.rels, _STYLES_WITH_EFFECTS),
    )
    for rels, reltype in leftovers:
        for r_id, rel in list(rels.items()):
            if rel.reltype == reltype:
                rels.pop(r_id)


def _document_defaults(document: Any) -> None:
    """Language and East Asian theme font only; the body font, size and spacing are the template's (python-docx
    has no API for the document defaults)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    for child in list(rpr):
        rpr.remove(child)
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsiaTheme"), "minorEastAsia")
    lang = OxmlElement("w:lang")
    for attr, value in (("w:val", "en-GB"), ("w:eastAsia", "en-US"), ("w:bidi", "ar-SA")):
        lang.set(qn(attr), value)
    rpr.append(lang)
    ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
    for child in list(ppr):
        ppr.remove(child)


def _define(document: Any, shape: StyleShape) -> None:
    styles = document.styles
    style = styles.element.get_by_id(shape.style_id)
    if style is None:
        new = styles.add_style(shape.name, shape.kind, builtin=shape.builtin)
        new.style_id = shape.style_id
    style = styles[shape.name]
    element = style.element
    for child in (element.pPr, element.rPr):
        if child is not None:
            element.remove(child)
    style.base_style = styles[_name_of(styles, shape.based_on)] if shape.based_on else None
    if shape.kind == PARAGRAPH:
        style.next_paragraph_style = styles[_name_of(styles, shape.next_style)] if shape.next_style else None
    style.quick_style = True
    style.hidden = False
    style.unhide_when_used = False
    style.priority = None
    _run_shape(style, shape)
    linked = element.find(qn("w:link"))
    if linked is not None:  # e.g. Title Char, which Word applies to a run in the Title's look
        other = styles.element.get_by_id(linked.get(qn("w:val")))
        if other is not None:
            if other.rPr is not None:
                other.remove(other.rPr)
            _run_shape(styles[other.name_val], shape)
    if shape.kind == PARAGRAPH:
        _paragraph_shape(style, shape)


def _name_of(styles: Any, style_id: str) -> str:
    return str(styles.element.get_by_id(style_id).name_val)


def _run_shape(style: Any, shape: StyleShape) -> None:
    font = style.font
    if shape.bold:
        font.bold = True
        font.cs_bold = True
    if shape.italic:
        font.italic = font.cs_italic = True
    if shape.caps:
        font.all_caps = True
    if shape.superscript:
        font.superscript = True
    if shape.size_pt is not None:
        font.size = Pt(shape.size_pt)
        size_cs = OxmlElement("w:szCs")
        size_cs.set(qn("w:val"), str(round(shape.size_pt * 2)))
        style.element.rPr.insert_element_before(size_cs, *_AFTER_SZCS)


def _paragraph_shape(style: Any, shape: StyleShape) -> None:
    fmt = style.paragraph_format
    if shape.keep_next:
        fmt.keep_with_next = True
    if shape.keep_lines:
        fmt.keep_together = True
    if shape.justify:
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if shape.centre:
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if shape.before_zero:
        fmt.space_before = 0
    if shape.after_zero:
        fmt.space_after = 0
    if shape.line is not None:
        fmt.line_spacing = shape.line
    ppr = style.element.get_or_add_pPr()
    if shape.bullets:
        ppr.get_or_add_numPr().get_or_add_numId().val = 1
    if shape.borders is not None:
        edges = OxmlElement("w:pBdr")
        for side in shape.borders.sides:
            edge = OxmlElement(f"w:{side}")
            for attr, value in (("w:val", "single"), ("w:sz", shape.borders.size), ("w:space", shape.borders.space),
                                ("w:color", "auto")):  # fmt: skip
                edge.set(qn(attr), str(value))
            edges.append(edge)
        ppr.insert_element_before(edges, *_AFTER_PBDR)
    if shape.shaded:
        shading = OxmlElement("w:shd")
        for attr, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", "auto")):
            shading.set(qn(attr), value)
        ppr.insert_element_before(shading, *_AFTER_PBDR[1:])
    if shape.outline_level is not None:
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(shape.outline_level))
        ppr.insert_element_before(level, *_AFTER_PBDR[_AFTER_PBDR.index("w:outlineLvl") + 1 :])


def _round_bullet(document: Any) -> None:
    """Level 0 of the list List Bullet uses: a round bullet in a font and colour set per template."""
    numbering = document.part.numbering_part.element
    num = numbering.num_having_numId(1)
    abstract_id = num.abstractNumId.val
    for abstract in numbering.findall(qn("w:abstractNum")):
        if abstract.get(qn("w:abstractNumId")) != str(abstract_id):
            continue
        for lvl in abstract.findall(qn("w:lvl")):
            if lvl.get(qn("w:ilvl")) != "0":
                continue
            lvl.find(qn("w:lvlText")).set(qn("w:val"), "\u2022")
            rpr = lvl.find(qn("w:rPr"))
            for child in list(rpr):
                rpr.remove(child)
            rpr.get_or_add_rFonts().set(qn("w:hint"), "default")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing it")
    args = parser.parse_args(argv)
    data = make_reference()
    if args.check:
        same = OUT.is_file() and OUT.read_bytes() == data
        print(f"{OUT.relative_to(REPO)} is {'up to date' if same else 'out of date: run this script'}")
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(data)
    print(f"wrote {OUT.relative_to(REPO)} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
