"""The composed brief: render-agnostic content that the DOCX, PDF and Markdown renderers lay out.

:mod:`briefgen.compose` builds a :class:`Brief` from a corpus, a summary and a template; renderers only read it.
Every :class:`BriefSentence` carries citations; ``Brief.entry_for(citation)`` gives its numbered source entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from briefgen.model import Citation, Metadata


class PartKind(StrEnum):
    EXECUTIVE_SUMMARY = "executive_summary"
    SECTION = "section"
    KEY_POINTS = "key_points"
    KEY_FIGURES = "key_figures"
    QUOTES = "quotes"
    KEYPHRASES = "keyphrases"
    DIFFERENCES = "differences"
    TIMELINE = "timeline"
    SOURCES = "sources"


@dataclass(frozen=True, slots=True)
class BriefSentence:
    id: str
    text: str
    """Verbatim source text."""
    citations: tuple[Citation, ...]
    emphasis: tuple[tuple[int, int], ...] = ()
    """Spans ``(start, end)`` of ``text`` that renderers emphasise (the quantities of a key figure)."""
    label: str | None = None
    """A short label shown before the sentence, not part of the quotation (a timeline entry's date)."""
    support: int = 1
    """How many distinct sources carry this sentence (exactly or nearly): its corroboration."""
    new: bool = False
    """Not in the project's previous export (shown when the template asks for it)."""


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A part, or a section of a ``sections`` part, that the brief does not show, and why."""

    part: str
    """The template part's type (a :class:`~briefgen.templates.schema.PartType` value)."""
    heading: str
    reason: str


@dataclass(frozen=True, slots=True)
class Part:
    kind: PartKind
    heading: str
    sentences: tuple[BriefSentence, ...] = ()
    subheading: str | None = None
    """E.g. the article a section comes from."""
    as_list: bool = False
    """Render the sentences as a bulleted list instead of a paragraph."""
    terms: tuple[str, ...] = ()
    """For ``KEYPHRASES`` parts."""
    rows: tuple[tuple[int, ...], ...] = ()
    """For ``DIFFERENCES`` parts: each row is one disagreement, the indices into ``sentences`` of the sources'
    own sentences to show side by side."""
    paragraph_starts: tuple[int, ...] = ()
    """For parts shown as prose: the indices into ``sentences`` (after the first) that open a new paragraph, e.g.
    where the executive summary turns to another story. Empty: one paragraph."""


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One numbered entry of the source list / bibliography: an article (the citable unit)."""

    number: int
    article_id: str
    source_id: str
    path: str
    metadata: Metadata
    accessed: str
    """ISO date the brief was made (the "accessed" date of a bibliography)."""
    formatted: str
    """The bibliography entry as plain text in the brief's bibliography style."""
    digest: str = ""
    """SHA-256 of the source file's bytes, hex (the brief's provenance names it); empty when not known."""


@dataclass(frozen=True, slots=True)
class Brief:
    title: str
    subtitle: str | None
    date: str
    author: str | None
    organisation: str | None
    marking: str | None
    parts: tuple[Part, ...]
    sources: tuple[SourceEntry, ...]
    citation_style: str = "numeric"
    """A :class:`~briefgen.templates.schema.CitationStyle` value; renderers look its behaviour up with
    :func:`briefgen.render.markers.in_text_style` (an unknown name is shown as ``numeric``)."""
    support_mark: str = "none"
    """A :class:`~briefgen.templates.schema.SupportMark` value (:mod:`briefgen.render.support_marks`)."""
    mark_new: bool = False
    bibliography_style: str = "apa"
    """The :class:`~briefgen.templates.schema.BibliographyStyle` the entries were formatted in."""
    keywords: tuple[str, ...] = ()
    template_name: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    left_out: tuple[LeftOut, ...] = ()
    """Parts and sections left out (to fit the length, or because nothing qualified)."""

    def entry_for(self, citation: Citation) -> SourceEntry | None:
        for entry in self.sources:
            if entry.article_id == citation.article:
                return entry
        return None

    def sentences(self) -> tuple[BriefSentence, ...]:
        return tuple(s for p in self.parts for s in p.sentences)

    def word_count(self) -> int:
        """Words of the brief's sentences (whitespace-separated, as budgets count them)."""
        return sum(len(s.text.split()) for s in self.sentences())
