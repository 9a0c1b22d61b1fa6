"""The PDF's flowables: title block, parts, source list, and the markup of sentences, markers and notes."""

from __future__ import annotations

import io
from typing import Any, NamedTuple

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from briefgen.brief import Brief, BriefSentence, Part, PartKind
from briefgen.render.common import (
    clean,
    entry_anchor,
    entry_text,
    is_list_part,
    layout_parts,
    paragraphs,
    subtitle,
)
from briefgen.render.logo import LogoImage
from briefgen.render.markdown_text import emphasis_runs
from briefgen.render.markers import BriefMarkers, MarkerPiece, Note, in_text_style
from briefgen.render.pdf.chunks import chunked_paragraphs, is_long
from briefgen.render.pdf.font_fallback import sentence_context
from briefgen.render.pdf.fonts import PdfFonts, RegisteredFamily
from briefgen.render.pdf.notes import NOTE_CALLBACK, NotedFlowable, NoteState
from briefgen.render.pdf.styles import PdfStyles, colour, hex_of, tint
from briefgen.render.pdf.text import plain, with_links
from briefgen.render.support_marks import SMALL, dagger_note, muted_accent, new_tag, spaced, support_mark
from briefgen.templates.style import Align, LogoPosition, RenderStyle


class QuoteBlock(Flowable):  # type: ignore[misc]
    """A paragraph with an accent bar down its left side; splits across pages like the paragraph."""

    def __init__(self, para: Paragraph, bar_colour: Any, bar_x: float) -> None:
        super().__init__()
        self.para = para
        self.bar_colour = bar_colour
        self.bar_x = bar_x

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.para.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return [QuoteBlock(p, self.bar_colour, self.bar_x) for p in self.para.split(avail_width, avail_height)]

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.para.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.para.getSpaceAfter())

    def draw(self) -> None:
        self.para.drawOn(self.canv, 0, 0)
        self.canv.setStrokeColor(self.bar_colour)
        self.canv.setLineWidth(2)
        self.canv.line(self.bar_x, 0, self.bar_x, self.height)


class DifferenceRow(Table):  # type: ignore[misc]
    """One disagreement: a single table row with a cell per source sentence, on a light grid."""

    def __init__(self, markups: list[str], style: ParagraphStyle, line: Any, space_after: float) -> None:
        width = f"{100 / len(markups):.3f}%"
        cells = [Paragraph(m, style) for m in markups]
        super().__init__([cells], colWidths=[width] * len(cells), hAlign="LEFT", spaceAfter=space_after)
        self.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.6, line),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]))  # fmt: skip
        self.para = Paragraph(" ".join(markups), style)
        """The cells' text as one paragraph, never drawn: where :class:`NotedFlowable` finds the note references."""


class OutlineEntry(NamedTuple):
    """A heading of the story: the anchor its first paragraph carries, and its text for the PDF's outline."""

    key: str
    title: str


class StoryBuilder:
    """The flowables of one brief (:meth:`story`), and the outline of their headings (:attr:`outline`)."""

    def __init__(
        self,
        brief: Brief,
        style: RenderStyle,
        fonts: PdfFonts,
        styles: PdfStyles,
        markers: BriefMarkers,
        logo: LogoImage | None,
    ) -> None:
        self.brief = brief
        self.style = style
        self.fonts = fonts
        self.styles = styles
        self.markers = markers
        self.logo = logo
        self.footnotes = in_text_style(brief).notes
        self.note_state: NoteState | None = None
        self.outline: list[OutlineEntry] = []
        """The headings :meth:`story` made, in order (written to the outline by
        :class:`~briefgen.render.pdf.template.BriefDocTemplate`)."""

    # -- markup -----------------------------------------------------------------------------------------------

    def text(self, text: str, family: RegisteredFamily | None = None) -> str:
        return plain(text, family or self.fonts.body, self.fonts.fallbacks)

    def linked_text(self, text: str) -> str:
        return with_links(text, self.fonts.body, self.fonts.fallbacks, self.styles.accent)

    def marker(self, pieces: tuple[MarkerPiece, ...]) -> str:
        if not pieces:
            return ""
        accent = self.styles.accent
        if self.footnotes:
            out = []
            for p in pieces:
                target = f' href="#{entry_anchor(p.entry)}"' if p.entry is not None else ""
                out.append(f'<super><a{target} color="{accent}">{self.text(p.text)}</a></super>')
                if p.note:
                    out.append(f'<onDraw name="{NOTE_CALLBACK}" label="{p.note}"/>')
            return "".join(out)
        parts = []
        for p in pieces:
            if p.entry is None:
                parts.append(self.text(p.text))
            else:
                parts.append(f'<a href="#{entry_anchor(p.entry)}" color="{accent}">{self.text(p.text)}</a>')
        return f'\u00a0<font color="{accent}">{"".join(parts)}</font>'

    def sentence(self, part_index: int, index: int, sentence: BriefSentence) -> str:
        with sentence_context(sentence.text):
            return self._sentence(part_index, index, sentence)

    def _sentence(self, part_index: int, index: int, sentence: BriefSentence) -> str:
        text = "".join(
            f"<b>{self.text(run)}</b>" if bold else self.text(run)
            for run, bold in emphasis_runs(sentence.text, sentence.emphasis)
        )
        if sentence.label:  # a timeline entry's date, in the accent colour before the sentence
            text = f'<font color="{self.styles.accent}"><b>{self.text(sentence.label)}</b></font>\u00a0– {text}'
        tag = new_tag(self.brief, sentence)
        if tag:
            text = f"{self.small(tag, muted_accent(self.style.colours.accent))}\u00a0{text}"
        mark = support_mark(self.brief, sentence)
        if mark:
            mark = ("\u00a0" if spaced(mark) else "") + self.small(mark, hex_of(self.style.colours.muted, "#5f6368"))
        return text + self.marker(self.markers.pieces(part_index, index)) + mark

    def small(self, text: str, colour_hex: str) -> str:
        """*text* set small in *colour_hex* (a support mark or the "new" tag)."""
        return f'<font size="{self.styles.size * SMALL:.2f}" color="{colour_hex}">{self.text(text)}</font>'

    def note_markup(self, note: Note) -> str:
        return " ".join(self.linked_text(item.text) for item in note.items)

    # -- flowables --------------------------------------------------------------------------------------------

    def story(self, note_state: NoteState | None = None) -> list[Flowable]:
        """The flowables of the brief; with *note_state*, paragraphs with note references carry their notes."""
        self.note_state = note_state
        self.outline = []
        flow: list[Flowable] = self.title_block()
        for order, placed in enumerate(layout_parts(self.brief, self.style)):
            flow.extend(self.part(order, placed.index, placed.part, placed.heading))
        return flow

    def title_block(self) -> list[Flowable]:
        s, brief, tb = self.styles, self.brief, self.style.title_block
        head = self.fonts.heading
        block: list[Flowable] = []
        lines: list[tuple[str, ParagraphStyle]] = []
        if tb.show_organisation and brief.organisation:
            lines.append((brief.organisation.upper(), s.kicker))
        lines.append((brief.title, s.title))
        sub = subtitle(brief, self.style)
        if sub:
            lines.append((sub, s.subtitle))
        meta = [m for m in (brief.author if tb.show_author else None, brief.date if tb.show_date else None) if m]
        if meta:
            lines.append(("  ·  ".join(meta), s.meta))
        for text, line_style in lines:  # a title of any length lays out in linear time (chunks.py)
            block += chunked_paragraphs(text, line_style, lambda piece: self.text(piece, head))
        out: list[Flowable] = []
        logo = self._logo_flowable()
        beside = not any(is_long(text) for text, _ in lines)  # a table cell cannot run over pages
        if logo is not None and self.logo is not None and self.logo.position == LogoPosition.RIGHT and beside:
            logo_w = self.logo.width_mm * mm
            table = Table([[block, logo]], colWidths=[None, logo_w + 6 * mm], hAlign="LEFT")
            table.setStyle(TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]))  # fmt: skip
            out.append(table)
        else:
            if logo is not None:
                logo.hAlign = "CENTER" if self.logo and self.logo.position == LogoPosition.CENTER else "LEFT"
                out += [logo, Spacer(1, 4 * mm)]
            out += block
        if tb.rule:
            out.append(HRFlowable(width="100%", thickness=1.6, color=colour(self.style.colours.accent),
                                  spaceBefore=s.size * 0.9, spaceAfter=s.size * 0.6,
                                  hAlign="CENTER" if tb.align == Align.CENTER else "LEFT"))  # fmt: skip
        else:
            out.append(Spacer(1, s.size))
        return out

    def _logo_flowable(self) -> Image | None:
        if self.logo is None:
            return None
        return Image(io.BytesIO(self.logo.data), width=self.logo.width_mm * mm, height=self.logo.height_mm * mm)

    def part(self, order: int, index: int, part: Part, heading: str) -> list[Flowable]:
        s = self.styles
        key = f"part-{order}"
        # a heading never ends a page: it needs room for itself (two lines), a subheading and the first lines of
        # what follows. (Not
        # keepWithNext: reportlab would move a heading and a long paragraph to the next page together.)
        out: list[Flowable] = [CondPageBreak(s.size * 14)]
        if clean(heading).strip():
            heads = chunked_paragraphs(heading, s.heading, lambda piece: self.text(piece, self.fonts.heading),
                                       f'<a name="{key}"/>')  # fmt: skip
            self.outline.append(OutlineEntry(key, clean(heading).strip()))
            out += heads
        if part.kind == PartKind.SOURCES:
            entries = self.source_list()
            if len(entries) <= _SHORT_SOURCE_LIST:  # a short list moves to the next page only when it must
                return [KeepTogether(out[1:] + entries)]
            return out + entries
        if part.subheading:
            out += chunked_paragraphs(part.subheading, s.subheading, self.text)
        if part.kind == PartKind.KEYPHRASES and part.terms:
            dot = f'<font color="{s.accent}">\u2002·\u2002</font>'
            out.append(Paragraph(dot.join(self.text(t, self.fonts.heading) for t in part.terms), s.terms))
        sentences = [self.sentence(index, i, sent) for i, sent in enumerate(part.sentences)]
        if not sentences:
            return out
        body: list[Flowable]
        if part.kind == PartKind.QUOTES:
            bar = colour(self.style.colours.accent)
            body = [QuoteBlock(Paragraph(t, s.quote), bar, s.size * 0.5) for t in sentences]
        elif part.kind == PartKind.DIFFERENCES:
            body = self.difference_rows(part, sentences)
        elif is_list_part(part):
            bullet = f'<bullet><font color="{s.accent}">\u2022</font></bullet>'
            body = [Paragraph(bullet + t, s.bullet) for t in sentences]
        else:
            texts = [" ".join(sentences[i] for i in paragraph) for paragraph in paragraphs(part)]
            if part.kind == PartKind.EXECUTIVE_SUMMARY:
                body = [Paragraph(t, style) for t, style in zip(texts, _boxed(s.summary, len(texts)), strict=True)]
            else:
                body = [Paragraph(t, s.body) for t in texts]
        if self.note_state is not None:
            body = [NotedFlowable(f, self.note_state) for f in body]
        return out + body

    def difference_rows(self, part: Part, sentences: list[str]) -> list[Flowable]:
        """Each disagreement as one table row: the sources' own sentences side by side, each with its marker."""
        cell = ParagraphStyle("BriefCell", parent=self.styles.body, alignment=TA_LEFT, spaceAfter=0)
        line = tint(self.style.colours.accent, 0.35)
        rows = part.rows or tuple((i,) for i in range(len(sentences)))
        return [DifferenceRow([sentences[i] for i in row], cell, line, self.styles.size * 0.8) for row in rows if row]

    def source_list(self) -> list[Flowable]:
        out: list[Flowable] = []
        for entry in self.brief.sources:
            markup = f'<a name="{entry_anchor(entry)}"/>{self.linked_text(entry_text(entry, self.style))}'
            out.append(Paragraph(markup, self.styles.source, bulletText=f"{entry.number}."))
        note = dagger_note(self.brief)
        if note:
            muted = hex_of(self.style.colours.muted, "#5f6368")
            out.append(Paragraph(f'<font color="{muted}">{self.text(note)}</font>', self.styles.source))
        return out


_SHORT_SOURCE_LIST = 8
"""Source lists of at most this many entries are kept together with their heading (the heading's usual rule, room
for fourteen lines below it, would send a five-line list to a new page with room to spare)."""


def _boxed(style: ParagraphStyle, count: int) -> list[ParagraphStyle]:
    """Styles for *count* paragraphs that share one shaded box: the box's space before the first and after the
    last, and between them the box's padding (each paragraph's shading reaches that far beyond its text, so a
    smaller gap would paint the next paragraph's shading over the last line of the one before)."""
    if count == 1:
        return [style]
    gap = float(style.borderPadding or 0) or style.fontSize * 0.5
    first = ParagraphStyle(f"{style.name}First", parent=style, spaceAfter=gap)
    middle = ParagraphStyle(f"{style.name}Middle", parent=style, spaceBefore=0, spaceAfter=gap)
    last = ParagraphStyle(f"{style.name}Last", parent=style, spaceBefore=0)
    return [first, *([middle] * (count - 2)), last]
