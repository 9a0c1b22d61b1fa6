"""Reading a produced PDF back with pypdf: page texts without page furniture, links, outline, notes."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader

from tests.render.conftest import FOOTER, HEADER


@dataclass
class ReadPdf:
    reader: PdfReader
    pages: list[str]
    """Each page's text without the header and footer lines."""

    @property
    def body(self) -> str:
        return "\n".join(self.pages)


def read_pdf(data: bytes, marking: str | None = None) -> ReadPdf:
    reader = PdfReader(io.BytesIO(data))
    furniture = {HEADER, FOOTER} | ({marking} if marking else set())
    pages = []
    for page in reader.pages:
        lines = [
            line
            for line in page.extract_text().splitlines()
            if line.strip() not in furniture and not re.fullmatch(r"Page \d+ of \d+", line.strip())
        ]
        pages.append("\n".join(lines))
    return ReadPdf(reader, pages)


def entry_lines(reader: PdfReader, left: float = 22 * 72 / 25.4) -> dict[tuple[int, float], int]:
    """(page index, baseline y) of each numbered source entry -> its number ("12." is drawn at the margin)."""
    found: dict[tuple[int, float], int] = {}
    for index, page in enumerate(reader.pages):

        def visit(text: str, cm: list[float], tm: list[float], _fd: object, _fs: object, i: int = index) -> None:
            match = re.fullmatch(r"(\d+)\.", text.strip())
            if match and abs(tm[4] * cm[0] + cm[4] - left) < 1.5:
                found[(i, tm[5] * cm[3] + cm[5])] = int(match.group(1))

        page.extract_text(visitor_text=visit)
    return found


def entry_at(entries: dict[tuple[int, float], int], page: int, y: float) -> int | None:
    """The entry whose first line starts just below a link target at (*page*, *y*)."""
    below = [(ey, n) for (p, ey), n in entries.items() if p == page and ey < y + 0.5]
    return max(below)[1] if below else None


def internal_links(reader: PdfReader) -> list[tuple[int, float, float, int, float]]:
    """Internal links in reading order: (page, top y, x, target page, target y)."""
    page_index = {}
    for i, page in enumerate(reader.pages):
        assert page.indirect_reference is not None
        page_index[page.indirect_reference.idnum] = i
    out = []
    for i, page in enumerate(reader.pages):
        for annot in page.get("/Annots", []) or []:
            a = annot.get_object()
            dest = a.get("/Dest")
            if dest is None:
                continue
            rect = [float(v) for v in a["/Rect"]]
            out.append((i, -round(rect[3], 1), rect[0], page_index[dest[0].idnum], float(dest[3])))
    out.sort()
    return [(p, -y, x, tp, ty) for p, y, x, tp, ty in out]


def uris(reader: PdfReader) -> list[str]:
    found = []
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            if action is not None and action.get("/S") == "/URI":
                found.append(str(action["/URI"]))
    return found


def notes_by_page(reader: PdfReader, left: float = 22 * 72 / 25.4, max_size: float = 8.5) -> list[list[int]]:
    """The footnote numbers set at the foot of each page (small "N." at the margin)."""
    pages: list[list[int]] = []
    for page in reader.pages:
        found: list[int] = []

        def visit(
            text: str, cm: list[float], tm: list[float], _fd: object, size: float, out: list[int] = found
        ) -> None:
            match = re.fullmatch(r"(\d+)\.", text.strip())
            if match and abs(tm[4] * cm[0] + cm[4] - left) < 1.5 and size < max_size:
                out.append(int(match.group(1)))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def body_text_by_size(reader: PdfReader, min_size: float = 8.5) -> str:
    """The text drawn at *min_size* points or more, in drawing order, without spaces between fragments: the
    body without footnotes, superscripts, header and footer (for containment tests on squashed text)."""
    pieces: list[str] = []
    for page in reader.pages:

        def visit(text: str, _cm: list[float], _tm: list[float], _fd: object, size: float) -> None:
            if size >= min_size:
                pieces.append(text)

        page.extract_text(visitor_text=visit)
    return "".join(pieces)
