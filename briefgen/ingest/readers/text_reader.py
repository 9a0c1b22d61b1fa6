"""Plain text -> blocks: paragraphs (hard-wrapped lines joined), bullets, Markdown-style headings, rules.

Two layouts are common and handled:

- one paragraph per line (text copied from a web page or a word processor): every line is a block;
- hard-wrapped text (newswire, e-mail: lines of ~70 columns): lines are joined into paragraphs, which end at a
  blank line or at a line clearly shorter than the wrap width that ends a sentence.
"""

from __future__ import annotations

import re

from briefgen.ingest.blocks import Block, BlockKind, RawDocument, check_reading_cancelled
from briefgen.ingest.decode import clean_decoded

BULLET = re.compile(r"^\s*(?:[•‣◦▪▫●○■□➢►–—*+\-]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])\s+(?=\S)")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s*(?:(?:[-*_=~#]\s*){3,}|[-=~_*]{3,})\s*$")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]$")
_WRAP_MIN = 40
_WRAP_MAX = 110
_CHECK_EVERY_LINES = 4096
"""Lines between two checks whether the reading was cancelled."""


_UNICODE = frozenset({"utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "ascii"})


def read_text(data: bytes, path: str) -> RawDocument:
    decoded = clean_decoded(data, path)
    blocks = blocks_from_text(decoded.text)
    warnings = decoded.warnings
    if decoded.encoding not in _UNICODE:
        warnings = (f"read as {decoded.encoding} (not UTF-8)", *warnings)
    return RawDocument(format="text", blocks=tuple(blocks), warnings=warnings)


def blocks_from_text(text: str) -> list[Block]:
    """Blocks of an already normalised text."""
    lines = [line.rstrip() for line in text.split("\n")]
    width = _wrap_width(lines)
    blocks: list[Block] = []
    chunk: list[str] = []
    for n, line in enumerate(lines):
        if n % _CHECK_EVERY_LINES == _CHECK_EVERY_LINES - 1:
            check_reading_cancelled()
        if line.strip():
            chunk.append(line)
        elif chunk:
            blocks.extend(_chunk_blocks(chunk, width))
            chunk = []
    if chunk:
        blocks.extend(_chunk_blocks(chunk, width))
    return blocks


def _wrap_width(lines: list[str]) -> int | None:
    """The column the text is hard-wrapped at, or None when it is one paragraph per line."""
    lengths = sorted(len(x) for x in lines if x.strip())
    if len(lengths) < 6:
        return None
    p90 = lengths[int(len(lengths) * 0.9) - 1]
    if not _WRAP_MIN <= p90 <= _WRAP_MAX:
        return None
    near = sum(1 for n in lengths if p90 * 0.75 <= n <= p90 + 2)
    # most lines of a wrapped text sit just under the wrap column
    return p90 if near >= len(lengths) * 0.4 else None


def _chunk_blocks(chunk: list[str], width: int | None) -> list[Block]:
    blocks: list[Block] = []
    para: list[str] = []
    bullet: list[str] | None = None

    def flush() -> None:
        nonlocal para, bullet
        if para:
            blocks.append(Block(BlockKind.PARAGRAPH, _join(para)))
            para = []
        if bullet is not None:
            text = _join(bullet)
            if text:
                blocks.append(Block(BlockKind.BULLET, text))
            bullet = None

    for i, raw in enumerate(chunk):
        if i % _CHECK_EVERY_LINES == _CHECK_EVERY_LINES - 1:
            check_reading_cancelled()
        line = raw.strip()
        md = _MD_HEADING.match(raw)
        if md and md.group(2):
            flush()
            blocks.append(Block(BlockKind.HEADING, md.group(2), level=len(md.group(1)), explicit=True))
            continue
        if _RULE.match(line):
            if para and set(line) <= set("=-") and len(para) == 1 and i > 0:
                # Setext heading: "Title" underlined with === or ---
                level = 1 if line.startswith("=") else 2
                blocks.append(Block(BlockKind.HEADING, para[0].strip(), level=level, explicit=True))
                para = []
                continue
            flush()
            blocks.append(Block(BlockKind.RULE, ""))
            continue
        marker = BULLET.match(raw)
        if marker and _is_bullet_marker(marker.group(0), para, chunk, i):
            flush()
            bullet = [raw[marker.end() :]]
            continue
        if bullet is not None and (raw[:1].isspace() or width is not None):
            bullet.append(line)
            continue
        if bullet is not None:
            flush()
        if para and not _continues(para[-1], width):
            flush()
        para.append(line)
    flush()
    return blocks


def _is_bullet_marker(marker: str, para: list[str], chunk: list[str], i: int) -> bool:
    m = marker.strip()
    if m in {"-", "–", "—"} and para and not chunk[i][:1].isspace():
        # a dash at the start of a wrapped line may be a dash inside a sentence
        return False
    if m[:1].isalpha() or m[:2].lstrip("(")[:1].isalpha():
        # "a) ..." lists only when the next line also looks like a list item
        nxt = chunk[i + 1] if i + 1 < len(chunk) else ""
        prev = chunk[i - 1] if i > 0 else ""
        return bool(BULLET.match(nxt) or BULLET.match(prev))
    return True


def _continues(previous: str, width: int | None) -> bool:
    """Whether the line after *previous* continues the same paragraph."""
    if width is None:
        return False
    if previous.endswith("-"):
        return True
    short = len(previous) < width * 0.7
    return not (short and (_SENTENCE_END.search(previous) or len(previous.split()) <= 12))


def _join(lines: list[str]) -> str:
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("-") and out[-2:-1].isalpha() and line[:1].islower():
            out += line  # word broken at the wrap: "inter-\nnational" keeps its hyphen, loses the break
        else:
            out += " " + line
    return re.sub(r" {2,}", " ", out)
