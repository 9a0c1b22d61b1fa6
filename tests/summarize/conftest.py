"""Corpora built by hand for the summariser's tests (no ingest involved: exact control over sections)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from briefgen import ids
from briefgen.corpus import Corpus
from briefgen.model import Article, Metadata, Paragraph, ParagraphKind, Section, Sentence, Source
from briefgen.nlp import default_splitter

SectionSpec = str | tuple[str | None, str]
"""A section's text (paragraphs separated by blank lines), optionally with its heading."""


def make_section(section_id: str, heading: str | None, text: str) -> Section:
    paragraphs: list[Paragraph] = []
    parts = text.split("\n\n")
    offset = 0
    body_parts: list[str] = []
    n_sentence = 0
    for p_index, part in enumerate(parts):
        part = part.strip()
        if not part:
            continue
        if body_parts:
            offset += 2
        start = offset
        sentences: list[Sentence] = []
        for s, e in default_splitter().spans(part):
            n_sentence += 1
            sentences.append(Sentence(ids.sentence_id(section_id, n_sentence - 1), part[s:e], start + s, start + e))
        paragraphs.append(
            Paragraph(
                ids.paragraph_id(section_id, p_index), ParagraphKind.TEXT, start, start + len(part), tuple(sentences)
            )
        )
        body_parts.append(part)
        offset += len(part)
    return Section(section_id, heading, "\n\n".join(body_parts), tuple(paragraphs))


def make_source(
    path: str,
    sections: Sequence[SectionSpec],
    *,
    title: str = "A title",
    taken: set[str] | None = None,
    articles: Sequence[Sequence[SectionSpec]] | None = None,
) -> Source:
    """A source of one article (*sections*) or of several (*articles*)."""
    all_articles = list(articles) if articles is not None else [sections]
    digest = ids.digest_of(repr((path, all_articles)).encode())
    source_id = ids.source_id(digest, taken)
    if taken is not None:
        taken.add(source_id)
    built: list[Article] = []
    for a_index, article_sections in enumerate(all_articles):
        article_id = ids.article_id(source_id, a_index)
        secs = []
        for s_index, spec in enumerate(article_sections):
            heading, text = spec if isinstance(spec, tuple) else (None, spec)
            secs.append(make_section(ids.section_id(article_id, s_index), heading, text))
        built.append(Article(article_id, Metadata(title=f"{title} {a_index + 1}"), tuple(secs)))
    return Source(source_id, path, "text", digest, tuple(built))


def make_corpus(*sources: tuple[str, Sequence[SectionSpec]]) -> Corpus:
    taken: set[str] = set()
    return Corpus([make_source(path, sections, taken=taken) for path, sections in sources])


NEWS_A = [
    (
        None,
        "The city council approved a new budget of $12m for public transport on Monday. "
        "The plan adds forty electric buses to the fleet and extends night services. "
        "Council leader Jane Smith said the investment would cut congestion in the city centre.\n\n"
        "Opposition members criticised the cost of the electric buses. "
        "They argued that fares would rise by 5% next year to pay for the plan.",
    ),
    (
        "Reaction",
        "Local businesses welcomed the extended night services. "
        "A spokesman for the chamber of commerce said late-night trade would benefit. "
        "Environmental groups praised the switch to electric buses but asked for more cycle lanes.",
    ),
]

NEWS_B = [
    (
        None,
        "A new budget of $12m for public transport was approved by the city council on Monday. "
        "Mr Smith, the council leader, said the investment would cut congestion in the city centre. "
        "The first electric buses are expected to arrive in March 2025.\n\n"
        "Critics say the council has ignored rural bus routes. "
        "Several villages lost their only bus service last year.",
    ),
]


@pytest.fixture
def news() -> Corpus:
    """Two sources on one story; they share near-duplicate sentences."""
    return make_corpus(("a.txt", NEWS_A), ("b.txt", NEWS_B))
