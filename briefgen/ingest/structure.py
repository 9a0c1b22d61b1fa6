"""Cleaned article drafts -> the frozen data model (sections, paragraphs, sentences, ids)."""

from __future__ import annotations

from briefgen import ids
from briefgen.ingest.articles import ArticleDraft
from briefgen.ingest.blocks import Block, BlockKind
from briefgen.model import Article, Metadata, Paragraph, ParagraphKind, Section, Sentence
from briefgen.nlp import default_splitter

PARAGRAPH_SEPARATOR = "\n\n"
_KIND = {
    BlockKind.PARAGRAPH: ParagraphKind.TEXT,
    BlockKind.BULLET: ParagraphKind.BULLET,
    BlockKind.QUOTE: ParagraphKind.QUOTE,
}


def build_article(draft: ArticleDraft, article_id: str, fallback: Metadata) -> Article:
    metadata = Metadata(title=draft.title).merged(draft.metadata).merged(fallback)
    sections: list[Section] = []
    heading: str | None = None
    body: list[Block] = []
    for block in draft.blocks:
        if block.kind is BlockKind.HEADING:
            if body:
                sections.append(build_section(ids.section_id(article_id, len(sections)), heading, body))
                body = []
            heading = block.text.strip()
        else:
            body.append(block)
    if body:
        sections.append(build_section(ids.section_id(article_id, len(sections)), heading, body))
    sections = [s for s in sections if s.paragraphs]
    return Article(id=article_id, metadata=metadata, sections=tuple(sections))


def build_section(section_id: str, heading: str | None, blocks: list[Block]) -> Section:
    """A section whose text is its paragraphs joined by blank lines; sentence offsets index that text."""
    splitter = default_splitter()
    texts = [b.text.strip() for b in blocks]
    text = PARAGRAPH_SEPARATOR.join(t for t in texts if t)
    paragraphs: list[Paragraph] = []
    offset = 0
    n_sentences = 0
    for block, para_text in zip(blocks, texts, strict=True):
        if not para_text:
            continue
        sentences: list[Sentence] = []
        for start, end in splitter.spans(para_text):
            sentences.append(
                Sentence(
                    id=ids.sentence_id(section_id, n_sentences),
                    text=para_text[start:end],
                    start=offset + start,
                    end=offset + end,
                )
            )
            n_sentences += 1
        if sentences:
            paragraphs.append(
                Paragraph(
                    id=ids.paragraph_id(section_id, len(paragraphs)),
                    kind=_KIND.get(block.kind, ParagraphKind.TEXT),
                    start=offset,
                    end=offset + len(para_text),
                    sentences=tuple(sentences),
                )
            )
        offset += len(para_text) + len(PARAGRAPH_SEPARATOR)
    return Section(id=section_id, heading=heading, text=text, paragraphs=tuple(paragraphs))
