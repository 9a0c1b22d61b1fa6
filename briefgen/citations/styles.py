"""Citation styles as registered objects: in-text styles (how a sentence points at its sources) and
bibliography formats (how the source list writes an entry).

The names a template may choose are :class:`~briefgen.templates.schema.CitationStyle` and
:class:`~briefgen.templates.schema.BibliographyStyle`; each name is registered here with the module that
implements it, imported on first use. Renderers and composition look styles up here and never test a style's
name. A new style is one module (its :class:`InTextStyle`, its entry format, or both), one line below, and the
name in the template vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from briefgen.citations.attribution import Attribution, attribution, year_suffixes
from briefgen.model import Metadata
from briefgen.registry import Registry, UnknownName


class EntryFormat(Protocol):
    """Writes one source's bibliography entry; *suffix* is the letter after its year (``2017a``), and
    *author_date* says the brief's markers name who and when (an entry may then put the year first)."""

    def __call__(
        self, metadata: Metadata, path: str, accessed: str, suffix: str = "", *, author_date: bool = False
    ) -> str: ...


@dataclass(frozen=True, slots=True)
class InTextStyle:
    """How a cited sentence points at its source entries."""

    name: str
    opening: str = "["
    separator: str = ", "
    closing: str = "]"
    who_when: Callable[[Attribution, str], str] | None = None
    """Markers name who and when with this label (``Smith, 2017``, given the year's suffix letter) instead of
    the entry's number; entries that would share a label then get ``2017a`` / ``2017b``."""
    by_number: bool = False
    """Several entries in one marker are listed in source-list order (``[1, 4]``), not citation order."""
    notes: bool = False
    """Markers are note numbers and the notes give the entries (footnotes)."""
    numbered_list: bool = True
    """The source list shows each entry's number (a reader looks entries up by number)."""


IN_TEXT_STYLES: Registry[InTextStyle] = Registry("citation style")
IN_TEXT_STYLES.register("numeric", "briefgen.citations.in_text:NUMERIC", description="[1]")
IN_TEXT_STYLES.register("author_date", "briefgen.citations.in_text:AUTHOR_DATE", description="(Smith, 2017)")
IN_TEXT_STYLES.register("footnotes", "briefgen.citations.in_text:FOOTNOTES", description="numbered notes")

BIBLIOGRAPHIES: Registry[EntryFormat] = Registry("bibliography style")
BIBLIOGRAPHIES.register("apa", "briefgen.citations.apa:format_apa", description="APA-like")
BIBLIOGRAPHIES.register("chicago", "briefgen.citations.chicago:format_chicago", description="Chicago-like")


def in_text_style(name: str) -> InTextStyle:
    """The in-text style called *name*, ``numeric`` for a name nothing is registered as."""
    return IN_TEXT_STYLES.get(name if name in IN_TEXT_STYLES else "numeric")


def names_sources(citation_style: str) -> bool:
    """Whether markers in *citation_style* name who and when (so entries need year suffixes)."""
    return in_text_style(citation_style).who_when is not None


def ended(text: str, mark: str = ".") -> str:
    """*text* followed by *mark* unless it already ends with sentence punctuation."""
    text = text.rstrip()
    return text if text[-1:] in ".?!" else text + mark


def format_entry(
    style: str, metadata: Metadata, path: str, accessed: str, *, suffix: str = "", author_date: bool = False
) -> str:
    """The bibliography entry of one source in *style* (a registered bibliography format)."""
    try:
        entry = BIBLIOGRAPHIES.get(style)
    except UnknownName:
        raise ValueError(f"unknown bibliography style {style!r}") from None
    return entry(metadata, path, accessed, suffix, author_date=author_date)


def format_entries(
    style: str, sources: Sequence[tuple[Metadata, str]], accessed: str, *, author_date: bool = False
) -> list[str]:
    """The entries of a whole source list of ``(metadata, path)`` in order. With *author_date* markers, sources
    that would share a marker get ``2017a`` / ``2017b`` (:func:`year_suffixes`, as the markers do)."""
    attributions = [attribution(md, path) for md, path in sources]
    suffixes = year_suffixes(attributions) if author_date else [""] * len(sources)
    return [
        format_entry(style, md, path, accessed, suffix=suffix, author_date=author_date)
        for (md, path), suffix in zip(sources, suffixes, strict=True)
    ]
