"""The template editor's live sample: a brief built with the edited template from the bundled samples, rendered
to PDF and rasterised (in a worker), then its first pages stacked into one image, which its pane shows scaled
to the pane's width (A4 or US Letter, never cut off at the right)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from briefgen.gui.pdf_preview import render_pdf_pages
from briefgen.progress import CancelToken, ProgressCallback
from briefgen.templates.schema import Template

PAGE_GAP = 12
BACKGROUND = 0x8A8F98
SAMPLE_MARGIN = 6
"""Grey left on each side of the sample's pages in their pane."""
_sample_corpus: Any = None


def sample_pages(template: Template, progress: ProgressCallback, cancel: CancelToken) -> list[QImage]:
    """The first pages of a brief built with *template* from the bundled samples (or a built-in sample brief)."""
    global _sample_corpus
    from briefgen.render.registry import render_bytes

    if _sample_corpus is None:
        from briefgen.ingest import load_sources
        from briefgen.samples import sample_paths

        paths = sample_paths()
        _sample_corpus = load_sources(paths).corpus if paths else False
    if _sample_corpus:
        from briefgen.build import build_brief

        result = build_brief(_sample_corpus, template, cancel=cancel)
        brief, style = result.brief, result.style
    else:
        from briefgen.render.sample_brief import sample_brief

        cited = template.citations
        brief = sample_brief(
            citation_style=cited.style,
            bibliography_style=cited.bibliography,
            support_mark=cited.support,
            mark_new=cited.mark_new,
        )[0]
        style = template.style
    data = render_bytes(brief, style, "pdf", cancel=cancel)
    return render_pdf_pages(data, 0.85, cancel=cancel, max_pages=2)


def stack_pages(images: list[QImage]) -> QImage:
    """The pages one under the other on a grey background."""
    width = max(i.width() for i in images)
    height = sum(i.height() + PAGE_GAP for i in images)
    canvas = QImage(width, height, QImage.Format.Format_RGB32)
    canvas.fill(BACKGROUND)
    painter = QPainter(canvas)
    y = 0
    for image in images:
        painter.drawImage(0, y, image)
        y += image.height() + PAGE_GAP
    painter.end()
    return canvas


class SampleArea(QScrollArea):
    """The sample's pane: *label* showing the stacked pages, as wide as the pane allows (at most their own size),
    scrolling down only; the pages are scaled again when the pane is resized."""

    def __init__(self, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.image: QImage | None = None
        """The stacked pages at their rendered size, or ``None`` (the label shows a text)."""
        self.setWidget(label)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # its width never comes and goes
        self.setStyleSheet("background: #8A8F98;")

    def show_image(self, image: QImage | None) -> None:
        self.image = image
        self._fit()

    def page_width(self) -> int:
        """The width the pages get: the pane's, less a margin each side, at most their rendered width."""
        room = self.viewport().width() - 2 * SAMPLE_MARGIN
        return max(1, min(room, self.image.width() if self.image is not None else room))

    def _fit(self) -> None:
        if self.image is None:
            return
        ratio = self.devicePixelRatioF()
        width = self.page_width()
        if width >= self.image.width():
            scaled = self.image
        else:
            mode = Qt.TransformationMode.SmoothTransformation
            scaled = self.image.scaledToWidth(max(1, round(width * ratio)), mode)
            scaled.setDevicePixelRatio(ratio)
        self.label.setPixmap(QPixmap.fromImage(scaled))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()
