"""The live preview's HTML: a composed brief as rich text for a :class:`QTextBrowser`.

Each sentence links to ``s:<sentence id>`` and each citation marker to ``c:<sentence id>``, so a click can show
the sentence's place in its source. Pinned sentences are shaded green; emphasised spans (a key figure's
quantities) are bold. Support marks ("3 sources", "†") and "new" tags show as the template asks
(:mod:`briefgen.render.support_marks`).
"""

from __future__ import annotations

from html import escape

from briefgen.brief import Brief, PartKind
from briefgen.render.markdown_text import emphasis_runs
from briefgen.render.markers import FOOTNOTES, brief_markers, style_of
from briefgen.render.support_marks import dagger_note, new_tag, spaced, support_mark

CSS = """
body { font-family: serif; }
h1 { font-size: 17pt; margin-bottom: 2px; }
h2 { font-size: 12.5pt; color: #1F3864; margin-top: 14px; margin-bottom: 4px; }
p.sub { color: #5F6368; margin-top: 0; }
p.marking { color: #B3261E; font-weight: bold; }
a.s { color: #1A1A1A; text-decoration: none; }
a.c { color: #1F4E79; text-decoration: none; }
span.pin { background-color: #CDEFD3; }
span.fresh { background-color: #FFF1C2; }
span.label { color: #1F4E79; font-weight: bold; }
span.new { color: #7995AF; font-size: 8pt; }
span.support { color: #5F6368; font-size: 8pt; }
table.diff { border-color: #A9BCD0; border-style: solid; margin: 4px 0; }
table.diff td { border: 1px solid #A9BCD0; vertical-align: top; }
p.src { color: #333333; font-size: 9.5pt; margin: 2px 0; }
p.note { color: #555555; font-size: 9pt; margin: 1px 0; }
"""


def brief_to_html(brief: Brief, pins: frozenset[str] = frozenset()) -> str:
    body = "".join(brief_fragments(brief, pins))
    return f"<html><head><style>{CSS}</style></head><body>{body}</body></html>"


def brief_fragments(brief: Brief, pins: frozenset[str] = frozenset()) -> list[str]:
    """The brief's HTML body in pieces (title block, each part, notes, sources), styled by :data:`CSS`."""
    markers = brief_markers(brief)
    footnotes = style_of(brief) == FOOTNOTES
    out: list[str] = []
    if brief.marking:
        out.append(f"<p class='marking'>{escape(brief.marking)}</p>")
    out.append(f"<h1>{escape(brief.title)}</h1>")
    sub = " · ".join(x for x in (brief.subtitle, brief.author, brief.organisation, brief.date) if x)
    if sub:
        out.append(f"<p class='sub'>{escape(sub)}</p>")
    out = ["".join(out)]
    for pi, part in enumerate(brief.parts):
        if part.kind is PartKind.SOURCES:
            continue
        piece = [f"<h2>{escape(part.heading)}</h2>"]
        if part.subheading:
            piece.append(f"<p class='sub'><i>{escape(part.subheading)}</i></p>")
        if part.terms:
            piece.append(f"<p>{escape(', '.join(part.terms))}</p>")
        items = []
        for si, sent in enumerate(part.sentences):
            shown = "".join(
                f"<b>{escape(run)}</b>" if bold else escape(run)
                for run, bold in emphasis_runs(sent.text, sent.emphasis)
            )
            text = f"<a class='s' href='s:{escape(sent.id)}'>{shown}</a>"
            if sent.id in pins:
                text = f"<span class='pin'>{text}</span>"
            elif sent.new:  # the app always shows what is new since the last export
                text = f"<span class='fresh'>{text}</span>"
            pieces = markers.pieces(pi, si)
            marker = "".join(escape(p.text) for p in pieces)
            if marker:
                marker = f"<sup>{marker}</sup>" if footnotes else f" {marker}"
                text += f"<a class='c' href='c:{escape(sent.id)}'>{marker}</a>"
            mark = support_mark(brief, sent)
            if mark:
                text += f"{'&nbsp;' if spaced(mark) else ''}<span class='support'>{escape(mark)}</span>"
            if sent.label:  # a timeline entry's date
                text = f"<span class='label'>{escape(sent.label)}</span> – {text}"
            tag = new_tag(brief, sent)
            if tag:
                text = f"<span class='new'>{escape(tag)}</span>&nbsp;{text}"
            items.append(text)
        if part.kind is PartKind.DIFFERENCES and items:
            rows = [row for row in part.rows or tuple((i,) for i in range(len(items))) if row]
            cells = ("".join(f"<td width='{100 // len(row)}%'>{items[i]}</td>" for i in row) for row in rows)
            piece.append(
                "<table class='diff' cellspacing='0' cellpadding='5'>"
                + "".join(f"<tr>{c}</tr>" for c in cells)
                + "</table>"
            )
        elif part.as_list:
            piece.append("<ul>" + "".join(f"<li>{t}</li>" for t in items) + "</ul>")
        elif items:
            piece.append("<p>" + " ".join(items) + "</p>")
        out.append("".join(piece))
    if markers.notes:
        out.append(
            "<h2>Notes</h2>" + "".join(f"<p class='note'>{n.number}. {escape(n.text)}</p>" for n in markers.notes)
        )
    if brief.sources:
        heading = next((p.heading for p in brief.parts if p.kind is PartKind.SOURCES), "Sources")
        label = style_of(brief) != "author_date"
        out.append(
            f"<h2>{escape(heading)}</h2>"
            + "".join(
                f"<p class='src'>{f'[{e.number}] ' if label else ''}{escape(e.formatted)}</p>" for e in brief.sources
            )
        )
        note = dagger_note(brief)
        if note:
            out.append(f"<p class='note'>{escape(note)}</p>")
    return out


def message_html(text: str) -> str:
    return f"<p style='color:#666666'>{escape(text)}</p>"
