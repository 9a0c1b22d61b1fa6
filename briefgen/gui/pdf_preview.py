"""An in-app preview of an exported PDF: pages rendered to images by pypdfium2 in a worker, in a scroll area.

(QtPdf ships only in the large PySide6-Addons wheel; pypdfium2 is a ~4 MB wheel; see docs/gui.md.)
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefgen.errors import InputError
from briefgen.gui.errors_dialog import error_text
from briefgen.gui.workers import JobRunner
from briefgen.progress import CancelToken, ProgressCallback

_PDFIUM_LOCK = threading.Lock()
"""PDFium is not thread-safe: one document at a time."""


def render_pdf_pages(
    path: str | bytes,
    scale: float = 1.4,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    max_pages: int | None = None,
) -> list[QImage]:
    """Pages of the PDF at *path* (or PDF bytes) as images; :class:`InputError` naming the file if unreadable."""
    shown = path if isinstance(path, str) else "<sample>"
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    images: list[QImage] = []
    with _PDFIUM_LOCK:
        try:
            doc = pdfium.PdfDocument(path)
        except (pdfium.PdfiumError, OSError) as exc:
            raise InputError(f"cannot show the PDF ({exc})", shown) from None
        try:
            total = len(doc) if max_pages is None else min(len(doc), max_pages)
            for i in range(total):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                if progress is not None:
                    progress(i, total, f"Page {i + 1} of {total}")
                page = doc[i]
                bitmap = page.render(scale=scale, prefer_bgrx=True)
                w, h, stride = bitmap.width, bitmap.height, bitmap.stride
                image = QImage(bytes(bitmap.buffer), w, h, stride, QImage.Format.Format_RGB32).copy()
                images.append(image)
                page.close()
        finally:
            doc.close()
    return images


class PdfPreviewDialog(QDialog):
    def __init__(self, path: str, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(f"Preview — {Path(path).name}")
        self.setObjectName("pdfPreview")
        self.resize(860, 920)
        self.status = QLabel(f"Rendering {Path(path).name}…", self)
        self.pages = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages.setStyleSheet("background: #8A8F98;")
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.pages)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAccessibleName("Exported PDF pages")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = QPushButton("Open in PDF viewer", self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self.open_externally)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(buttons)
        self.page_labels: list[QLabel] = []
        self.job = runner.start(lambda progress, cancel: render_pdf_pages(path, 1.3, progress, cancel), "pdf")
        self.job.signals.progress.connect(lambda d, t, m: self.status.setText(f"Rendering… {m}"))
        self.job.signals.finished.connect(self._show_pages)
        self.job.signals.failed.connect(lambda exc: self.status.setText(error_text(exc).replace("\n\n", ": ")))

    def _show_pages(self, images: list[QImage]) -> None:
        for n, image in enumerate(images, 1):
            label = QLabel(self.pages)
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleName(f"Page {n}")
            label.setStyleSheet("background: white; margin: 6px;")
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)
        self.status.setText(f"{Path(self.path).name}: {len(images)} page{'s' if len(images) != 1 else ''}")

    def open_externally(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.path))

    def done(self, result: int) -> None:
        self.job.cancel()
        super().done(result)
