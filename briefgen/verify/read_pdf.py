"""A PDF brief read back with pypdf: the embedded provenance file and the text drawn on the pages.

Text comes as the fragments the page draws, each with its font size and baseline. The brief's sentences are set
at the body size; page headers and footers, footnotes and superscript markers are smaller, so the text at or
above a size leaves them out (a sentence that runs over a page break reads on across the footer and header).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from briefgen.errors import InputError
from briefgen.provenance import ATTACHMENT_NAME
from briefgen.verify.reading import ReadBrief

SIZE_TOLERANCE = 0.03
"""Sizes within 3% count as the same (bold and italic runs, rounding)."""
_MAX_PAGES = 2000


@dataclass(frozen=True, slots=True)
class Fragment:
    page: int
    baseline: float
    size: float
    text: str


def read_pdf(data: bytes) -> ReadBrief:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > _MAX_PAGES:
            raise InputError(f"too many pages to be a brief ({len(reader.pages)})")
        provenance = _attachment(reader)
        fragments = list(_fragments(reader))
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many kinds of error on a damaged file
        raise InputError(f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    return ReadBrief("pdf", provenance, candidate_texts(fragments), body_blocks(fragments), spaced=False)


def _attachment(reader: Any) -> bytes | None:
    found = reader.attachments.get(ATTACHMENT_NAME)
    if not found:
        return None
    data = found[0]
    return bytes(data) if isinstance(data, (bytes, bytearray)) else None


def _fragments(reader: Any) -> Iterable[Fragment]:
    for index, page in enumerate(reader.pages):
        found: list[Fragment] = []

        def visit(text: str, cm: Sequence[float], tm: Sequence[float], _font: object, size: float,
                  out: list[Fragment] = found, page_index: int = index) -> None:  # fmt: skip
            if not text:
                return
            scale = abs(tm[3] * cm[3]) or 1.0
            out.append(Fragment(page_index, float(tm[5] * cm[3] + cm[5]), round(float(size) * scale, 2), text))

        page.extract_text(visitor_text=visit)
        yield from found


def join_fragments(fragments: Iterable[Fragment]) -> str:
    """The fragments' text in drawing order: a space where a new line starts, nothing within a line."""
    out: list[str] = []
    last: Fragment | None = None
    for f in fragments:
        if last is not None and (f.page != last.page or abs(f.baseline - last.baseline) > 0.5 * max(f.size, 1.0)):
            out.append(" ")
        out.append(f.text)
        last = f
    return re.sub(r"\s+", " ", "".join(out)).strip()


def candidate_texts(fragments: Sequence[Fragment]) -> tuple[str, ...]:
    """The text at or above each size the document uses, largest size first."""
    sizes = sorted({f.size for f in fragments if f.text.strip()}, reverse=True)
    texts: list[str] = []
    for size in sizes:
        text = join_fragments(f for f in fragments if f.size >= size * (1 - SIZE_TOLERANCE))
        if not texts or text != texts[-1]:
            texts.append(text)
    return tuple(texts)


def body_size(fragments: Sequence[Fragment]) -> float | None:
    """The size that carries the most characters: the size of the brief's sentences."""
    chars: Counter[float] = Counter()
    for f in fragments:
        chars[f.size] += len("".join(f.text.split()))
    return chars.most_common(1)[0][0] if chars else None


def body_blocks(fragments: Sequence[Fragment]) -> tuple[str, ...]:
    """Runs of text at the body size; a larger line (a heading) ends a run."""
    size = body_size(fragments)
    if size is None:
        return ()
    blocks: list[list[Fragment]] = [[]]
    for f in fragments:
        if abs(f.size - size) <= size * SIZE_TOLERANCE:
            blocks[-1].append(f)
        elif f.size > size and f.text.strip() and blocks[-1]:
            blocks.append([])
    return tuple(text for text in (join_fragments(b) for b in blocks) if text)
