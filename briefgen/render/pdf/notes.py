"""Footnotes at the foot of the page that cites them, for the ``footnotes`` citation style, in one layout pass.

Each note reference in a paragraph is followed by ``<onDraw name="briefnote" label="N"/>``. A paragraph that
holds references is wrapped in a :class:`NotedFlowable`, which asks the frame for its own height *plus* the
height of the notes it brings to the page. When it is placed, :class:`NotesFrame` raises its bottom by that
note height (so later text stops above the notes) instead of leaving a gap under the paragraph. A paragraph
that must break across pages is split so that its first part and that part's notes fit together. At the end of
the page the notes whose references were drawn on it are set in the band kept free at the bottom.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph

from briefgen.render.markers import Note

NOTE_CALLBACK = "briefnote"
MAX_BAND_SHARE = 0.6
"""A page's notes take at most this share of the text area; notes that would need more are set smaller."""
_FUZZ = 1e-6


class NoteState:
    """The notes of the document, which are reserved on the current page, and which were drawn where."""

    def __init__(
        self, notes: tuple[Note, ...], markup: Callable[[Note], str], style: Any, width: float, height: float
    ) -> None:
        self.notes = {n.number: n for n in notes}
        self.max_band = height * MAX_BAND_SHARE
        self.markup = markup
        self.style = style
        self.width = width
        self.gap = style.fontSize * 2.2
        """Space above the notes, with the short rule in it; clears a shaded box's padding above."""
        self.reserved: list[int] = []
        self.band = 0.0
        """Height kept free for notes at the foot of the current page."""
        self.bands: dict[int, float] = {}
        self.drawn: dict[int, list[int]] = {}
        self._heights: dict[int, float] = {}
        self._paragraphs: dict[int, Paragraph] = {}

    def paragraph(self, number: int) -> Paragraph:
        if number not in self._paragraphs:
            note = self.notes.get(number)
            text = self.markup(note) if note is not None else ""
            self._paragraphs[number] = Paragraph(text, self.style, bulletText=f"{number}.")
        return self._paragraphs[number]

    def height(self, number: int) -> float:
        if number not in self._heights:
            self._heights[number] = self.paragraph(number).wrap(self.width, 1e6)[1] + self.style.spaceAfter
        return self._heights[number]

    def extra_for(self, numbers: list[int]) -> float:
        """Page height the notes *numbers* would add to the current page."""
        new = [n for n in numbers if n not in self.reserved]
        if not new:
            return 0.0
        wanted = sum(self.height(n) for n in new) + (0.0 if self.reserved else self.gap)
        return min(wanted, max(0.0, self.max_band - self.band))

    def commit(self, page: int, numbers: list[int], extra: float) -> None:
        """A flowable bringing notes *numbers* and *extra* height was placed on *page*."""
        self.reserved.extend(numbers)
        self.band += extra
        self.bands[page] = self.band

    def new_page(self) -> None:
        self.reserved = []
        self.band = 0.0

    def callback(self, canv: Canvas, kind: str, label: str | None) -> None:
        """The ``onDraw`` callback: note *label* was drawn on the canvas's current page."""
        try:
            number = int(label or "")
        except ValueError:
            return
        page = self.drawn.setdefault(canv.getPageNumber(), [])
        if number not in page:
            page.append(number)

    def draw_page_notes(self, canv: Canvas, page: int, x: float, y: float) -> None:
        """Set the notes drawn on *page* upwards from *y*, the bottom of the text area."""
        numbers = self.drawn.get(page, [])
        if not numbers:
            return
        natural = sum(self.height(n) for n in numbers) + self.gap
        band = self.bands.get(page, natural)
        scale = 1.0 if natural <= band + 0.5 else max(band / natural, 0.05)  # too many notes: set them smaller
        top = y + natural * scale
        canv.saveState()
        canv.setStrokeColorRGB(0.6, 0.6, 0.6)
        canv.setLineWidth(0.5)
        canv.line(x, top - self.gap * 0.55 * scale, x + self.width * 0.3, top - self.gap * 0.55 * scale)
        canv.translate(x, top)
        canv.scale(scale, scale)
        cursor = -self.gap
        for n in numbers:
            cursor -= self.height(n)
            para = self.paragraph(n)
            para.wrap(self.width, 1e6)
            para.drawOn(canv, 0, cursor + self.style.spaceAfter)
        canv.restoreState()


def note_labels(para: Paragraph, width: float) -> list[int]:
    """The note numbers referenced in *para* (laid out at *width*), in order."""
    para.wrap(width, 1e6)
    out: list[int] = []
    for line in getattr(para.blPara, "lines", []):
        for word in getattr(line, "words", []):
            cb = getattr(word, "cbDefn", None)
            if cb is not None and getattr(cb, "kind", "") == "onDraw" and getattr(cb, "name", "") == NOTE_CALLBACK:
                out.append(int(cb.label))
    return out


class NotedFlowable(Flowable):  # type: ignore[misc]
    """A paragraph (or a flowable wrapping one in ``.para``) that brings notes to the page it lands on."""

    def __init__(self, inner: Flowable, state: NoteState) -> None:
        super().__init__()
        self.inner = inner
        self.state = state
        self.extra = 0.0
        self.new_numbers: list[int] = []
        self._numbers: list[int] | None = None
        self._inner_h = 0.0

    def _paragraph(self) -> Paragraph:
        return self.inner if isinstance(self.inner, Paragraph) else self.inner.para

    def numbers(self, width: float) -> list[int]:
        if self._numbers is None:
            self._numbers = note_labels(self._paragraph(), width)
        return self._numbers

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        numbers = self.numbers(avail_width)
        self.width, self._inner_h = self.inner.wrap(avail_width, avail_height)
        self.new_numbers = [n for n in numbers if n not in self.state.reserved]
        self.extra = self.state.extra_for(numbers)
        self.height = self._inner_h + self.extra
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Split so that the first part *and its notes* fit: the first part's height grows with the space it is
        offered (more lines bring more notes), so the largest offer that fits is found by bisection."""
        best = self._split_at(avail_width, avail_height, avail_height)
        if best is not None:
            return best
        lo, hi = 0.0, avail_height
        while hi - lo > 2.0:
            mid = (lo + hi) / 2
            parts = self.inner.split(avail_width, mid)
            if not parts:  # too little room for even the first lines
                lo = mid
                continue
            fitted = self._fitting(parts, avail_width, avail_height)
            if fitted is None:
                hi = mid
            else:
                best, lo = fitted, mid
        return best or []

    def _split_at(self, avail_width: float, avail_height: float, offer: float) -> list[Flowable] | None:
        return self._fitting(self.inner.split(avail_width, offer), avail_width, avail_height)

    def _fitting(self, parts: list[Flowable], avail_width: float, avail_height: float) -> list[Flowable] | None:
        """*parts* as noted flowables when the first part and its notes fit in *avail_height*, else None."""
        if len(parts) < 2:
            return None
        first = NotedFlowable(parts[0], self.state)
        if first.wrap(avail_width, avail_height)[1] > avail_height + _FUZZ:
            return None
        return [first, *(NotedFlowable(p, self.state) for p in parts[1:])]

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.inner.getSpaceAfter())

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        self.inner.drawOn(canv, x, y + self.extra, _sW)


class NotesFrame(Frame):  # type: ignore[misc]
    """A frame whose bottom rises by the notes each placed :class:`NotedFlowable` brings to the page."""

    def __init__(self, *args: Any, state: NoteState, **kwargs: Any) -> None:
        self.__dict__["_note_state"] = None
        super().__init__(*args, **kwargs)
        self.__dict__["_note_state"] = state

    def _reset(self) -> None:
        super()._reset()
        self._geom()  # drop the previous page's raised bottom
        if self._note_state is not None:
            self._note_state.new_page()

    def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:  # noqa: N803
        placed: int = super()._add(flowable, canv, trySplit)
        if placed and isinstance(flowable, NotedFlowable) and flowable.extra:
            # the notes' share of the flowable's height belongs at the foot of the page, not under the text
            self._y += flowable.extra
            self._y1p += flowable.extra
        if placed and isinstance(flowable, NotedFlowable):
            self._note_state.commit(canv.getPageNumber(), flowable.new_numbers, flowable.extra)
        return placed

    add = _add
