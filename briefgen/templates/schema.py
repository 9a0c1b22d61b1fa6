"""What a template holds: plain frozen data, read from and written to JSON by :mod:`briefgen.templates.validate`.

A template is data only. Its text fields may use placeholders from a fixed set (see
:mod:`briefgen.templates.placeholders`); nothing in a template is ever evaluated or formatted as code.

The look (page, fonts, colours, logo, marking, header/footer) is a :class:`~briefgen.templates.style.RenderStyle`;
the rest says what goes into the brief: title, parts and their order, summary length and algorithm, citations.

The enumerations here are the one list of each choice a template makes (part types, citation and bibliography
styles, output formats…): validation, the app's template form and the registries that implement the choices
(:data:`briefgen.compose.parts.PART_BUILDERS`, :mod:`briefgen.citations.styles`,
:data:`briefgen.render.registry.RENDERERS`) all follow them, and the fields are typed with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from briefgen.templates.style import RenderStyle

SCHEMA_VERSION = 1
"""The schema version this briefgen writes; older versions are migrated on load (see ``migrate``)."""
DEFAULT_SENTENCES = 6
"""A template's length when it gives none: the whole brief in sentences."""
DEFAULT_TEMPLATE = "policy-brief"
"""The built-in template used when none is named (and the one a new workspace starts with)."""


class PartType(StrEnum):
    """The parts a template can list, in the order it lists them."""

    KEY_POINTS = "key_points"
    """The best sentences of the summary as a bulleted list."""
    EXECUTIVE_SUMMARY = "executive_summary"
    """The summary across all selected sources (minus any sentence already in the key points)."""
    SECTIONS = "sections"
    """One part per selected section, article, or heading (``group_by``) with its own summary sentences."""
    KEY_FIGURES = "key_figures"
    """Sentences with amounts, percentages, counts or dates."""
    QUOTES = "quotes"
    """Sentences that quote someone."""
    KEYPHRASES = "keyphrases"
    """The summary's key phrases."""
    DIFFERENCES = "differences"
    """Where sources differ: near-identical sentences that state different numbers or dates, side by side."""
    TIMELINE = "timeline"
    """Dated events of the selected sources in date order, each the source's own sentence with its date."""
    SOURCES = "sources"
    """The numbered source list / bibliography (required: every citation resolves to an entry)."""


class GroupBy(StrEnum):
    SECTION = "section"
    ARTICLE = "article"
    HEADING = "heading"
    """Sections with the same heading (across sources) form one part."""


class CitationStyle(StrEnum):
    """How a cited sentence points at its sources (each registered in :mod:`briefgen.citations.styles`)."""

    NUMERIC = "numeric"
    """``[1]``: the entry's number in the source list."""
    AUTHOR_DATE = "author_date"
    """``(Smith, 2017)``: who and when."""
    FOOTNOTES = "footnotes"
    """A note number; the note gives the entries."""


class BibliographyStyle(StrEnum):
    """How the source list writes an entry (each registered in :mod:`briefgen.citations.styles`)."""

    APA = "apa"
    CHICAGO = "chicago"


class DateFormat(StrEnum):
    LONG = "long"
    """``22 November 2026``"""
    US = "us"
    """``November 22, 2026``"""
    ISO = "iso"
    """``2026-11-22``"""


class OutputFormat(StrEnum):
    """The file formats a brief is written in (each registered in :mod:`briefgen.render.registry`)."""

    PDF = "pdf"
    DOCX = "docx"
    MARKDOWN = "md"


@dataclass(frozen=True, slots=True)
class PartSpec:
    type: PartType
    heading: str
    """The part's heading; for ``sections`` parts, the heading of the group's own part comes from the source."""
    count: int = 5
    """The most sentences (or phrases) the part shows: per group for ``sections``, in total for the others."""
    as_list: bool = False
    """Bulleted list instead of running text (key points, key figures, quotes are always lists)."""
    group_by: GroupBy = GroupBy.SECTION
    """``sections`` parts only: ``section``, ``article`` or ``heading``."""
    share: float | None = None
    """The part's share of the brief's length (0-1, normalised over the parts present); ``None``: the default
    for its type (see :mod:`briefgen.compose.length`). Key phrases and the source list take no share."""


@dataclass(frozen=True, slots=True)
class TitleSpec:
    pattern: str = "{title}"
    """The brief's title; placeholders such as ``{title}`` or ``{date}`` are substituted."""
    subtitle: str = ""
    author: str = ""
    organisation: str = ""
    date_format: DateFormat = DateFormat.LONG


@dataclass(frozen=True, slots=True)
class SummarySpec:
    """The whole brief's default length (exactly one of sentences, words, ratio, pages) and the algorithm."""

    algorithm: str = "default"
    sentences: int | None = DEFAULT_SENTENCES
    """Length of the whole brief in sentences; or set ``words``, ``ratio`` or ``pages`` instead."""
    words: int | None = None
    ratio: float | None = None
    pages: int | None = None
    """As much as fits on this many PDF pages (measured on the rendered brief)."""


class SupportMark(StrEnum):
    """How a brief shows how many distinct sources carry each sentence (its corroboration)."""

    NONE = "none"
    COUNT = "count"
    """A small "3 sources" after the citation marker of a sentence two or more sources carry."""
    DAGGER = "dagger"
    """A dagger (†) after the marker of a sentence only one source carries."""


@dataclass(frozen=True, slots=True)
class CitationSpec:
    style: CitationStyle = CitationStyle.NUMERIC
    bibliography: BibliographyStyle = BibliographyStyle.APA
    support: SupportMark = SupportMark.NONE
    """:class:`SupportMark`: show each sentence's number of sources."""
    mark_new: bool = False
    """Mark sentences that were not in the project's previous export ("new")."""


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    """Identifier used on the command line and as the file name: letters, digits, ``-`` and ``_``."""
    label: str
    """Display name: ``Policy brief``."""
    description: str = ""
    title: TitleSpec = field(default_factory=TitleSpec)
    style: RenderStyle = field(default_factory=RenderStyle)
    """The look; ``header_text``/``footer_text`` keep their placeholders until a brief is built."""
    parts: tuple[PartSpec, ...] = ()
    summary: SummarySpec = field(default_factory=SummarySpec)
    citations: CitationSpec = field(default_factory=CitationSpec)
    output_format: OutputFormat = OutputFormat.PDF
    schema_version: int = SCHEMA_VERSION

    def part(self, part_type: str) -> PartSpec | None:
        for spec in self.parts:
            if spec.type == part_type:
                return spec
        return None
