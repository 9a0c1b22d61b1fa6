"""Markdown -> blocks, parsed with markdown-it-py (CommonMark): headings, paragraphs, list items, quotes.

Inline markup is reduced to its text: ``**bold**`` -> bold, ``[text](url)`` -> text, images are dropped (their alt
text is a caption, not prose), code spans keep their content. Raw HTML tags are dropped, and the bodies of
``<script>`` and ``<style>`` elements never become text, even when they run over several paragraphs (an element
left open runs to the end of the file, as in a browser); the reader's warnings say how many were left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefgen.ingest.blocks import Block, BlockKind, RawDocument
from briefgen.ingest.decode import clean_decoded
from briefgen.ingest.readers.common import left_out

_MAX_NESTING = 20
_RAW_OPEN = re.compile(r"<(script|style)(?=[\s/>])[^>]*>", re.IGNORECASE)
_RAW_CLOSE = re.compile(r"</(script|style)\s*>", re.IGNORECASE)


@dataclass(slots=True)
class _RawElements:
    """Whether the parse is inside a ``<script>``/``<style>`` element, and how many such elements were seen."""

    inside: str | None = None
    count: int = 0

    def tag(self, html: str) -> None:
        if self.inside is None:
            opened = _RAW_OPEN.match(html)
            if opened and not html.rstrip().endswith("/>"):
                self.inside = opened.group(1).lower()
                self.count += 1
        else:
            closed = _RAW_CLOSE.match(html)
            if closed and closed.group(1).lower() == self.inside:
                self.inside = None


def read_markdown(data: bytes, path: str) -> RawDocument:
    decoded = clean_decoded(data, path)
    raw = _RawElements()
    blocks = tuple(_blocks(decoded.text, raw))
    dropped = left_out(raw.count, "script or style element", "script or style elements")
    warnings = decoded.warnings + ((dropped,) if dropped else ())
    return RawDocument(format="markdown", blocks=blocks, warnings=warnings)


def blocks_from_markdown(text: str) -> list[Block]:
    return _blocks(text, _RawElements())


def _blocks(text: str, raw: _RawElements) -> list[Block]:
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
            if raw.inside is None:
                blocks.append(Block(BlockKind.RULE, ""))
        elif token.type in ("code_block", "fence"):
            continue
        elif token.type == "inline":
            content = _inline_text(token.children or [], raw)
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


def _inline_text(children: list[Token], raw: _RawElements) -> str:
    parts: list[str] = []
    for child in children:
        if child.type == "html_inline":
            raw.tag(child.content)
        elif raw.inside is not None or child.type == "image":
            continue
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())
