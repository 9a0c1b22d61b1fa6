"""In-text citation markers and footnotes, shared by the PDF, DOCX and Markdown renderers.

The brief's citation style (``Brief.citation_style``) is a registered
:class:`~briefgen.citations.styles.InTextStyle` (:mod:`briefgen.citations.in_text`): its brackets and separator,
whether markers give entry numbers or who and when, and whether they are note numbers. Renderers ask
:func:`in_text_style` what the brief's style does and never test its name.

Who-and-when labels (``(Smith, 2017)``) come from :func:`briefgen.citations.attribution`, the same "who" and
"when" the entry starts with; two entries with the same label get ``2017a`` / ``2017b``, and so do their entries
(:func:`briefgen.citations.year_suffixes`).

In the note style (``footnotes``) there is one note per cited sentence, numbered 1, 2, 3 … in reading order (as
Word numbers footnotes). The note lists the sentence's source entries: the full bibliography text the first time
an entry is cited, a short form pointing back to that note afterwards (``Smith, 2017; see note 1.``). A sentence
found in many sources gives at most three full entries; the others are named by their number in the source list.

Renderers walk the brief with :func:`brief_markers`, which gives each sentence's marker pieces (each piece
knows the entry it links to) and the notes. Everything here is pure: it reads the brief and never changes it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from briefgen.brief import Brief, SourceEntry
from briefgen.citations import InTextStyle, attribution, cite_label, year_suffixes
from briefgen.citations import in_text_style as named_style
from briefgen.model import Citation

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


def in_text_style(brief: Brief) -> InTextStyle:
    """The brief's citation style, ``numeric`` when its name is not a registered style."""
    return named_style(brief.citation_style)


def style_of(brief: Brief) -> str:
    """The name of the brief's citation style, ``numeric`` when unknown."""
    return in_text_style(brief).name


def citation_marker(brief: Brief, citation: Citation) -> str:
    """The in-text marker for one citation: ``"[3]"``, ``"(BBC, 2017)"`` or a footnote number ``"3"``.

    In a note style it is the number of the first note that gives this citation (``"?"`` if none does).
    """
    style = in_text_style(brief)
    if style.notes:
        return str(brief_markers(brief).first_note.get(citation, "?"))
    entry = brief.entry_for(citation)
    if entry is None:
        return f"{style.opening}?{style.closing}"
    if style.who_when is not None:
        return f"{style.opening}{author_date_label(brief, entry)}{style.closing}"
    return f"{style.opening}{entry.number}{style.closing}"


def marker_pieces(
    brief: Brief, citations: tuple[Citation, ...], labels: dict[int, str] | None = None
) -> tuple[MarkerPiece, ...]:
    """The numeric or author-date marker for a sentence's citations as linked pieces: ``[1, 4]``,
    ``(BBC, 2017; Reuters, 2018)``. Citations of the same entry are shown once. (Footnote markers depend on
    the sentence's place in the brief: use :func:`brief_markers`.) *labels* are :func:`author_date_labels`,
    when the caller has them already."""
    if not citations:
        return ()
    style = in_text_style(brief)
    if style.who_when is not None and labels is None:
        labels = author_date_labels(brief)
    entries = _entries(brief, citations)
    if style.by_number:
        entries.sort(key=lambda e: e.number if e is not None else 1 << 30)
    out: list[MarkerPiece] = [MarkerPiece(style.opening)]
    for i, e in enumerate(entries):
        if i:
            out.append(MarkerPiece(style.separator))
        if e is None:
            out.append(MarkerPiece("?"))
        elif style.who_when is not None:
            out.append(MarkerPiece((labels or {}).get(e.number) or short_label(e, style), e))
        else:
            out.append(MarkerPiece(str(e.number), e))
    out.append(MarkerPiece(style.closing))
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
    """``"Smith, 2017"`` for an entry (without parentheses), with ``a``/``b`` suffixes when labels collide."""
    return author_date_labels(brief).get(entry.number) or short_label(entry, in_text_style(brief))


def author_date_labels(brief: Brief) -> dict[int, str]:
    """Entry number -> its who-and-when label in the brief's style (``Smith, 2017`` when the style numbers its
    entries), suffixed as its entry is (:func:`briefgen.citations.format_entries`)."""
    label = in_text_style(brief).who_when or cite_label
    attributions = [attribution(e.metadata, e.path) for e in brief.sources]
    suffixes = year_suffixes(attributions)
    return {e.number: label(a, s) for e, a, s in zip(brief.sources, attributions, suffixes, strict=True)}


def short_label(entry: SourceEntry, style: InTextStyle | None = None) -> str:
    """``"Smith, 2017"``: who and when of an entry without a suffix (a footnote's short form), in *style*'s
    label when it names who and when."""
    label = (style.who_when if style is not None else None) or cite_label
    return label(attribution(entry.metadata, entry.path), "")


def _entries(brief: Brief, citations: tuple[Citation, ...]) -> list[SourceEntry | None]:
    entries: list[SourceEntry | None] = []
    for c in citations:
        e = brief.entry_for(c)
        if e is None or e not in entries:
            entries.append(e)
    return entries


def _compute(brief: Brief) -> BriefMarkers:
    style = in_text_style(brief)
    footnotes = style.notes
    labels = author_date_labels(brief) if style.who_when is not None else None
    by_position: dict[tuple[int, int], tuple[MarkerPiece, ...]] = {}
    notes: list[Note] = []
    first_note: dict[Citation, int] = {}
    entry_note: dict[int, int] = {}
    for pi, part in enumerate(brief.parts):
        for si, sentence in enumerate(part.sentences):
            if not sentence.citations:
                continue
            if not footnotes:
                by_position[(pi, si)] = marker_pieces(brief, sentence.citations, labels)
                continue
            number = len(notes) + 1
            items: list[NoteItem] = []
            for e in _entries(brief, sentence.citations):
                if e is None:
                    items.append(NoteItem(None, "Source not found."))
                elif e.number in entry_note:
                    items.append(NoteItem(e, f"{short_label(e)}; see note {entry_note[e.number]}."))
                elif len(items) >= MAX_FULL_ENTRIES_PER_NOTE:  # keep a note that cites many sources short
                    items.append(NoteItem(e, f"{short_label(e)} (source {e.number})."))
                else:
                    entry_note[e.number] = number
                    items.append(NoteItem(e, e.formatted))
            notes.append(Note(number, tuple(items)))
            for c in sentence.citations:
                first_note.setdefault(c, number)
            by_position[(pi, si)] = (MarkerPiece(str(number), items[0].entry, number),)
    return BriefMarkers(by_position, tuple(notes), first_note)


# A brief is immutable, so its markers can be kept while the same brief object is being rendered. The cache
# holds the brief itself, so an id can never be reused for a different object while it is cached.
_CACHE: list[tuple[Brief, BriefMarkers]] = []
_CACHE_LOCK = threading.Lock()
