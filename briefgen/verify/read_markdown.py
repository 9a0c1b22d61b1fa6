"""A Markdown brief read back: the provenance comment at its end and the text a Markdown viewer shows."""

from __future__ import annotations

import base64
import binascii
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefgen.errors import InputError
from briefgen.provenance import MARKDOWN_MARK
from briefgen.verify.reading import ReadBrief

_COMMENT = re.compile(r"<!--[ \t]*" + re.escape(MARKDOWN_MARK) + r"\s+([A-Za-z0-9+/=\s]*?)\s*-->")
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]]+\]:")
_MAX_NESTING = 40


def read_markdown(data: bytes) -> ReadBrief:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text: not a Markdown brief") from None
    blocks = visible_blocks(text)
    texts = "\n".join(t for t, _ in blocks)
    return ReadBrief("md", _provenance(text), (texts,), tuple(t for t, body in blocks if body and t.strip()))


def _provenance(text: str) -> bytes | None:
    found = _COMMENT.findall(text)
    if not found:
        return None
    try:
        return base64.b64decode("".join(found[-1].split()), validate=True)
    except (binascii.Error, ValueError):
        return b""  # damaged: reported as unreadable provenance


def visible_blocks(text: str) -> list[tuple[str, bool]]:
    """(text, carries sentences) of each block a CommonMark viewer shows, in order: headings, paragraphs, list
    items, quotations, table cells. HTML (comments included) is not shown. Sentences are in paragraphs that are
    not headings, not entries of a numbered list (the source list), not footnote definitions and not wholly
    emphasised (the subtitle, marking and page lines)."""
    md = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable("table")  # GFM tables: one block a cell
    blocks: list[tuple[str, bool]] = []
    stack: list[str] = []
    for token in md.parse(text):
        if token.nesting == 1:
            stack.append(token.type)
        elif token.nesting == -1 and stack:
            stack.pop()
        elif token.type == "inline":
            shown = _inline_text(token.children or [])
            body = (
                "heading_open" not in stack
                and "ordered_list_open" not in stack
                and not _FOOTNOTE_DEFINITION.match(shown)
                and not _wholly_emphasised(token.children or [])
            )
            blocks.append((shown, body))
        elif token.type in ("code_block", "fence"):
            blocks.append((token.content, False))
    return blocks


def _inline_text(children: list[Token]) -> str:
    out: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type == "image":
            out.append(_inline_text(child.children or []))
    return "".join(out)


def _wholly_emphasised(children: list[Token]) -> bool:
    """Whether every shown character of the inline content is emphasised (``*subtitle*``, ``**MARKING**``)."""
    depth = 0
    shown = False
    for child in children:
        if child.type in ("em_open", "strong_open"):
            depth += 1
        elif child.type in ("em_close", "strong_close"):
            depth -= 1
        elif child.type in ("text", "code_inline") and child.content.strip():
            if depth <= 0:
                return False
            shown = True
    return shown
