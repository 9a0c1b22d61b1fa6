"""Markdown -> blocks, parsed with markdown-it-py (CommonMark): headings, paragraphs, list items, quotes.

Inline markup is reduced to its text: ``**bold**`` -> bold, ``[text](url)`` -> text, images are dropped (their alt
text is a caption, not prose), code spans keep their content.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefgen.ingest.blocks import Block, BlockKind, RawDocument
from briefgen.ingest.decode import decode_bytes, normalise_text

_MAX_NESTING = 20


def read_markdown(data: bytes, path: str) -> RawDocument:
    text, _ = decode_bytes(data, path)
    return RawDocument(format="markdown", blocks=tuple(blocks_from_markdown(normalise_text(text))))


def blocks_from_markdown(text: str) -> list[Block]:
    md = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).disable("html_block")
    tokens = md.parse(text)
    blocks: list[Block] = []
    list_depth = 0
    quote_depth = 0
    heading_level = 0
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif token.type == "blockquote_open":
            quote_depth += 1
        elif token.type == "blockquote_close":
            quote_depth -= 1
        elif token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "hr":
            blocks.append(Block(BlockKind.RULE, ""))
        elif token.type in ("code_block", "fence"):
            continue
        elif token.type == "inline":
            content = _inline_text(token.children or [])
            if not content:
                continue
            if heading_level:
                blocks.append(Block(BlockKind.HEADING, content, level=heading_level, explicit=True))
            elif list_depth:
                blocks.append(Block(BlockKind.BULLET, content))
            elif quote_depth:
                blocks.append(Block(BlockKind.QUOTE, content))
            else:
                blocks.append(Block(BlockKind.PARAGRAPH, content))
    return blocks


def _inline_text(children: list[Token]) -> str:
    parts: list[str] = []
    skip_image = 0
    for child in children:
        if child.type == "image":
            continue
        if child.type in ("text", "code_inline"):
            if not skip_image:
                parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())
