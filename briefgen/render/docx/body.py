"""The body of the Word brief: title block, parts with linked citations or footnotes, and the source list."""

from __future__ import annotations

import io
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from briefgen.brief import Brief, BriefSentence, Part, PartKind
from briefgen.progress import CancelToken, ProgressCallback, check, report
from briefgen.render.common import entry_anchor, entry_text, is_list_part, layout_parts, paragraphs, subtitle
from briefgen.render.docx.elements import BookmarkIds, XmlElement, run, runs, tab_run, wrap_in_bookmark
from briefgen.render.docx.footnotes import Footnotes
from briefgen.render.docx.hyperlinks import internal_link, text_with_links
from briefgen.render.docx.scripts import mark_rtl_paragraphs
from briefgen.render.docx.styles import tint6
from briefgen.render.logo import LogoImage
from briefgen.render.markdown_text import emphasis_runs
from briefgen.render.markers import BriefMarkers, brief_markers, in_text_style
from briefgen.render.support_marks import dagger_note, new_tag, spaced, support_mark
from briefgen.templates.style import LogoPosition, RenderStyle, marking_banner, marking_text

CITATION_STYLE = "Citation"
SUPPORT_MARK_STYLE = "SupportMark"
NEW_MARK_STYLE = "NewMark"


class DocxBody:
    def __init__(self, document: Any, brief: Brief, style: RenderStyle, logo: LogoImage | None) -> None:
        self.document = document
        self.brief = brief
        self.style = style
        self.logo = logo
        self.markers: BriefMarkers = brief_markers(brief)
        self.footnotes = Footnotes(document)
        self.use_notes = in_text_style(brief).notes
        self.bookmarks = BookmarkIds()

    def paragraph(self, style_id: str, text: str | None = None) -> XmlElement:
        p = self.document.add_paragraph(style=self.document.styles.get_by_id(style_id, WD_STYLE_TYPE.PARAGRAPH))
        if text:
            p._p.append(run(text))
        element: XmlElement = p._p
        return element

    def build(self, progress: ProgressCallback | None, cancel: CancelToken | None) -> None:
        self.title_block()
        placed = list(layout_parts(self.brief, self.style))
        for done, item in enumerate(placed):
            check(cancel)
            report(progress, done, len(placed), f"Writing {item.heading}")
            self.part(item.index, item.part, item.heading)
        mark_rtl_paragraphs(self.document.element.body)

    def title_block(self) -> None:
        brief, st, tb = self.brief, self.style, self.style.title_block
        marking = marking_text(st, brief.marking)
        if marking and marking_banner(st):
            self.paragraph("MarkingBanner", marking)
        if self.logo is not None:
            self.document.add_picture(io.BytesIO(self.logo.data), width=Mm(self.logo.width_mm))
            pic = self.document.paragraphs[-1]
            alignment: dict[str, Any] = {
                LogoPosition.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
                LogoPosition.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
            }
            pic.alignment = alignment.get(self.logo.position, WD_ALIGN_PARAGRAPH.RIGHT)
            pic.paragraph_format.keep_with_next = True
        if tb.show_organisation and brief.organisation:
            self.paragraph("TitleKicker", brief.organisation)
        self.paragraph("Title", brief.title)
        sub = subtitle(brief, st)
        if sub:
            self.paragraph("Subtitle", sub)
        meta = [m for m in (brief.author if tb.show_author else None, brief.date if tb.show_date else None) if m]
        if meta:
            self.paragraph("TitleMeta", "  ·  ".join(meta))
        if tb.rule:
            self.paragraph("TitleRule")

    def part(self, index: int, part: Part, heading: str) -> None:
        if heading.strip():
            self.paragraph("Heading1", heading)
        if part.kind == PartKind.SOURCES:
            self.source_list()
            return
        if part.subheading:
            self.paragraph("PartSubheading", part.subheading)
        if part.kind == PartKind.KEYPHRASES and part.terms:
            self.paragraph("KeyPhrases", "  ·  ".join(part.terms))
        if not part.sentences:
            return
        if part.kind == PartKind.QUOTES:
            for i, sentence in enumerate(part.sentences):
                self.sentence(self.paragraph("Quote"), index, i, sentence)
        elif part.kind == PartKind.DIFFERENCES:
            self.difference_table(index, part)
        elif is_list_part(part):
            for i, sentence in enumerate(part.sentences):
                self.sentence(self.paragraph("ListBullet"), index, i, sentence)
        else:
            for paragraph in paragraphs(part):
                p = self.paragraph("ExecutiveSummary" if part.kind == PartKind.EXECUTIVE_SUMMARY else "BodyText")
                for i in paragraph:
                    if i != paragraph.start:
                        p.append(run(" "))
                    self.sentence(p, index, i, part.sentences[i])

    def difference_table(self, index: int, part: Part) -> None:
        """One table row per disagreement, a cell per source sentence (a shorter row's last cell spans the rest)."""
        rows = [row for row in part.rows or tuple((i,) for i in range(len(part.sentences))) if row]
        width = max(len(row) for row in rows)
        table = self.document.add_table(rows=len(rows), cols=width)
        _grid(table, tint6(self.style.colours.accent, 0.35))
        cell_style = self.document.styles.get_by_id("BodyText", WD_STYLE_TYPE.PARAGRAPH)
        for cells, row in zip(table.rows, rows, strict=True):
            if len(row) < width:
                cells.cells[len(row) - 1].merge(cells.cells[width - 1])
            for cell, i in zip(cells.cells, row, strict=False):
                p = cell.paragraphs[0]
                p.style = cell_style
                p.alignment = WD_ALIGN_PARAGRAPH.LEFT  # narrow columns: no stretched gaps
                self.sentence(p._p, index, i, part.sentences[i])
        self.paragraph("BodyText")  # keeps a following table from joining this one

    def sentence(self, p: XmlElement, part_index: int, index: int, sentence: BriefSentence) -> None:
        tag = new_tag(self.brief, sentence)
        if tag:
            p.append(run(tag, NEW_MARK_STYLE))
            p.append(run("\u00a0"))
        if sentence.label:  # a timeline entry's date, before the sentence
            p.append(run(sentence.label, CITATION_STYLE, bold=True))
            p.append(run("\u00a0– "))
        for text, bold in emphasis_runs(sentence.text, sentence.emphasis):
            p.extend(runs(text, bold=bold))
        self.marker(p, part_index, index)
        mark = support_mark(self.brief, sentence)
        if mark:
            p.append(run(("\u00a0" if spaced(mark) else "") + mark, SUPPORT_MARK_STYLE))

    def marker(self, p: XmlElement, part_index: int, index: int) -> None:
        pieces = self.markers.pieces(part_index, index)
        if not pieces:
            return
        if self.use_notes:
            for piece in pieces:
                if piece.note:
                    note = self.markers.notes[piece.note - 1]
                    self.footnotes.add(p, [note.text])
            return
        p.append(run("\u00a0"))
        for piece in pieces:
            if piece.entry is None:
                p.append(run(piece.text, CITATION_STYLE))
            else:
                p.append(internal_link(entry_anchor(piece.entry), piece.text, CITATION_STYLE))

    def source_list(self) -> None:
        part = self.document.part
        for entry in self.brief.sources:
            p = self.paragraph("SourceEntry", f"{entry.number}.")
            p.append(tab_run())
            for element in text_with_links(part, entry_text(entry, self.style)):
                p.append(element)
            wrap_in_bookmark(p, entry_anchor(entry), self.bookmarks)
        note = dagger_note(self.brief)
        if note:
            self.paragraph("SourceEntry").append(run(note, SUPPORT_MARK_STYLE))


def _grid(table: Any, colour: str) -> None:
    """Thin borders round and between the cells of *table*, in *colour* (``RRGGBB``)."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{edge}")
        border.set(qn("w:val"), "single")
        border.set(qn("w:sz"), "4")
        border.set(qn("w:space"), "0")
        border.set(qn("w:color"), colour)
        borders.append(border)
    tbl_pr.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"
    )
