"""A set of loaded sources with lookups by id (the engine's source of truth for one run)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from briefgen.model import Article, Citation, Section, Sentence, Source


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """A sentence with everything above it."""

    source: Source
    article: Article
    section: Section
    sentence: Sentence
    position: int
    """Index of the sentence among all sentences of the corpus, in reading order."""

    def citation(self) -> Citation:
        return Citation(
            source=self.source.id,
            article=self.article.id,
            section=self.section.id,
            sentence=self.sentence.id,
            start=self.sentence.start,
            end=self.sentence.end,
        )


class Corpus:
    """Sources in the order the user gave them, with lookups from any id to its object."""

    def __init__(self, sources: Iterable[Source]) -> None:
        self.sources: tuple[Source, ...] = tuple(sources)
        self._sources = {s.id: s for s in self.sources}
        self._articles: dict[str, tuple[Source, Article]] = {}
        self._sections: dict[str, tuple[Source, Article, Section]] = {}
        self._sentences: dict[str, SentenceRef] = {}
        self._section_order: dict[str, int] = {}
        position = 0
        for src in self.sources:
            for art in src.articles:
                self._articles[art.id] = (src, art)
                for sec in art.sections:
                    self._sections[sec.id] = (src, art, sec)
                    self._section_order[sec.id] = len(self._section_order)
                    for sent in sec.sentences:
                        self._sentences[sent.id] = SentenceRef(src, art, sec, sent, position)
                        position += 1

    def __len__(self) -> int:
        return len(self.sources)

    def __iter__(self) -> Iterator[Source]:
        return iter(self.sources)

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def article(self, article_id: str) -> Article:
        return self._articles[article_id][1]

    def section(self, section_id: str) -> Section:
        return self._sections[section_id][2]

    def sentence(self, sentence_id: str) -> SentenceRef:
        return self._sentences[sentence_id]

    def has(self, any_id: str) -> bool:
        return (
            any_id in self._sources or any_id in self._articles or any_id in self._sections or any_id in self._sentences
        )

    def section_context(self, section_id: str) -> tuple[Source, Article, Section]:
        return self._sections[section_id]

    def article_context(self, article_id: str) -> tuple[Source, Article]:
        return self._articles[article_id]

    def sections(self) -> Iterator[tuple[Source, Article, Section]]:
        """Every section in reading order, with its source and article."""
        for src in self.sources:
            for art in src.articles:
                for sec in art.sections:
                    yield src, art, sec

    def sentence_refs(self) -> Iterator[SentenceRef]:
        """Every sentence in reading order."""
        return iter(self._sentences.values())

    def resolve_sections(self, ids: Iterable[str]) -> list[str]:
        """Section ids covered by *ids*, which may name sources, articles or sections; reading order, no repeats.

        Raises ``KeyError`` naming the first unknown id.
        """
        wanted: set[str] = set()
        for any_id in ids:
            if any_id in self._sections:
                wanted.add(any_id)
            elif any_id in self._articles:
                wanted.update(sec.id for sec in self._articles[any_id][1].sections)
            elif any_id in self._sources:
                wanted.update(sec.id for sec in self._sources[any_id].sections)
            else:
                raise KeyError(any_id)
        if len(wanted) == 1:  # one section (asked for one by one in large selections): no walk over all of them
            return list(wanted)
        return sorted(wanted, key=self._section_order.__getitem__)
