"""Finding headings and titles among the paragraphs of plain text.

A paragraph is taken for a heading when the text after it is body text and it is one of:

- a label such as "Summary:" or "Key points:" (at most four words ending in a colon);
- a question standing alone ("Why?", "Is there anything the US could give North Korea…?");
- a short line (at most 12 words) without final punctuation ("Trump Repealism Rolls Back…").
"""

from __future__ import annotations

import re

from briefgen.ingest.blocks import Block, BlockKind, check_reading_cancelled

_LABEL = re.compile(r"^(?P<label>[A-Z0-9][^.:!?]{0,40}?)\s*:$")
_FINAL = re.compile(r"[.,;:!…。．！，、؟،।॥]$|\.\.\.$")
_CLOSERS = "\"”’'»)]"


def _ends_sentence(text: str) -> bool:
    """Whether *text* ends like a sentence; a closing quote or bracket counts only with a stop inside it, so the
    headline "Call centre users 'lose patience'" does not, while 'He said: "No."' does."""
    return bool(_FINAL.search(text.rstrip(_CLOSERS)))


_URLISH = re.compile(r"https?://|www\.", re.IGNORECASE)
MAX_HEADING_WORDS = 12
MAX_QUESTION_WORDS = 25
MAX_TITLE_WORDS = 30
_QUESTION_MARKS = ("?", "？", "؟")


def _starts_like_heading(text: str) -> bool:
    """A capital, a digit, an opening quote, or a letter of a script without case (Hangul, Han, Arabic…)."""
    first = text[0]
    caseless = first.isalpha() and not first.islower() and not first.isupper()
    return first.isupper() or first.isdigit() or first in "“\"‘'「『«" or caseless


def heading_text(block: Block) -> str | None:
    """The heading *block* stands for ("Summary:" -> "Summary"), or None when it reads as body text."""
    text = block.text.strip()
    words = text.split()
    if not words or _URLISH.search(text) or not _starts_like_heading(text):
        return None
    label = _LABEL.match(text)
    if label and len(words) <= 4:
        return label.group("label").strip()
    if text.endswith(_QUESTION_MARKS):
        return text if len(words) <= MAX_QUESTION_WORDS and _single_sentence(text) else None
    if len(words) <= MAX_HEADING_WORDS and len(text) <= 100 and not _ends_sentence(text):
        return text
    return None


def is_body(block: Block) -> bool:
    return block.kind in (BlockKind.PARAGRAPH, BlockKind.BULLET, BlockKind.QUOTE)


def infer_headings(blocks: list[Block]) -> list[Block]:
    """Turn paragraphs that read as headings into heading blocks (explicit headings are kept as they are)."""
    out: list[Block] = []
    for i, block in enumerate(blocks):
        if i % 1024 == 0:
            check_reading_cancelled()
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if block.kind is BlockKind.PARAGRAPH and nxt is not None and is_body(nxt):
            text = heading_text(block)
            if text is not None and not (nxt.kind is BlockKind.PARAGRAPH and heading_text(nxt) is not None):
                out.append(Block(BlockKind.HEADING, text, level=2, explicit=False))
                continue
        out.append(block)
    return out


def is_title_like(block: Block) -> bool:
    """Whether *block* can be an article's title: a level-1 heading, or a short line not ending a sentence."""
    if block.kind is BlockKind.HEADING:
        return block.level <= 1 or not block.explicit
    if block.kind is not BlockKind.PARAGRAPH:
        return False
    text = block.text.strip()
    words = text.split()
    if not words or len(words) > MAX_TITLE_WORDS or len(text) > 250 or _URLISH.search(text):
        return False
    if text.endswith(_QUESTION_MARKS):
        return _single_sentence(text)
    return not _ends_sentence(text) and _starts_like_heading(text)


def _single_sentence(text: str) -> bool:
    return not re.search(r"[.!?]\s+[A-Z“\"]", text[:-1])


def same_text(a: str, b: str) -> bool:
    """Equal for a reader: case, spacing and quote styles ignored."""
    return _key(a) == _key(b)


def _key(text: str) -> str:
    text = text.casefold().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\W+", " ", text).strip()
