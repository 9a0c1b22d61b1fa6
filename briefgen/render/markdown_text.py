"""Escaping source text for Markdown so it shows literally: no accidental emphasis, HTML, links or math.

Also the emphasis every renderer shares: :func:`emphasis_runs` cuts a sentence at its emphasised spans, and
:func:`md_emphasised` shows those spans as ``**strong**`` while the text's own Markdown characters stay escaped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from briefgen.render.common import clean, split_urls

_SPACE = re.compile(r"[ \t\r\n\f\v\u2028\u2029]+")
_INLINE = re.compile(r"([\\`*_\[\]<$|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.MULTILINE)


def md_escape(text: str) -> str:
    """*text* escaped so CommonMark/GFM shows exactly these characters."""
    return _escape_line_start(_escape_inline(text))


def _escape_inline(text: str) -> str:
    text = _SPACE.sub(" ", clean(text))  # one line: no accidental headings, lists or code blocks
    text = _INLINE.sub(r"\\\1", text)
    return _ENTITY.sub(r"\\&", text)


def _escape_line_start(text: str) -> str:
    return _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text)


def emphasis_runs(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[str, bool]]:
    """*text* cut into ``(run, emphasised)`` pieces at *spans* (character offsets into *text*).

    Spans are clipped to the text, sorted and merged where they overlap or touch; empty ones are ignored. The runs
    join back into *text* exactly.
    """
    merged: list[list[int]] = []
    for start, end in sorted((max(0, a), min(len(text), b)) for a, b in spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    runs: list[tuple[str, bool]] = []
    pos = 0
    for start, end in merged:
        if start > pos:
            runs.append((text[pos:start], False))
        runs.append((text[start:end], True))
        pos = end
    if pos < len(text) or not runs:
        runs.append((text[pos:], False))
    return runs


def md_emphasised(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Escaped *text* with the *spans* as ``**strong**``.

    A span is left plain where CommonMark would not read the asterisks as emphasis (say, a span that starts with
    a space, or a "$" glued to a word before it), so no stray asterisks ever show.
    """
    runs = emphasis_runs(text, spans)
    if not any(bold for _, bold in runs):
        return md_escape(text)
    pieces = [(_escape_inline(run), bold) for run, bold in runs]
    out: list[str] = []
    for k, (piece, bold) in enumerate(pieces):
        before = out[-1][-1:] if out else ""
        after = pieces[k + 1][0][:1] if k + 1 < len(pieces) else ""
        if bold and piece and _opens(before, piece[0]) and _closes(piece[-1], after):
            piece = f"**{piece}**"
        out.append(piece)
    return _escape_line_start("".join(out))


def _punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _opens(before: str, first: str) -> bool:
    """A left-flanking ``**`` between *before* and *first* ("" is the start of the line)."""
    if first.isspace():
        return False
    return not _punctuation(first) or not before or before.isspace() or _punctuation(before)


def _closes(last: str, after: str) -> bool:
    """A right-flanking ``**`` between *last* and *after* ("" is the end of the line)."""
    if last.isspace():
        return False
    return not _punctuation(last) or not after or after.isspace() or _punctuation(after)


def _escape_marker(marker: str) -> str:
    if marker[0].isdigit():
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def md_with_links(text: str) -> str:
    """Escaped *text* whose http/https/mailto URLs become autolinks."""
    out: list[str] = []
    for run, url in split_urls(clean(text)):
        if url is None:
            out.append(md_escape(run))
        else:
            out.append(f"<{url.replace('<', '%3C').replace('>', '%3E')}>")
    return "".join(out)
