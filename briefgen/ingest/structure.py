"""Cleaned article drafts -> the frozen data model (sections, paragraphs, sentences, ids).

Sentence splitting is the costly step. A source that repeats paragraphs (a story reprinted many times, a report
with recurring boilerplate) splits each distinct paragraph once: :func:`build_article` takes a
:data:`SplitCache` that the pipeline shares between the articles of one source, and the repeats reuse its
sentence spans and sentence strings.
"""

from __future__ import annotations

from briefgen import ids
from briefgen.ingest.articles import ArticleDraft
from briefgen.ingest.blocks import Block, BlockKind
from briefgen.model import Article, Metadata, Paragraph, ParagraphKind, Section, Sentence
from briefgen.nlp import default_splitter
from briefgen.progress import CancelToken, ProgressCallback, check, report

PARAGRAPH_SEPARATOR = "\n\n"
SplitCache = dict[str, tuple[tuple[int, int, str], ...]]
"""Paragraph text -> its sentences as ``(start, end, text)``."""
_CHECK_EVERY_CHARS = 50_000
"""Characters split between two checks of the cancel token (a few hundredths of a second of work)."""


class SplitProgress:
    """The sentence splitting of one source: checks *cancel* and reports ``(done, total)`` characters every
    :data:`_CHECK_EVERY_CHARS` characters."""

    def __init__(self, total_chars: int, progress: ProgressCallback | None, cancel: CancelToken | None) -> None:
        self.total = max(total_chars, 1)
        self.done = 0
        self._next = _CHECK_EVERY_CHARS
        self._progress = progress
        self._cancel = cancel

    def advance(self, chars: int) -> None:
        self.done += chars
        if self.done >= self._next:
            self._next = self.done + _CHECK_EVERY_CHARS
            check(self._cancel)
            report(self._progress, min(self.done, self.total), self.total, "Splitting sentences")


_KIND = {
    BlockKind.PARAGRAPH: ParagraphKind.TEXT,
    BlockKind.BULLET: ParagraphKind.BULLET,
    BlockKind.QUOTE: ParagraphKind.QUOTE,
}


def build_article(
    draft: ArticleDraft,
    article_id: str,
    fallback: Metadata,
    cache: SplitCache | None = None,
    tracker: SplitProgress | None = None,
) -> Article:
    metadata = Metadata(title=draft.title).merged(draft.metadata).merged(fallback)
    sections: list[Section] = []
    heading: str | None = None
    body: list[Block] = []
    for block in draft.blocks:
        if block.kind is BlockKind.HEADING:
            if body:
                sections.append(build_section(ids.section_id(article_id, len(sections)), heading, body, cache, tracker))
                body = []
            heading = block.text.strip()
        else:
            body.append(block)
    if body:
        sections.append(build_section(ids.section_id(article_id, len(sections)), heading, body, cache, tracker))
    sections = [s for s in sections if s.paragraphs]
    return Article(id=article_id, metadata=metadata, sections=tuple(sections))


def build_section(
    section_id: str,
    heading: str | None,
    blocks: list[Block],
    cache: SplitCache | None = None,
    tracker: SplitProgress | None = None,
) -> Section:
    """A section whose text is its paragraphs joined by blank lines; sentence offsets index that text."""
    splitter = default_splitter()
    cache = {} if cache is None else cache
    texts = [b.text.strip() for b in blocks]
    text = PARAGRAPH_SEPARATOR.join(t for t in texts if t)
    paragraphs: list[Paragraph] = []
    offset = 0
    n_sentences = 0
    for block, para_text in zip(blocks, texts, strict=True):
        if not para_text:
            continue
        split = cache.get(para_text)
        if split is None:
            split = cache[para_text] = tuple((s, e, para_text[s:e]) for s, e in splitter.spans(para_text))
        if tracker is not None:
            tracker.advance(len(para_text))
        sentences: list[Sentence] = []
        for start, end, sentence_text in split:
            sentences.append(
                Sentence(
                    id=ids.sentence_id(section_id, n_sentences),
                    text=sentence_text,
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
