"""What the three renderers share: the order of parts, the title block's lines, safe links, anchors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from briefgen.brief import Brief, Part, PartKind, SourceEntry
from briefgen.citations import source_url
from briefgen.render.style import RenderStyle

ALLOWED_LINK_SCHEMES = ("http", "https", "mailto")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile(r"[\t\n\r\f\v\u2028\u2029]")
_URL = re.compile(r"(?:https?://|mailto:)[^\s<>\"]+", re.IGNORECASE)
_TRAILING = ".,;:!?'\"’”»"


def clean(text: str) -> str:
    """*text* without the characters XML forbids, and with line breaks and tabs as plain spaces.

    Nothing else changes (no collapsing of spaces, non-breaking spaces kept), so brief sentences stay verbatim.
    """
    return _BREAKS.sub(" ", _CONTROL.sub("", text))


def safe_link(url: str | None) -> str | None:
    """*url* when it is an http, https or mailto link that is safe to make clickable, else ``None``."""
    if not url:
        return None
    url = url.strip()
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ALLOWED_LINK_SCHEMES:
        return None
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return None
    if parts.scheme.lower() == "mailto" and not parts.path:
        return None
    return url


def split_urls(text: str) -> list[tuple[str, str | None]]:
    """*text* cut into runs; a run that is a safe URL comes with that URL, other runs with ``None``."""
    runs: list[tuple[str, str | None]] = []
    pos = 0
    for match in _URL.finditer(text):
        start, end = match.span()
        url = match.group(0)
        while (url and url[-1] in _TRAILING) or (url.endswith(")") and url.count("(") < url.count(")")):
            url = url[:-1]
        end = start + len(url)
        link = safe_link(url)
        if link is None:
            continue
        if start > pos:
            runs.append((text[pos:start], None))
        runs.append((url, link))
        pos = end
    if pos < len(text):
        runs.append((text[pos:], None))
    return runs


def entry_anchor(entry: SourceEntry) -> str:
    """The anchor name of a source entry, the target of in-text citations."""
    return f"source-{entry.number}"


def note_anchor(number: int) -> str:
    return f"note-{number}"


def entry_text(entry: SourceEntry, style: RenderStyle) -> str:
    """The bibliography text of an entry, with its URL (or DOI link) added when the formatted text lacks it."""
    text = entry.formatted.strip() or entry.metadata.title or entry.path
    url = safe_link(source_url(entry.metadata, entry.path))
    if style.show_source_urls and url and url not in text:
        text = f"{text} {url}"
    return text


def meta_line(brief: Brief, style: RenderStyle) -> list[str]:
    """Author, organisation and date for the title block, as the template asks."""
    tb = style.title_block
    items: list[str] = []
    if tb.show_author and brief.author:
        items.append(brief.author)
    if tb.show_organisation and brief.organisation and brief.organisation != brief.author:
        items.append(brief.organisation)
    if tb.show_date and brief.date:
        items.append(brief.date)
    return items


def subtitle(brief: Brief, style: RenderStyle) -> str | None:
    return brief.subtitle if style.title_block.show_subtitle and brief.subtitle else None


@dataclass(frozen=True, slots=True)
class PlacedPart:
    index: int
    """Index in ``brief.parts``, or -1 for the source list the renderer adds itself."""
    part: Part
    heading: str


def layout_parts(brief: Brief, style: RenderStyle) -> Iterator[PlacedPart]:
    """The parts in reading order, with the source list where the brief puts it (or at the end).

    The source list's heading is the part's own, else ``style.sources_heading``. A brief without sources gets
    no source list.
    """
    has_sources = False
    for i, part in enumerate(brief.parts):
        if part.kind == PartKind.SOURCES:
            if has_sources or not brief.sources:
                continue
            has_sources = True
            yield PlacedPart(i, part, part.heading.strip() or style.sources_heading)
            continue
        if not part.sentences and not part.terms:
            continue
        yield PlacedPart(i, part, part.heading)
    if not has_sources and brief.sources:
        yield PlacedPart(-1, Part(PartKind.SOURCES, style.sources_heading), style.sources_heading)


def is_list_part(part: Part) -> bool:
    return part.as_list or part.kind in (PartKind.KEY_POINTS, PartKind.KEY_FIGURES)


def page_number_pieces(style: RenderStyle) -> list[str]:
    """``"Page {page} of {pages}"`` cut into ``["Page ", "{page}", " of ", "{pages}"]``."""
    fmt = style.page_number_format if "{page}" in style.page_number_format else "Page {page} of {pages}"
    return [p for p in re.split(r"(\{page\}|\{pages\})", fmt) if p]
