"""What a brief carries besides its parts: the title block's placeholder values, the numbered source list,
and the check that every sentence is the verbatim text its first citation points at.

The automatic title (``{title}``) names the brief's main story, the story of its first key point (the key points
open with the strongest story) or, in a brief without key points, the one given the most words (an article and its
republished copies are one story), and says how many other stories the brief carries: "North Korea crisis:
What does Kim Jong-un really want? — and 1 other story". Naming one story alone would misrepresent a brief
that carries several; naming them all would make a title of any length; a neutral title ("Brief") would
tell the reader nothing. The source list names every story.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefgen.brief import BriefSentence, Part, PartKind, SourceEntry
from briefgen.citations import fallback_title, format_entries, names_sources
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


def main_story(parts: Sequence[Part], article_copies: Mapping[str, str]) -> tuple[str | None, int]:
    """The article of the brief's main story and how many other stories the parts show sentences of (a
    republished copy counts for the article it copies; a sentence is its first citation's); ``(None, 0)`` for no
    sentence. The main story is the first key point's, so that the title and the first bullet agree; without key
    points, the story given the most words (the first shown of those tied)."""

    def story(sentence: BriefSentence) -> str:
        article = sentence.citations[0].article
        return article_copies.get(article, article)

    words: Counter[str] = Counter()
    for part in parts:
        for sentence in part.sentences:
            words[story(sentence)] += len(sentence.text.split())
    if not words:
        return None, 0
    points = next((p.sentences for p in parts if p.kind == PartKind.KEY_POINTS and p.sentences), ())
    if points:
        return story(points[0]), len(words) - 1
    top = max(words.values())
    lead = next(story for story, n in words.items() if n == top)
    return lead, len(words) - 1


def other_stories(count: int) -> str:
    """What follows the main story's title: " — and 2 other stories" (nothing for none)."""
    if count <= 0:
        return ""
    return f" — and {count} other {'story' if count == 1 else 'stories'}"


def placeholder_values(
    corpus: Corpus,
    template: Template,
    section_ids: Sequence[str],
    details: BriefDetails,
    day: dt.date,
    lead_article: str | None = None,
    others: int = 0,
) -> dict[str, str]:
    """Values of the placeholders (``{title}``, ``{date}``...) for a brief of *section_ids*: ``{title}`` is the
    title of *lead_article* (the brief's main story, :func:`main_story`) or else of the first selected article,
    followed by the number of *others* stories the brief carries (:func:`other_stories`)."""
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
        "title": (first_title or "Brief") + other_stories(others),
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
        author_date=names_sources(citation_style),
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
