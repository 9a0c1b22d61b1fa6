"""The data model: Source -> Article -> Section -> Paragraph -> Sentence, plus citations.

All classes are frozen dataclasses: engine stages build new objects instead of mutating shared ones.

Offsets: a :class:`Sentence`'s ``start``/``end`` index its section's ``text`` (``section.text[s.start:s.end] ==
s.text``), and so do a :class:`Paragraph`'s. A section's text is its paragraphs joined by blank lines.

Ids are stable and hierarchical: the same input bytes always give the same ids, and ids are unique across all the
sources of one run (see :mod:`briefgen.ids`)::

    source   6fe9ca65
    article  6fe9ca65.a1
    section  6fe9ca65.a1.s2
    sentence 6fe9ca65.a1.s2.t5
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ParagraphKind(StrEnum):
    TEXT = "text"
    BULLET = "bullet"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    id: str
    kind: ParagraphKind
    start: int
    end: int
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    heading: str | None
    text: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for p in self.paragraphs for s in p.sentences)

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Metadata:
    """What citations are made of. ``date`` is ISO ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY`` when that is all
    the source says)."""

    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None

    def merged(self, other: Metadata) -> Metadata:
        """Fields of *self*, with gaps filled from *other*."""
        return Metadata(
            title=self.title or other.title,
            author=self.author or other.author,
            publisher=self.publisher or other.publisher,
            date=self.date or other.date,
            url=self.url or other.url,
        )


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    metadata: Metadata
    sections: tuple[Section, ...]

    @property
    def title(self) -> str | None:
        return self.metadata.title

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for sec in self.sections for s in sec.sentences)


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    path: str
    """The path (or URL) exactly as the user gave it."""
    format: str
    """``text``, ``markdown``, ``html``, ``docx``, ``pdf``."""
    digest: str
    """SHA-256 of the input bytes, hex."""
    articles: tuple[Article, ...]
    warnings: tuple[str, ...] = field(default=())

    @property
    def sections(self) -> tuple[Section, ...]:
        return tuple(sec for a in self.articles for sec in a.sections)


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a sentence of a summary or brief came from: ``section.text[start:end]`` is the sentence."""

    source: str
    """Source id."""
    article: str
    section: str
    sentence: str
    start: int
    end: int
