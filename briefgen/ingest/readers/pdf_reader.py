"""PDF files -> blocks, with pypdf: text with its position and font size from pypdf's text visitor, then
:mod:`.pdf_layout` for headers, footers, paragraphs, hyphens and headings.

Bounded: at most :data:`MAX_PAGES` pages (a longer file is refused as soon as it is opened, before any text is
read), :data:`MAX_SECONDS` of extraction (checked between pages) and :data:`MAX_TEXT_CHARS` characters; pypdf
itself caps every decompressed stream. Encrypted files are refused
unless they open with the empty password (files that only restrict printing or copying). Title and author come
from the first page's title (its largest heading) or the document information; the information's dates are
not used (they record when the file was made).
"""

from __future__ import annotations

import logging
import math
from io import BytesIO
from time import monotonic
from typing import Any

from briefgen.errors import InputError
from briefgen.forking import ForkedCall
from briefgen.ingest.blocks import BlockKind, RawDocument, check_reading_cancelled
from briefgen.ingest.readers.common import (
    clean_meta,
    clean_title,
    should_infer_headings,
    summarise_exception,
    translate_errors,
)
from briefgen.ingest.readers.pdf_content import prepared_contents
from briefgen.ingest.readers.pdf_layout import Line, blocks_from_lines
from briefgen.model import Metadata

MAX_PAGES = 1_000
"""pypdf extracts text at roughly 20-50 pages a second on one core, so 1,000 pages (a long book; a 5 MB report
is a few hundred) read in well under a minute; a longer file is refused at once rather than read for minutes."""
MAX_SECONDS = 120.0
FORK_FROM_PAGES = 60
"""From this many pages a forked child may read half of them (a process start costs about as much as reading
ten pages)."""
MAX_TEXT_CHARS = 20_000_000
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")

# pypdf reports what it repairs through logging; without a handler Python would print it on stderr
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def read_pdf(data: bytes, path: str) -> RawDocument:
    if not data.strip():
        raise InputError("file is empty", path)
    if b"%PDF-" not in data[:1024]:
        raise InputError("is not a PDF file (it does not start with %PDF-)", path)
    with translate_errors(path, "the PDF is damaged or incomplete"):
        reader = _open(data, path)
        n_pages = _page_count(reader, path)
        lines, problems = _read_lines(reader, n_pages, path)
        info = _info(reader)
    if not lines:
        if problems:
            raise InputError(f"the PDF is damaged or incomplete ({problems[0]})", path)
        raise InputError("the PDF has no text layer (a scanned image?); briefgen reads text, not pictures", path)
    blocks = blocks_from_lines(lines, n_pages)
    if not any(b.kind is not BlockKind.HEADING for b in blocks):
        raise InputError("the PDF has no readable body text", path)
    visible_title = next((b.text for b in blocks if b.kind is BlockKind.HEADING and b.level == 1), None)
    metadata = Metadata(
        title=visible_title or clean_title(info.get("/Title")),
        author=clean_meta(info.get("/Author")),
    )
    return RawDocument(
        format="pdf",
        blocks=tuple(blocks),
        metadata=metadata,
        infer_headings=should_infer_headings(blocks),
        warnings=tuple(problems),
    )


def _open(data: bytes, path: str) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    reader = PdfReader(BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            opened = bool(reader.decrypt(""))
        except (DependencyError, NotImplementedError, PdfReadError, KeyError, ValueError):
            opened = False
        if not opened:
            raise InputError(
                "the PDF is encrypted (password-protected); open it in a PDF viewer, save an unprotected copy "
                "and add that",
                path,
            )
    return reader


def _page_count(reader: Any, path: str) -> int:
    n = len(reader.pages)
    if n == 0:
        raise InputError("the PDF has no pages", path)
    if n > MAX_PAGES:
        raise InputError(
            f"the PDF has {n:,} pages; briefgen reads at most {MAX_PAGES:,} pages of a PDF (split it into parts, "
            "or add only the chapters you need)",
            path,
        )
    return n


def _read_lines(reader: Any, n_pages: int, path: str) -> tuple[list[Line], list[str]]:
    """Every page's lines and the problems of pages that could not be read. A long document is read on two cores
    when forking pays (:func:`briefgen.forking.may_fork`): a forked child reads the second half of the pages while
    this process reads the first; a child that fails or dies makes this process read its half too."""
    deadline = monotonic() + MAX_SECONDS
    half = n_pages // 2
    child = None
    if n_pages >= FORK_FROM_PAGES:
        child = ForkedCall.start(lambda: _packed(_read_pages(reader, half, n_pages, path, deadline)))
    if child is None:
        lines, problems, chars = _read_pages(reader, 0, n_pages, path, deadline)
    else:
        try:
            lines, problems, chars = _read_pages(reader, 0, half, path, deadline)
        except BaseException:
            child.stop()
            raise
        more_lines, more_problems, more_chars = _unpacked(child.result())
        lines += more_lines
        problems += more_problems
        chars += more_chars
    if chars > MAX_TEXT_CHARS:
        raise InputError(f"the PDF holds more than {MAX_TEXT_CHARS:,} characters of text", path)
    return lines, problems


_Pages = tuple[list[Line], list[str], int]
"""Lines, problems and the number of characters of a range of pages."""


def _read_pages(reader: Any, first: int, end: int, path: str, deadline: float) -> _Pages:
    """Pages ``first`` to ``end - 1`` (counting from 0)."""
    n_pages = len(reader.pages)
    lines: list[Line] = []
    problems: list[str] = []
    chars = 0
    for index in range(first, end):
        check_reading_cancelled()
        try:
            if monotonic() > deadline:
                raise _TimeUpError
            page_lines = _page_lines(reader.pages[index], index + 1, deadline)
        except _TimeUpError:
            raise InputError(
                f"reading the PDF took more than {MAX_SECONDS:.0f} seconds (stopped at page {index + 1} of "
                f"{n_pages}); it may be damaged",
                path,
            ) from None
        except InputError:
            raise
        except Exception as exc:  # one bad page should not lose the others
            problems.append(f"page {index + 1} could not be read ({summarise_exception(exc)})")
            continue
        chars += sum(len(ln.text) for ln in page_lines)
        if chars > MAX_TEXT_CHARS:
            raise InputError(f"the PDF holds more than {MAX_TEXT_CHARS:,} characters of text", path)
        lines.extend(page_lines)
    return lines, problems, chars


def _packed(pages: _Pages) -> tuple[list[tuple[Any, ...]], list[str], int]:
    """A child's result in plain tuples: quicker to send back than the objects."""
    lines, problems, chars = pages
    return [_line_row(ln) for ln in lines], problems, chars


def _unpacked(packed: tuple[list[tuple[Any, ...]], list[str], int]) -> _Pages:
    rows, problems, chars = packed
    return [Line(*row) for row in rows], problems, chars


def _line_row(line: Line) -> tuple[Any, ...]:
    return (line.text, line.x, line.y, line.size, line.bold, line.page, line.page_bottom, line.page_top)


class _TimeUpError(Exception):
    """Raised from inside pypdf's extraction when the time allowed is up."""


def _page_lines(page: Any, number: int, deadline: float) -> list[Line]:
    box = page.mediabox
    bottom, top = float(box.bottom), float(box.top)
    lines: list[Line] = []
    current: list[tuple[str, float, bool]] = []  # (text, size, bold) pieces of the line being built
    state: dict[str, Any] = {"x": 0.0, "y": 0.0, "open": False}

    def flush() -> None:
        text = "".join(t for t, _, _ in current)
        if text.strip():
            weights: dict[float, int] = {}
            bold_chars = 0
            for piece, size, bold in current:
                weights[size] = weights.get(size, 0) + len(piece.strip())
                bold_chars += len(piece.strip()) if bold else 0
            size = max(weights, key=lambda s: weights[s])
            total = sum(weights.values()) or 1
            lines.append(Line(text, state["x"], state["y"], size, bold_chars * 2 > total, number, bottom, top))
        current.clear()
        state["open"] = False

    def visit(text: str, cm: list[float], tm: list[float], font: Any, font_size: float) -> None:
        if not text:
            return
        a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
        c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
        if abs(b) > abs(a) or abs(c) > abs(d) or a <= 0 or d <= 0:
            return  # rotated or mirrored text: margin notes, watermarks
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = round(float(font_size) * math.sqrt(abs(a * d - b * c)), 1)
        name = str(font.get("/BaseFont", "")) if font is not None and hasattr(font, "get") else ""
        bold = any(word in name.lower() for word in _BOLD_NAMES)
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if i > 0:
                flush()
                y -= size * 1.2
            if not piece:
                continue
            if state["open"] and abs(y - state["y"]) > max(1.0, size * 0.5):
                flush()
            if not state["open"]:
                state.update(x=x, y=y, open=True)
            current.append((piece, size, bold))

    operations = 0

    def check_time(*_args: Any) -> None:
        nonlocal operations
        operations += 1
        if operations % 512 == 0 and monotonic() > deadline:
            raise _TimeUpError

    # upright text only (orientation 0): the visitor drops rotated and mirrored text anyway, and pypdf skips the
    # other orientations more cheaply itself
    with prepared_contents(page):  # the content stream parsed by a regular expression, not a byte at a time
        page.extract_text(orientations=(0,), visitor_text=visit, visitor_operand_before=check_time)
    flush()
    return lines


def _info(reader: Any) -> dict[str, Any]:
    try:
        info = reader.metadata
    except Exception:  # a damaged information dictionary is not worth refusing the file for
        return {}
    return dict(info) if info else {}
