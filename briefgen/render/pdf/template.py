"""The PDF's document template: a reportlab :class:`BaseDocTemplate` with one page template, whose
``afterFlowable`` hook writes the outline (bookmarks) and reports layout progress.

reportlab calls ``afterFlowable`` once for every flowable it places (the user guide's table-of-contents recipe
recognises headings there by their paragraph style). A part's heading is one paragraph in the heading style, or
several when it is very long (:mod:`briefgen.render.pdf.chunks`), or two halves when reportlab splits it over a
page; so a paragraph in one of those styles that follows anything else opens the next entry of the outline the
story builder listed (:attr:`briefgen.render.pdf.story.StoryBuilder.outline`). The entry points at the anchor the
heading's first paragraph carries, so a click lands on the heading itself. Every eighth flowable the cancel token
is checked and progress reported.

Each page gets the header, footer, marking and page number (:class:`~briefgen.render.pdf.page.PageFurniture`);
the first page also carries the embedded provenance file; with footnotes, the text frame is a
:class:`~briefgen.render.pdf.notes.NotesFrame` and each page's notes are set at its foot.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import IO, Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate, Paragraph
from reportlab.platypus.frames import Frame

from briefgen.progress import CancelToken, ProgressCallback, check, report
from briefgen.render.pdf.notes import NOTE_CALLBACK, NotesFrame, NoteState
from briefgen.render.pdf.page import PageFurniture
from briefgen.render.pdf.story import OutlineEntry
from briefgen.render.provenance_embed import attach_to_pdf

_FRAME_PADDING: dict[str, Any] = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
_PROGRESS_EVERY = 8
"""Flowables placed between two progress reports (and cancel checks)."""


class BriefDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """Lays out a brief's story on pages of one template; see the module docstring."""

    def __init__(
        self,
        out: IO[bytes],
        *,
        furniture: PageFurniture,
        provenance: bytes,
        heading_styles: Collection[str],
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(out, pagesize=(furniture.page_width, furniture.page_height), **kwargs)
        self.furniture = furniture
        self.provenance = provenance
        self.heading_styles = frozenset(heading_styles)
        self.progress = progress
        self.cancel = cancel
        self.notes: NoteState | None = None
        self._outline: Iterator[OutlineEntry] = iter(())
        self._in_heading = False
        self._placed = 0
        self._total = 0

    def use_frame(self, notes: NoteState | None) -> None:
        """The page template: one text frame filling the margins, a :class:`NotesFrame` when *notes* are set."""
        self.notes = notes
        frame: Frame
        if notes is not None:
            frame = NotesFrame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body", state=notes,
                               **_FRAME_PADDING)  # fmt: skip
        else:
            frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body", **_FRAME_PADDING)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._on_page,
                                            onPageEnd=self._on_page_end)])  # fmt: skip

    def lay_out(self, story: list[Flowable], outline: list[OutlineEntry], canvasmaker: type[Canvas]) -> None:
        """Lay *story* out and save the document; *outline* lists the story's headings in order."""
        self._outline = iter(outline)
        self._total = len(story)
        self.build(story, canvasmaker=canvasmaker)

    def _on_page(self, canv: Canvas, _doc: BaseDocTemplate) -> None:
        if self.notes is not None:
            canv.setNamedCB(NOTE_CALLBACK, self.notes.callback)
        if self.page == 1:
            attach_to_pdf(canv, self.provenance)  # an embedded file, drawn on no page
        self.furniture.draw(canv, self.page)

    def _on_page_end(self, canv: Canvas, _doc: BaseDocTemplate) -> None:
        if self.notes is not None:
            self.notes.draw_page_notes(canv, self.page, self.leftMargin, self.bottomMargin)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        """A heading's first paragraph adds its outline entry; every few flowables, progress and cancel."""
        heading = isinstance(flowable, Paragraph) and flowable.style.name in self.heading_styles
        if heading and not self._in_heading:
            entry = next(self._outline, None)
            if entry is not None:
                self.canv.addOutlineEntry(entry.title, entry.key, level=0)
        self._in_heading = heading
        self._placed += 1
        if self._placed % _PROGRESS_EVERY == 0:
            check(self.cancel)
            report(self.progress, min(self._placed, self._total), self._total, "Laying out the PDF")
