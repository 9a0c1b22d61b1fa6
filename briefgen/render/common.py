"""What the three renderers share: the order of parts, the title block's lines, safe links, anchors, and text
shortened to a width."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from briefgen.brief import Brief, Part, PartKind, SourceEntry
from briefgen.citations import source_url
from briefgen.templates.style import RenderStyle

ALLOWED_LINK_SCHEMES = ("http", "https", "mailto")
ELLIPSIS = "\u2026"
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"})

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
    """*url* when it may become a clickable link, else ``None``: the one rule every output follows (PDF, Word,
    Markdown and the app's preview), whatever a source's metadata or a citation edit says.

    Allowed: ``http`` and ``https`` addresses with a host, and ``mailto`` with an address, in any letter case,
    spaces around them ignored. Anything else stays plain text: other schemes (``javascript:``, ``file:``,
    ``data:``, ``vbscript:``...), relative or scheme-less addresses, and addresses containing spaces, control or
    invisible formatting characters (bidirectional overrides, zero-width spaces) or backslashes.
    """
    if not url:
        return None
    url = url.strip()
    if not url or any(_unsafe_in_link(ch) for ch in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_LINK_SCHEMES:
        return None
    if scheme == "mailto":
        return url if parts.path.strip("/") else None
    return url if host else None


def _unsafe_in_link(ch: str) -> bool:
    return ch.isspace() or ch == "\\" or unicodedata.category(ch) in _UNSAFE_CATEGORIES


def split_urls(text: str) -> list[tuple[str, str | None]]:
    """*text* cut into runs; a run that is a safe URL comes with that URL, other runs with ``None``."""
    runs: list[tuple[str, str | None]] = []
    pos = 0
    for match in _URL.finditer(text):
        start, end = match.span()
        url = _without_trailing_punctuation(match.group(0))
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


def _without_trailing_punctuation(url: str) -> str:
    """*url* without the sentence punctuation after it, and without closing brackets it does not open (one pass:
    an address followed by thousands of dots is trimmed in linear time)."""
    end = len(url)
    unmatched = url.count(")") - url.count("(")
    while end:
        last = url[end - 1]
        if last in _TRAILING:
            end -= 1
        elif last == ")" and unmatched > 0:
            end -= 1
            unmatched -= 1
        else:
            break
    return url[:end]


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


def paragraphs(part: Part) -> list[range]:
    """The indices of a prose part's sentences, paragraph by paragraph (see ``Part.paragraph_starts``)."""
    cuts = sorted({i for i in part.paragraph_starts if 0 < i < len(part.sentences)})
    bounds = [0, *cuts, len(part.sentences)]
    return [range(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def fit_text(text: str, width: float, measure: Callable[[str], float]) -> str:
    """*text*, or its longest prefix that fits *width* followed by an ellipsis (trailing spaces dropped).

    Prefix widths only grow with the prefix, so the cut is found by a galloping search (prefixes of 32, 64, 128...
    characters until one overflows) and a binary search below it: about 2 log2(n) measurements of at most twice
    the fitted length, so a title of any length is fitted in a millisecond.
    """
    bound = 32
    while bound < len(text) and measure(text[:bound]) <= width:
        bound *= 2
    if bound >= len(text) and measure(text) <= width:
        return text
    fits, too_long = 0, min(bound, len(text))  # a prefix of `fits` characters fits with the ellipsis
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        if measure(text[:middle] + ELLIPSIS) <= width:
            fits = middle
        else:
            too_long = middle
    while fits > 0 and unicodedata.combining(text[fits]):  # never part a letter from its accents
        fits -= 1
    return text[:fits].rstrip() + ELLIPSIS


def page_number_pieces(style: RenderStyle) -> list[str]:
    """``"Page {page} of {pages}"`` cut into ``["Page ", "{page}", " of ", "{pages}"]``."""
    fmt = style.page_number_format if "{page}" in style.page_number_format else "Page {page} of {pages}"
    return [p for p in re.split(r"(\{page\}|\{pages\})", fmt) if p]
