"""Cleaning a reader's blocks and cutting them into articles.

Order of work: metadata lines are lifted out (they describe an article), boilerplate is dropped, then the blocks
are cut into articles. A new article starts where a title-like line follows an article's end: a source or
"originally published" line, a comment form, or a separator, after at least some body text. Each article's
title is its first line when that line is title-like; repeats of the title anywhere in the article are removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefgen.ingest.blocks import Block, BlockKind, check_reading_cancelled
from briefgen.ingest.boilerplate import Boilerplate, classify_boilerplate
from briefgen.ingest.headings import infer_headings, is_title_like, same_text
from briefgen.ingest.metadata_lines import parse_metadata_line
from briefgen.model import Metadata

MIN_ARTICLE_WORDS = 40
"""Body words an article needs before an end marker may close it."""
_CHECK_EVERY = 1024
"""Blocks between two checks of the cancel token."""


@dataclass
class ArticleDraft:
    blocks: list[Block] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    title: str | None = None
    body_words: int = 0

    def add_metadata(self, found: Metadata) -> None:
        self.metadata = self.metadata.merged(found)


def split_articles(blocks: list[Block], *, infer: bool = True) -> list[ArticleDraft]:
    """Cleaned articles of a document, in order; articles without body text are dropped."""
    drafts: list[ArticleDraft] = []
    current = ArticleDraft()
    closing = False  # an end marker was seen after body text
    in_comments = False
    h1_count = sum(1 for b in blocks if b.kind is BlockKind.HEADING and b.explicit and b.level == 1)
    for i, block in enumerate(blocks):
        if i % _CHECK_EVERY == 0:
            check_reading_cancelled()
        if block.kind is BlockKind.RULE:
            closing = closing or current.body_words >= MIN_ARTICLE_WORDS
            continue
        if block.kind is not BlockKind.HEADING or not block.explicit:
            meta = parse_metadata_line(block.text)
            if meta is not None:
                if meta.ends_article or not closing:
                    current.add_metadata(meta.metadata)
                    closing = closing or (meta.ends_article and current.body_words >= MIN_ARTICLE_WORDS)
                else:
                    # a byline or date after an article's end opens the next article (closing implies body text)
                    drafts.append(current)
                    current = ArticleDraft(metadata=meta.metadata)
                    closing = False
                continue
            kind = classify_boilerplate(block.text)
            if kind is Boilerplate.COMMENTS:
                in_comments = True
                closing = closing or current.body_words >= MIN_ARTICLE_WORDS
                continue
            if kind is not None:
                continue
        starts_new = (closing and is_title_like(block) and _body_follows(blocks, i)) or (
            h1_count > 1
            and block.kind is BlockKind.HEADING
            and block.explicit
            and block.level == 1
            and current.body_words > 0
        )
        if starts_new:
            drafts.append(current)
            current = ArticleDraft()
            in_comments = False
        elif in_comments:
            continue
        closing = False
        current.blocks.append(block)
        if block.kind is not BlockKind.HEADING:
            current.body_words += len(block.text.split())
    drafts.append(current)
    return [_finish(d, infer) for d in drafts if d.body_words > 0]


def _body_follows(blocks: list[Block], i: int) -> bool:
    """Whether real body text (a paragraph of 15+ words) comes soon after block *i*."""
    for block in blocks[i + 1 : i + 6]:
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.BULLET, BlockKind.QUOTE) and len(block.text.split()) >= 15:
            return True
    return False


def _finish(draft: ArticleDraft, infer: bool) -> ArticleDraft:
    check_reading_cancelled()
    blocks = draft.blocks
    if blocks and is_title_like(blocks[0]) and _has_body_after_title(blocks):
        title = draft.title = blocks[0].text.strip()
        limit = len(title) * 2 + 8
        kept: list[Block] = []
        for i, b in enumerate(blocks[1:]):
            if i % _CHECK_EVERY == _CHECK_EVERY - 1:
                check_reading_cancelled()
            if len(b.text) > limit or not same_text(b.text, title):
                kept.append(b)
        blocks = kept
    blocks = _collapse_repeats(blocks)
    draft.blocks = infer_headings(blocks) if infer else blocks
    return draft


def _has_body_after_title(blocks: list[Block]) -> bool:
    return any(b.kind is not BlockKind.HEADING for b in blocks[1:])


def _collapse_repeats(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for i, block in enumerate(blocks):
        if i % _CHECK_EVERY == _CHECK_EVERY - 1:
            check_reading_cancelled()
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind is block.kind
            and abs(len(prev.text) - len(block.text)) <= 8
            and same_text(prev.text, block.text)
        ):
            continue
        out.append(block)
    return out
