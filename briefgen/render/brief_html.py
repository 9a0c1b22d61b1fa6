"""The live preview's HTML: a composed brief as rich text for a :class:`QTextBrowser`.

Each sentence links to ``s:<sentence id>`` and each citation marker to ``c:<sentence id>``, so a click can show
the sentence's place in its source. Pinned sentences are shaded green; emphasised spans (a key figure's
quantities) are bold. Support marks ("3 sources", "†") and "new" tags show as the template asks
(:mod:`briefgen.render.support_marks`).
"""

from __future__ import annotations

from html import escape

from briefgen.brief import Brief, PartKind
from briefgen.render.common import clean, paragraphs, split_urls, subtitle
from briefgen.render.markdown_text import emphasis_runs
from briefgen.render.markers import brief_markers, in_text_style
from briefgen.render.support_marks import dagger_note, new_tag, spaced, support_mark
from briefgen.templates.style import MarkingPlacement, RenderStyle

FAMILIES = {
    "serif": "'DejaVu Serif', 'Liberation Serif', 'Times New Roman', serif",
    "sans": "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif",
}
"""CSS font stacks for the template's family choices (a named family is tried first, then these)."""


def font_stack(choice: str) -> str:
    """The CSS font-family for a template's font choice (``serif``, ``sans`` or a family name)."""
    if choice in FAMILIES:
        return FAMILIES[choice]
    return f"'{choice.replace(chr(39), '')}', {FAMILIES['serif']}"


def css_for(style: RenderStyle | None = None) -> str:
    """The preview's style sheet in the template's colours, fonts and title alignment (the default look
    without a template)."""
    st = style or RenderStyle()
    c, f = st.colours, st.fonts
    size = f.base_size_pt
    return f"""
body {{ font-family: {font_stack(f.body)}; font-size: {size:.1f}pt; color: {c.text}; }}
h1 {{ font-family: {font_stack(f.heading)}; font-size: {size * 1.65:.1f}pt; color: {c.headings};
     margin-bottom: 2px; text-align: {st.title_block.align}; }}
h2 {{ font-family: {font_stack(f.heading)}; font-size: {size * 1.2:.1f}pt; color: {c.headings};
     margin-top: 14px; margin-bottom: 4px; }}
p.sub {{ color: {c.muted}; margin-top: 0; text-align: {st.title_block.align}; }}
p.marking {{ color: {c.marking}; font-weight: bold; text-align: center; }}
p.running {{ color: {c.muted}; font-size: {size * 0.8:.1f}pt; margin: 0; }}
a.s {{ color: {c.text}; text-decoration: none; }}
a.c {{ color: {c.accent}; text-decoration: none; }}
a.u {{ color: {c.accent}; }}
span.pin {{ background-color: #CDEFD3; }}
span.fresh {{ background-color: #DCEBFA; }}
span.label {{ color: {c.accent}; font-weight: bold; }}
span.new {{ color: #7995AF; font-size: {size * 0.75:.1f}pt; }}
span.support {{ color: {c.muted}; font-size: {size * 0.75:.1f}pt; }}
table.diff {{ border-color: #A9BCD0; border-style: solid; margin: 4px 0; }}
table.diff td {{ border: 1px solid #A9BCD0; vertical-align: top; }}
p.src {{ color: {c.text}; font-size: {size * 0.9:.1f}pt; margin: 2px 0; }}
p.note {{ color: {c.muted}; font-size: {size * 0.85:.1f}pt; margin: 1px 0; }}
"""


CSS = css_for()
"""The default look (the built-in template's)."""


def _marking_places(brief: Brief, style: RenderStyle | None) -> tuple[bool, bool, bool]:
    """(banner, top, bottom): where the brief's marking shows, as the template places it."""
    if not brief.marking:
        return False, False, False
    placement = style.marking.placement if style is not None else MarkingPlacement.HEADER
    return (
        placement == MarkingPlacement.BANNER,
        placement in (MarkingPlacement.HEADER, MarkingPlacement.BOTH),
        placement in (MarkingPlacement.FOOTER, MarkingPlacement.BOTH, MarkingPlacement.BANNER),
    )


def _title_block(brief: Brief, style: RenderStyle | None) -> str:
    banner, top, _bottom = _marking_places(brief, style)
    out: list[str] = []
    if style is not None and style.header_text.strip():
        out.append(f"<p class='running'>{escape(style.header_text)}</p>")
    if banner and brief.marking and style is not None:
        c = style.colours
        out.append(
            f"<table width='100%' cellpadding='6' cellspacing='0' bgcolor='{c.marking}'><tr><td align='center'>"
            f"<span style='color:{c.marking_banner_text}; font-weight:bold'>{escape(brief.marking)}</span>"
            "</td></tr></table>"
        )
    elif top and brief.marking:
        out.append(f"<p class='marking'>{escape(brief.marking)}</p>")
    if style is None:
        out.append(f"<h1>{escape(brief.title)}</h1>")
        sub = " · ".join(x for x in (brief.subtitle, brief.author, brief.organisation, brief.date) if x)
        if sub:
            out.append(f"<p class='sub'>{escape(sub)}</p>")
        return "".join(out)
    tb = style.title_block  # the lines the export's title block has, in its order
    if tb.show_organisation and brief.organisation:
        out.append(f"<p class='sub'>{escape(brief.organisation.upper())}</p>")
    out.append(f"<h1>{escape(brief.title)}</h1>")
    sub_line = subtitle(brief, style)
    if sub_line:
        out.append(f"<p class='sub'>{escape(sub_line)}</p>")
    meta = [m for m in (brief.author if tb.show_author else None, brief.date if tb.show_date else None) if m]
    if meta:
        out.append(f"<p class='sub'>{escape('  ·  '.join(meta))}</p>")
    return "".join(out)


def brief_to_html(brief: Brief, pins: frozenset[str] = frozenset(), style: RenderStyle | None = None) -> str:
    body = "".join(brief_fragments(brief, pins, style))
    return f"<html><head><style>{css_for(style)}</style></head><body>{body}</body></html>"


def brief_fragments(brief: Brief, pins: frozenset[str] = frozenset(), style: RenderStyle | None = None) -> list[str]:
    """The brief's HTML body in pieces (title block, each part, notes, sources), styled by :func:`css_for` of
    the same *style*: the template's marking (banner, header, footer) and running header show as in the export."""
    markers = brief_markers(brief)
    footnotes = in_text_style(brief).notes
    out = [_title_block(brief, style)]
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
            piece.extend("<p>" + " ".join(items[i] for i in paragraph) + "</p>" for paragraph in paragraphs(part))
        out.append("".join(piece))
    if markers.notes:
        out.append(
            "<h2>Notes</h2>" + "".join(f"<p class='note'>{n.number}. {_with_links(n.text)}</p>" for n in markers.notes)
        )
    if brief.sources:
        heading = next((p.heading for p in brief.parts if p.kind is PartKind.SOURCES), "Sources")
        label = in_text_style(brief).numbered_list
        out.append(
            f"<h2>{escape(heading)}</h2>"
            + "".join(
                f"<p class='src'>{f'[{e.number}] ' if label else ''}{_with_links(e.formatted)}</p>"
                for e in brief.sources
            )
        )
        note = dagger_note(brief)
        if note:
            out.append(f"<p class='note'>{escape(note)}</p>")
    if _marking_places(brief, style)[2] and brief.marking:
        out.append(f"<p class='marking'>{escape(brief.marking)}</p>")
    return out


def _with_links(text: str) -> str:
    """*text* escaped, its addresses links where the exported brief's are (:func:`briefgen.render.common.safe_link`
    decides: http, https and mailto only)."""
    return "".join(
        escape(run) if url is None else f"<a class='u' href='{escape(url)}'>{escape(run)}</a>"
        for run, url in split_urls(clean(text))
    )


def message_html(text: str) -> str:
    return f"<p style='color:#666666'>{escape(text)}</p>"
