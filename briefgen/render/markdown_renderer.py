"""Markdown output (CommonMark + GFM footnotes) of a composed brief.

Layout: marking, title block, then each part (paragraphs, bullet lists, block quotes), then the numbered source
list whose entries carry ``<a id="source-N"></a>`` anchors that in-text citations link to. The footnote style uses
GFM/Pandoc footnotes (``[^3]`` and ``[^3]: …``), which most Markdown tools render as real notes.
"""

from __future__ import annotations

from briefgen.brief import Brief, BriefSentence, PartKind
from briefgen.progress import CancelToken, ProgressCallback, check, report
from briefgen.render.common import (
    entry_anchor,
    entry_text,
    is_list_part,
    layout_parts,
    meta_line,
    paragraphs,
    subtitle,
)
from briefgen.render.markdown_text import md_emphasised, md_escape, md_with_links
from briefgen.render.markers import BriefMarkers, brief_markers, in_text_style
from briefgen.render.provenance_embed import markdown_comment, provenance_bytes
from briefgen.render.registry import Warn
from briefgen.render.support_marks import dagger_note, new_tag, spaced, support_mark
from briefgen.templates.style import RenderStyle, marking_text


def render_markdown(
    brief: Brief,
    style: RenderStyle,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    warn: Warn | None = None,
) -> bytes:
    """The brief as UTF-8 Markdown, its provenance in an HTML comment at the end."""
    text = markdown_text(brief, style, progress=progress, cancel=cancel)
    return (text + markdown_comment(provenance_bytes(brief))).encode("utf-8")


def markdown_text(
    brief: Brief,
    style: RenderStyle,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> str:
    markers = brief_markers(brief)
    blocks: list[str] = []
    marking = marking_text(style, brief.marking)
    if marking:
        blocks.append(f"**{md_escape(marking)}**")
    if style.header_text.strip() and style.header_text.strip() != brief.title.strip():  # no title twice in a row
        blocks.append(f"*{md_escape(style.header_text.strip())}*")
    blocks.append(f"# {md_escape(brief.title)}")
    sub = subtitle(brief, style)
    if sub:
        blocks.append(f"*{md_escape(sub)}*")
    meta = meta_line(brief, style)
    if meta:
        blocks.append(" · ".join(md_escape(m) for m in meta))
    placed = list(layout_parts(brief, style))
    for done, item in enumerate(placed):
        check(cancel)
        report(progress, done, len(placed), f"Writing {item.heading}")
        part = item.part
        if item.heading.strip():
            blocks.append(f"## {md_escape(item.heading)}")
        if part.kind == PartKind.SOURCES:
            blocks.append(_source_list(brief, style))
            note = dagger_note(brief)
            if note:
                blocks.append(f"*{md_escape(note)}*")
            continue
        if part.subheading:
            blocks.append(f"*{md_escape(part.subheading)}*")
        if part.kind == PartKind.KEYPHRASES and part.terms:
            blocks.append(" · ".join(md_escape(t) for t in part.terms))
        rendered = [_sentence(brief, markers, item.index, i, s) for i, s in enumerate(part.sentences)]
        if not rendered:
            continue
        if part.kind == PartKind.QUOTES:
            blocks.extend(f"> {r}" for r in rendered)
        elif part.kind == PartKind.DIFFERENCES:
            blocks.append(_difference_table(part.rows, rendered))
        elif is_list_part(part):
            blocks.append("\n".join(f"- {r}" for r in rendered))
        else:
            blocks.extend(" ".join(rendered[i] for i in paragraph) for paragraph in paragraphs(part))
    if in_text_style(brief).notes and markers.notes:
        blocks.append("\n".join(f"[^{n.number}]: {_note(brief, style, n.number, markers)}" for n in markers.notes))
    if style.footer_text.strip():
        blocks.append(f"*{md_escape(style.footer_text.strip())}*")
    if marking:
        blocks.append(f"**{md_escape(marking)}**")
    report(progress, len(placed), len(placed), "Done")
    return "\n\n".join(blocks) + "\n"


def _sentence(brief: Brief, markers: BriefMarkers, part_index: int, index: int, sentence: BriefSentence) -> str:
    """The sentence with its marker, as the template asks a "new" tag before it and its support after."""
    tag = new_tag(brief, sentence)
    text = _cited(brief, markers, part_index, index, sentence)
    mark = support_mark(brief, sentence)
    if mark:
        text += f" *{md_escape(mark)}*" if spaced(mark) else md_escape(mark)
    return f"*{tag}* {text}" if tag else text


def _cited(brief: Brief, markers: BriefMarkers, part_index: int, index: int, sentence: BriefSentence) -> str:
    text = md_emphasised(sentence.text, sentence.emphasis)
    if sentence.label:  # a timeline entry's date
        text = f"**{md_escape(sentence.label)}** – {text}"
    pieces = markers.pieces(part_index, index) if part_index >= 0 else ()
    if not pieces:
        return text
    if in_text_style(brief).notes:
        return text + "".join(f"[^{p.note}]" for p in pieces if p.note)
    out: list[str] = []
    for p in pieces:
        if p.entry is None:
            out.append(md_escape(p.text))
        else:
            out.append(f"[{md_escape(p.text)}](#{entry_anchor(p.entry)})")
    return f"{text} {''.join(out)}"


def _difference_table(rows: tuple[tuple[int, ...], ...], rendered: list[str]) -> str:
    """A table with one row per disagreement, a cell per source sentence (each with its marker)."""
    shown = [row for row in rows or tuple((i,) for i in range(len(rendered))) if row]
    width = max(len(row) for row in shown)
    lines = ["| " + " | ".join(f"Account {n}" for n in range(1, width + 1)) + " |", "|" + " --- |" * width]
    for row in shown:
        lines.append("| " + " | ".join([rendered[i] for i in row] + [" "] * (width - len(row))) + " |")
    return "\n".join(lines)


def _note(brief: Brief, style: RenderStyle, number: int, markers: BriefMarkers) -> str:
    note = markers.notes[number - 1]
    return " ".join(md_with_links(item.text) for item in note.items)


def _source_list(brief: Brief, style: RenderStyle) -> str:
    lines = [f'{e.number}. <a id="{entry_anchor(e)}"></a>{md_with_links(entry_text(e, style))}' for e in brief.sources]
    return "\n".join(lines)
