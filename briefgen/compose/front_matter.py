"""What a brief carries besides its parts: the title block's placeholder values, the numbered source list,
and the check that every sentence is the verbatim text its first citation points at."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.brief import BriefSentence, Part, SourceEntry
from briefgen.citations import fallback_title, format_entries
from briefgen.corpus import Corpus
from briefgen.model import Citation
from briefgen.templates.placeholders import format_date
from briefgen.templates.schema import Template


@dataclass(frozen=True, slots=True)
class BriefDetails:
    """What a caller may set over the template: title, subtitle, people, marking and the brief's date."""

    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    organisation: str | None = None
    marking: str | None = None
    day: dt.date | None = None
    """The brief's date (and the bibliography's "accessed" date); today when ``None``."""
    previous_export: frozenset[str] = frozenset()
    """Text hashes of the sentences the previous export held (:mod:`briefgen.novelty`): any other sentence is
    marked new. Empty: nothing is marked."""


def placeholder_values(
    corpus: Corpus,
    template: Template,
    section_ids: Sequence[str],
    details: BriefDetails,
    day: dt.date,
    lead_article: str | None = None,
) -> dict[str, str]:
    """Values of the placeholders (``{title}``, ``{date}``...) for a brief of *section_ids*: ``{title}`` is the
    title of *lead_article* (the story the brief opens with) or else of the first selected article."""
    sources: list[str] = []
    articles: list[str] = []
    first_title = ""
    for section_id in section_ids:
        source, article, _ = corpus.section_context(section_id)
        if source.id not in sources:
            sources.append(source.id)
        if article.id not in articles:
            articles.append(article.id)
            first_title = first_title or fallback_title(article.metadata, source.path)
    if lead_article is not None:
        source, article = corpus.article_context(lead_article)
        first_title = fallback_title(article.metadata, source.path)
    marking = details.marking or template.style.marking.text or ""
    return {
        "title": first_title or "Brief",
        "date": format_date(day, template.title.date_format),
        "year": str(day.year),
        "sources": str(len(sources)),
        "articles": str(len(articles)),
        "author": details.author or template.title.author,
        "organisation": details.organisation or template.title.organisation,
        "marking": marking,
        "template": template.label,
    }


def source_entries(
    corpus: Corpus, parts: Sequence[Part], bibliography: str, day: dt.date, citation_style: str = "numeric"
) -> list[SourceEntry]:
    """One numbered entry per cited article, in order of first citation; with ``author_date`` markers, entries
    that would share a marker get ``2017a`` / ``2017b`` as the markers do."""
    order: list[str] = []
    for part in parts:
        for sentence in part.sentences:
            for citation in sentence.citations:
                if citation.article not in order:
                    order.append(citation.article)
    accessed = day.isoformat()
    cited = [corpus.article_context(article_id) for article_id in order]
    texts = format_entries(
        bibliography,
        [(article.metadata, source.path) for source, article in cited],
        accessed,
        author_date=citation_style == "author_date",
    )
    entries = []
    for number, ((source, article), formatted) in enumerate(zip(cited, texts, strict=True), start=1):
        entries.append(
            SourceEntry(
                number, article.id, source.id, source.path, article.metadata, accessed, formatted, digest=source.digest
            )
        )
    return entries


def check_verbatim(corpus: Corpus, sentence: BriefSentence) -> None:
    """Raise ``ValueError`` unless *sentence* is exactly the text its first citation points at."""
    if not sentence.citations:
        raise ValueError(f"brief sentence {sentence.id} has no citation")
    first: Citation = sentence.citations[0]
    section = corpus.section(first.section)
    if section.text[first.start : first.end] != sentence.text:
        raise ValueError(f"brief sentence {sentence.id} is not the text its citation points at")
