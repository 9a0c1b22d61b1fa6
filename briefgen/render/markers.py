"""In-text citation markers and footnotes, shared by the PDF, DOCX and Markdown renderers.

Three citation styles (``Brief.citation_style``):

``numeric`` (default)
    ``[3]`` — the number of the source entry in the numbered source list; ``[1, 4]`` for two entries (sorted).
``author_date``
    ``(BBC, 2017)`` — publisher, else author's surname, else a shortened title, and the year (``n.d.``
    without one). Two entries with the same label and year get ``2017a`` / ``2017b``.
``footnotes``
    One note per cited sentence, numbered 1, 2, 3 … in reading order (as Word numbers footnotes). The note
    lists the sentence's source entries: the full bibliography text the first time an entry is cited, a short
    form pointing back to that note afterwards (``BBC, 2017; see note 1.``). A sentence found in many sources
    gives at most three full entries; the others are named by their number in the source list.

Renderers walk the brief with :func:`brief_markers`, which gives each sentence's marker pieces (each piece
knows the entry it links to) and the notes. Everything here is pure: it reads the brief and never changes it.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from briefgen.brief import Brief, SourceEntry
from briefgen.model import Citation

NUMERIC = "numeric"
AUTHOR_DATE = "author_date"
FOOTNOTES = "footnotes"
CITATION_STYLES = (NUMERIC, AUTHOR_DATE, FOOTNOTES)

_YEAR = re.compile(r"\b(\d{4})\b")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|&|\band\b)\s*")
_TITLE_WORDS = 5
MAX_FULL_ENTRIES_PER_NOTE = 3
"""A note gives at most this many full entries; further sources of the same sentence get a short form that
names their number in the source list."""


@dataclass(frozen=True, slots=True)
class MarkerPiece:
    """One run of marker text; ``entry`` is the source entry it links to (``None`` for brackets/commas)."""

    text: str
    entry: SourceEntry | None = None
    note: int | None = None
    """The note number, in the footnote style (the piece is then set as a superscript)."""


def style_of(brief: Brief) -> str:
    """The brief's citation style, ``numeric`` when unknown."""
    return brief.citation_style if brief.citation_style in CITATION_STYLES else NUMERIC


def citation_marker(brief: Brief, citation: Citation) -> str:
    """The in-text marker for one citation: ``"[3]"``, ``"(BBC, 2017)"`` or a footnote number ``"3"``.

    In the footnote style it is the number of the first note that gives this citation (``"?"`` if none does).
    """
    style = style_of(brief)
    if style == FOOTNOTES:
        return str(brief_markers(brief).first_note.get(citation, "?"))
    entry = brief.entry_for(citation)
    if entry is None:
        return "[?]" if style == NUMERIC else "(?)"
    if style == AUTHOR_DATE:
        return f"({author_date_label(brief, entry)})"
    return f"[{entry.number}]"


def marker_pieces(brief: Brief, citations: tuple[Citation, ...]) -> tuple[MarkerPiece, ...]:
    """The numeric or author-date marker for a sentence's citations as linked pieces: ``[1, 4]``,
    ``(BBC, 2017; Reuters, 2018)``. Citations of the same entry are shown once. (Footnote markers depend on
    the sentence's place in the brief: use :func:`brief_markers`.)"""
    if not citations:
        return ()
    style = style_of(brief)
    open_, sep, close = ("(", "; ", ")") if style == AUTHOR_DATE else ("[", ", ", "]")
    entries = _entries(brief, citations)
    if style == NUMERIC:
        entries.sort(key=lambda e: e.number if e is not None else 1 << 30)
    out: list[MarkerPiece] = [MarkerPiece(open_)]
    for i, e in enumerate(entries):
        if i:
            out.append(MarkerPiece(sep))
        if e is None:
            out.append(MarkerPiece("?"))
        elif style == AUTHOR_DATE:
            out.append(MarkerPiece(author_date_label(brief, e), e))
        else:
            out.append(MarkerPiece(str(e.number), e))
    out.append(MarkerPiece(close))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class NoteItem:
    entry: SourceEntry | None
    text: str


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote: its number and one item per source entry the sentence cites."""

    number: int
    items: tuple[NoteItem, ...]

    @property
    def text(self) -> str:
        return " ".join(item.text for item in self.items)


@dataclass(frozen=True, slots=True)
class BriefMarkers:
    by_position: dict[tuple[int, int], tuple[MarkerPiece, ...]]
    """``(part index, sentence index within the part)`` -> the marker pieces after that sentence."""
    notes: tuple[Note, ...]
    """Footnotes in order (empty unless the style is ``footnotes``)."""
    first_note: dict[Citation, int]

    def pieces(self, part_index: int, sentence_index: int) -> tuple[MarkerPiece, ...]:
        return self.by_position.get((part_index, sentence_index), ())


def brief_markers(brief: Brief) -> BriefMarkers:
    """Markers for every sentence of the brief and, in the footnote style, the notes."""
    with _CACHE_LOCK:
        for cached, markers in _CACHE:
            if cached is brief:
                return markers
    markers = _compute(brief)
    with _CACHE_LOCK:
        _CACHE.insert(0, (brief, markers))
        del _CACHE[4:]
    return markers


def author_date_label(brief: Brief, entry: SourceEntry) -> str:
    """``"BBC, 2017"`` for an entry (without parentheses), with ``a``/``b`` suffixes when labels collide."""
    name, year = _name_year(entry)
    if year != "n.d.":
        same = [e for e in brief.sources if _name_year(e) == (name, year)]
        if len(same) > 1 and entry in same:
            year += "abcdefghijklmnopqrstuvwxyz"[min(same.index(entry), 25)]
    return f"{name}, {year}"


def _entries(brief: Brief, citations: tuple[Citation, ...]) -> list[SourceEntry | None]:
    entries: list[SourceEntry | None] = []
    for c in citations:
        e = brief.entry_for(c)
        if e is None or e not in entries:
            entries.append(e)
    return entries


def _compute(brief: Brief) -> BriefMarkers:
    footnotes = style_of(brief) == FOOTNOTES
    by_position: dict[tuple[int, int], tuple[MarkerPiece, ...]] = {}
    notes: list[Note] = []
    first_note: dict[Citation, int] = {}
    entry_note: dict[int, int] = {}
    for pi, part in enumerate(brief.parts):
        for si, sentence in enumerate(part.sentences):
            if not sentence.citations:
                continue
            if not footnotes:
                by_position[(pi, si)] = marker_pieces(brief, sentence.citations)
                continue
            number = len(notes) + 1
            items: list[NoteItem] = []
            for e in _entries(brief, sentence.citations):
                if e is None:
                    items.append(NoteItem(None, "Source not found."))
                elif e.number in entry_note:
                    name, year = _name_year(e)
                    items.append(NoteItem(e, f"{name}, {year}; see note {entry_note[e.number]}."))
                elif len(items) >= MAX_FULL_ENTRIES_PER_NOTE:  # keep a note that cites many sources short
                    name, year = _name_year(e)
                    items.append(NoteItem(e, f"{name}, {year} (source {e.number})."))
                else:
                    entry_note[e.number] = number
                    items.append(NoteItem(e, e.formatted))
            notes.append(Note(number, tuple(items)))
            for c in sentence.citations:
                first_note.setdefault(c, number)
            by_position[(pi, si)] = (MarkerPiece(str(number), items[0].entry, number),)
    return BriefMarkers(by_position, tuple(notes), first_note)


def _name_year(entry: SourceEntry) -> tuple[str, str]:
    md = entry.metadata
    match = _YEAR.search(md.date or "")
    year = match.group(1) if match else "n.d."
    if md.publisher and md.publisher.strip():
        return md.publisher.strip(), year
    if md.author and md.author.strip():
        return _short_author(md.author), year
    if md.title and md.title.strip():
        return _short_title(md.title), year
    return "Anon.", year


def _short_author(author: str) -> str:
    names = [n for n in _AUTHOR_SPLIT.split(author.strip()) if n.strip()]
    if not names:
        return author.strip()
    if len(names) == 1:
        return _surname(names[0])
    if len(names) == 2:
        return f"{_surname(names[0])} and {_surname(names[1])}"
    return f"{_surname(names[0])} et al."


def _surname(name: str) -> str:
    name = name.strip()
    if "," in name:
        return name.split(",")[0].strip()
    parts = name.split()
    return parts[-1] if parts else name


def _short_title(title: str) -> str:
    words = title.split()
    short = " ".join(words[:_TITLE_WORDS])
    return f"“{short}{'…' if len(words) > _TITLE_WORDS else ''}”"


# A brief is immutable, so its markers can be kept while the same brief object is being rendered. The cache
# holds the brief itself, so an id can never be reused for a different object while it is cached.
_CACHE: list[tuple[Brief, BriefMarkers]] = []
_CACHE_LOCK = threading.Lock()
