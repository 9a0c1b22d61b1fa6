"""PDF text lines -> blocks: running headers, footers and page numbers removed, lines re-joined into paragraphs
(hyphenated line breaks repaired by :mod:`.pdf_line_join`), headings found from font size (or a whole line in
bold).

Works on :class:`Line` objects (text, position, font size, page) so that it can be tested without a PDF.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from briefgen.ingest.blocks import Block, BlockKind
from briefgen.ingest.readers.common import clean_text
from briefgen.ingest.readers.pdf_line_join import LineJoiner

EDGE_BAND = 0.1
"""Running headers and footers sit in the top or bottom tenth of the page."""
RUNNING_MIN_SHARE = 0.3
"""A line repeated (digits aside) on this share of the pages, in the edge bands, is a running header/footer."""
SMALL_PRINT_RATIO = 0.9
"""Edge-band lines in type this much smaller than the body, standing apart, are headers or footers."""
HEADING_SIZE_RATIO = 1.15
MAX_HEADING_CHARS = 200
MAX_HEADING_LINES = 3

_PAGE_NUMBER = re.compile(
    r"^(?:page|p\.|seite|pag\.?)?\s*[-–—(\[]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)\]]?"
    r"(?:\s*(?:of|/|de|von)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[•‣◦▪▫●○■□➢►–—\-*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+(?=\S)")
_MARKER = re.compile(r"^(?:[•‣◦▪▫●○■□➢►–—\-*])\s+")
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"”’')\]]*$")
# bullets drawn from symbol fonts come out as control or private-use characters
_ODD_BULLET = re.compile(r"^\s*[\x7f\x95\uf0a7\uf0a8\uf0b7\uf076\uf0d8\uf0fc]\s+")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


@dataclass(slots=True)
class Line:
    text: str
    x: float
    y: float
    """Baseline, in PDF units from the bottom of the page."""
    size: float
    bold: bool
    page: int
    page_bottom: float = 0.0
    page_top: float = 792.0


@dataclass(slots=True)
class _Group:
    lines: list[Line] = field(default_factory=list)
    kind: BlockKind = BlockKind.PARAGRAPH

    @property
    def size(self) -> float:
        return self.lines[0].size


def blocks_from_lines(lines: Sequence[Line], n_pages: int) -> list[Block]:
    """Blocks of a document given its text lines in reading order."""
    lines = [ln for ln in (_tidy(ln) for ln in lines) if ln.text]
    lines = remove_running_lines(lines, n_pages)
    if not lines:
        return []
    body_size = _body_size(lines)
    joiner = LineJoiner([ln.text for ln in lines])
    groups = _join_pages(_group_lines(lines, body_size))
    return _to_blocks(groups, body_size, joiner)


def _tidy(line: Line) -> Line:
    text = _ODD_BULLET.sub("• ", line.text)
    if not text.isascii():  # (the ligatures are not)
        text = text.translate(_LIGATURES)
    line.text = " ".join(text.split())
    return line


def remove_running_lines(lines: list[Line], n_pages: int) -> list[Line]:
    """Drop, near the top or bottom of a page: page numbers, lines repeated (digits aside) on many pages, and
    lines in type smaller than the body's standing apart from the rest (a header on a one-page document)."""
    if not lines:
        return lines
    by_page: dict[int, list[Line]] = {}
    for ln in lines:
        by_page.setdefault(ln.page, []).append(ln)
    heights = {page: sorted(ln.y for ln in page_lines) for page, page_lines in by_page.items()}
    counts: Counter[str] = Counter()
    for page_lines in by_page.values():
        counts.update({_running_key(ln) for ln in page_lines if _in_edge_band(ln)})
    needed = max(2, math.ceil(RUNNING_MIN_SHARE * n_pages))
    body_size = _body_size(lines)
    return [
        ln
        for ln in lines
        if not (
            _in_edge_band(ln)
            and (
                _PAGE_NUMBER.match(ln.text)
                or counts[_running_key(ln)] >= needed
                or (ln.size < SMALL_PRINT_RATIO * body_size and _stands_apart(ln, heights[ln.page], body_size))
            )
        )
    ]


def _stands_apart(line: Line, page_heights: list[float], body_size: float) -> bool:
    """Whether no other line of the page (baselines *page_heights*, sorted) is within 2.5 body lines."""
    gap = 2.5 * max(line.size, body_size)
    near = bisect.bisect_right(page_heights, line.y + gap) - bisect.bisect_left(page_heights, line.y - gap)
    return near <= 1  # only the line itself


def _in_edge_band(line: Line) -> bool:
    height = max(1.0, line.page_top - line.page_bottom)
    return line.y > line.page_top - EDGE_BAND * height or line.y < line.page_bottom + EDGE_BAND * height


def _running_key(line: Line) -> str:
    return re.sub(r"\d+", "#", line.text.casefold())


def _body_size(lines: Iterable[Line]) -> float:
    weights: Counter[float] = Counter()
    for ln in lines:
        weights[round(ln.size * 2) / 2] += len(ln.text)
    return weights.most_common(1)[0][0]


def _group_lines(lines: Sequence[Line], body_size: float) -> list[_Group]:
    """Consecutive lines of one paragraph (same page, font size and weight, ordinary spacing) form a group."""
    spacing = _line_spacing(lines)
    typical_chars = statistics.median([len(ln.text) for ln in lines if abs(ln.size - body_size) < 0.6] or [60])
    margin: dict[int, float] = {}
    for ln in lines:
        margin[ln.page] = min(ln.x, margin.get(ln.page, ln.x))
    groups: list[_Group] = []
    prev: Line | None = None
    for ln in lines:
        is_bullet = bool(_BULLET.match(ln.text))
        if prev is None or _starts_block(prev, ln, spacing, typical_chars, margin[ln.page]) or is_bullet:
            groups.append(_Group([ln], BlockKind.BULLET if is_bullet else BlockKind.PARAGRAPH))
        else:
            groups[-1].lines.append(ln)
        prev = ln
    return groups


def _line_spacing(lines: Sequence[Line]) -> dict[float, float]:
    """Typical distance between consecutive lines of each font size."""
    gaps: dict[float, list[float]] = {}
    for a, b in itertools.pairwise(lines):
        if a.page == b.page and abs(a.size - b.size) < 0.3 and 0.8 * a.size <= a.y - b.y < 3 * a.size:
            gaps.setdefault(round(a.size, 1), []).append(a.y - b.y)
    # paragraph gaps are never narrower than line gaps: the lower quartile is the line spacing
    return {size: sorted(values)[len(values) // 4] for size, values in gaps.items()}


def _starts_block(prev: Line, ln: Line, spacing: dict[float, float], typical_chars: float, margin: float) -> bool:
    if ln.page != prev.page:
        return True
    if abs(ln.size - prev.size) >= 0.3 or ln.bold != prev.bold:
        return True
    gap = prev.y - ln.y
    usual = spacing.get(round(ln.size, 1), ln.size * 1.2)
    if gap <= 0 or gap > usual * 1.3 + 0.5:
        return True
    indented = ln.x > margin + ln.size and prev.x <= margin + 1
    short_end = len(prev.text) < 0.6 * typical_chars and bool(_ENDS_SENTENCE.search(prev.text))
    return indented or short_end


def _join_pages(groups: list[_Group]) -> list[_Group]:
    """A paragraph cut by a page break continues on the next page: the first page's part does not end a
    sentence, or the next part starts in lower case."""
    out: list[_Group] = []
    for group in groups:
        if out and _continues(out[-1], group):
            out[-1].lines.extend(group.lines)
        else:
            out.append(group)
    return out


def _continues(before: _Group, after: _Group) -> bool:
    last, first = before.lines[-1], after.lines[0]
    if last.page == first.page or after.kind is BlockKind.BULLET or abs(last.size - first.size) >= 0.3:
        return False
    return not _ENDS_SENTENCE.search(last.text) or first.text[:1].islower()


def _to_blocks(groups: list[_Group], body_size: float, joiner: LineJoiner) -> list[Block]:
    titles = _title_groups(groups, body_size)
    heading_sizes = sorted(
        {
            round(g.size, 1)
            for i, g in enumerate(groups)
            if i not in titles and _is_heading(g, body_size) and g.size > body_size
        },
        reverse=True,
    )
    blocks: list[Block] = []
    for i, group in enumerate(groups):
        text = clean_text(joiner.join([ln.text for ln in group.lines]))
        if not text:
            continue
        if i in titles:
            blocks.append(Block(BlockKind.HEADING, text, level=1, explicit=True))
        elif _is_heading(group, body_size):
            size = round(group.size, 1)
            level = heading_sizes.index(size) + 2 if size in heading_sizes else len(heading_sizes) + 2
            blocks.append(Block(BlockKind.HEADING, text, level=level, explicit=True))
        elif group.kind is BlockKind.BULLET:
            blocks.append(Block(BlockKind.BULLET, _MARKER.sub("", text), explicit=True))
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, text))
    return blocks


def _is_heading(group: _Group, body_size: float) -> bool:
    text = " ".join(ln.text for ln in group.lines)
    if len(group.lines) > MAX_HEADING_LINES or len(text) > MAX_HEADING_CHARS or group.kind is BlockKind.BULLET:
        return False
    if group.size >= body_size * HEADING_SIZE_RATIO and group.size >= body_size + 1:
        return True
    return all(ln.bold for ln in group.lines) and len(group.lines) <= 2 and not text.endswith((".", ",", ";"))


def _title_groups(groups: list[_Group], body_size: float) -> set[int]:
    """Indices of the groups that are titles (level 1): headings of the largest heading size, when the document
    opens with one and that size is either used once or stands above smaller headings (a digest of articles)."""
    headings = [i for i, g in enumerate(groups) if _is_heading(g, body_size) and g.size > body_size]
    if not headings or headings[0] != 0:
        return set()
    largest = max(groups[i].size for i in headings)
    top = [i for i in headings if abs(groups[i].size - largest) < 0.3]
    if top[0] != 0:
        return set()
    smaller = any(groups[i].size < largest - 0.3 for i in headings)
    return set(top) if len(top) == 1 or smaller else set()
