"""An in-app preview of an exported PDF: pages rendered to images by pypdfium2 in a worker, in a scroll area,
with zoom (fit width, fit page, in and out, Ctrl+mouse wheel).

(QtPdf ships only in the large PySide6-Addons wheel; pypdfium2 is a ~4 MB wheel; see docs/gui.md.)
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QImage, QKeySequence, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefgen.errors import InputError
from briefgen.gui.errors_dialog import error_text
from briefgen.gui.mnemonics import label_buttons
from briefgen.gui.screen_fit import fit_to_screen
from briefgen.gui.settings import Settings
from briefgen.gui.translations import plural_form
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
            reason = QCoreApplication.translate("PdfPreviewDialog", "cannot show the PDF ({error})").format(error=exc)
            raise InputError(reason, shown) from None
        try:
            total = len(doc) if max_pages is None else min(len(doc), max_pages)
            for i in range(total):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                if progress is not None:
                    page_of = QCoreApplication.translate("PdfPreviewDialog", "Page {n} of {total}")
                    progress(i, total, page_of.format(n=i + 1, total=total))
                page = doc[i]
                bitmap = page.render(scale=scale, prefer_bgrx=True)
                w, h, stride = bitmap.width, bitmap.height, bitmap.stride
                image = QImage(bytes(bitmap.buffer), w, h, stride, QImage.Format.Format_RGB32).copy()
                images.append(image)
                page.close()
        finally:
            doc.close()
    return images


RENDER_SCALE = 2.0
"""Pages are rendered at 144 dpi and scaled down for display, so zooming in stays sharp up to 150 %."""
ACTUAL_SIZE = 96 / 72
"""Pixels per PDF point at 100 % zoom."""
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.1, 5.0)
PAGE_GAP = 12
DEFAULT_SIZE = (860, 920)
ZOOM_SHORTCUTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (str(QT_TRANSLATE_NOOP("PdfPreviewDialog", "Zoom in")), ("Ctrl++", "Ctrl+=")),
    (str(QT_TRANSLATE_NOOP("PdfPreviewDialog", "Zoom out")), ("Ctrl+-",)),
    (str(QT_TRANSLATE_NOOP("PdfPreviewDialog", "Fit page")), ("Ctrl+0",)),
    (str(QT_TRANSLATE_NOOP("PdfPreviewDialog", "Fit width")), ("Ctrl+9",)),
)
"""The preview's zoom keys: made into its actions, and listed in Help > Keyboard shortcuts (the names are
translated, context ``PdfPreviewDialog``, where shown)."""


class PdfPreviewDialog(QDialog):
    """The exported PDF, page by page: fit width (the default), fit page, zoom in and out (buttons, keys, or
    Ctrl+mouse wheel). It fits the screen and, given *settings*, reopens at the size it was last closed at."""

    zoomChanged = Signal(float)  # noqa: N815 - Qt naming

    def __init__(
        self, path: str, runner: JobRunner, parent: QWidget | None = None, settings: Settings | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.settings = settings
        self.setWindowTitle(self.tr("Preview — {name}").format(name=Path(path).name))
        self.setObjectName("pdfPreview")
        self.status = QLabel(self.tr("Rendering {name}…").format(name=Path(path).name), self)
        self.pages = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.pages_layout.setSpacing(PAGE_GAP)
        self.pages.setStyleSheet("background: #8A8F98;")
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.pages)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # fit width is stable
        self.scroll_area.setAccessibleName(self.tr("Exported PDF pages"))
        self.scroll_area.viewport().installEventFilter(self)

        self.images: list[QImage] = []
        self.page_labels: list[QLabel] = []
        self.zoom = 1.0
        self.fit: str | None = "width"
        """``"width"``, ``"page"`` or ``None`` (a zoom the user chose): a fit is kept when the window resizes."""
        self.fit_width_button = QPushButton(self.tr("Fit &width"), self)
        self.fit_page_button = QPushButton(self.tr("Fit &page"), self)
        self.zoom_out_button = QPushButton(self.tr("Zoom &out"), self)
        self.zoom_in_button = QPushButton(self.tr("Zoom &in"), self)
        self.zoom_label = QLabel("", self)
        self.zoom_label.setAccessibleName(self.tr("Zoom"))
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("0000 %"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        slots = {
            "Zoom in": lambda: self.zoom_by(ZOOM_STEP),
            "Zoom out": lambda: self.zoom_by(1 / ZOOM_STEP),
            "Fit page": lambda: self.set_fit("page"),
            "Fit width": lambda: self.set_fit("width"),
        }
        for name, keys in ZOOM_SHORTCUTS:
            action = QAction(self.tr(name), self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(slots[name])
            self.addAction(action)
        self.fit_width_button.clicked.connect(slots["Fit width"])
        self.fit_page_button.clicked.connect(slots["Fit page"])
        self.zoom_out_button.clicked.connect(slots["Zoom out"])
        self.zoom_in_button.clicked.connect(slots["Zoom in"])
        for button, tip in (
            (self.fit_width_button, self.tr("Pages as wide as the window (Ctrl+9)")),
            (self.fit_page_button, self.tr("A whole page in the window (Ctrl+0)")),
            (self.zoom_out_button, self.tr("Smaller (Ctrl+-, or Ctrl+mouse wheel)")),
            (self.zoom_in_button, self.tr("Larger (Ctrl++, or Ctrl+mouse wheel)")),
        ):
            button.setToolTip(tip)
            button.setAutoDefault(False)
        zoom_row = QHBoxLayout()
        zoom_row.addWidget(self.status, 1)
        for w in (self.fit_width_button, self.fit_page_button, self.zoom_out_button, self.zoom_label):
            zoom_row.addWidget(w)
        zoom_row.addWidget(self.zoom_in_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = QPushButton(self.tr("Open in PDF &viewer"), self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        label_buttons(buttons)
        self.open_button.clicked.connect(self.open_externally)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(zoom_row)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(buttons)

        self.refit_timer = QTimer(self)
        self.refit_timer.setSingleShot(True)
        self.refit_timer.setInterval(40)
        self.refit_timer.timeout.connect(self._refit)
        self._restore_size()
        self._show_zoom()
        self.job = runner.start(lambda progress, cancel: render_pdf_pages(path, RENDER_SCALE, progress, cancel), "pdf")
        self.job.signals.progress.connect(
            lambda d, t, m: self.status.setText(self.tr("Rendering… {page}").format(page=m))
        )
        self.job.signals.finished.connect(self._show_pages)
        self.job.signals.failed.connect(lambda exc: self.status.setText(error_text(exc).replace("\n\n", ": ")))

    # ---- size ----------------------------------------------------------------------------------------------
    def _restore_size(self) -> None:
        saved = self.settings.get("pdf_preview_size") if self.settings is not None else None
        if isinstance(saved, list) and len(saved) == 2 and all(isinstance(v, int) and v > 0 for v in saved):
            fit_to_screen(self, saved[0], saved[1])
        else:
            fit_to_screen(self, *DEFAULT_SIZE)

    def _remember_size(self) -> None:
        if self.settings is not None:
            self.settings.set("pdf_preview_size", [self.width(), self.height()])
            self.settings.save()

    # ---- pages and zoom ------------------------------------------------------------------------------------
    def _show_pages(self, images: list[QImage]) -> None:
        self.images = list(images)
        for n, image in enumerate(images, 1):
            label = QLabel(self.pages)
            label.setPixmap(QPixmap.fromImage(image))
            label.setScaledContents(True)  # scaled smoothly when drawn, at the size the zoom gives
            label.setAccessibleName(self.tr("Page {n}").format(n=n))
            label.setStyleSheet("background: white;")
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)
        pages = plural_form(self.tr("{name}: {n} page(s)", "", len(images)), len(images))
        self.status.setText(pages.format(name=Path(self.path).name, n=len(images)))
        self._refit()

    def page_size(self, index: int) -> QSize:
        """Page *index*'s size on screen at the current zoom."""
        image = self.images[index]
        factor = self.zoom * ACTUAL_SIZE / RENDER_SCALE
        return QSize(max(1, round(image.width() * factor)), max(1, round(image.height() * factor)))

    def _room(self) -> QSize:
        """The space a page may take in the scroll area."""
        viewport = self.scroll_area.viewport().size()
        return QSize(viewport.width() - 2 * PAGE_GAP, viewport.height() - 2 * PAGE_GAP)

    def fit_zoom(self, fit: str) -> float:
        """The zoom at which the widest page fills the width (``"width"``) or a whole page shows (``"page"``)."""
        if not self.images:
            return self.zoom
        widest = max(i.width() for i in self.images)
        tallest = max(i.height() for i in self.images)
        per_zoom = ACTUAL_SIZE / RENDER_SCALE
        room = self._room()
        zoom = room.width() / (widest * per_zoom)
        if fit == "page":
            zoom = min(zoom, room.height() / (tallest * per_zoom))
        return zoom

    def set_fit(self, fit: str) -> None:
        self.fit = fit
        self._set_zoom(self.fit_zoom(fit))

    def zoom_by(self, factor: float) -> None:
        self.fit = None
        self._set_zoom(self.zoom * factor)

    def _set_zoom(self, zoom: float) -> None:
        self.zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], zoom))
        for n, label in enumerate(self.page_labels):
            label.setFixedSize(self.page_size(n))
        self._show_zoom()
        self.zoomChanged.emit(self.zoom)

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self.zoom * 100)} %")
        self.zoom_out_button.setEnabled(self.zoom > ZOOM_RANGE[0])
        self.zoom_in_button.setEnabled(self.zoom < ZOOM_RANGE[1])

    def _refit(self) -> None:
        if self.fit is not None:
            self._set_zoom(self.fit_zoom(self.fit))
        else:
            self._set_zoom(self.zoom)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if self.fit is not None and self.images:
            self.refit_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        """Ctrl+mouse wheel over the pages zooms."""
        if (
            watched is self.scroll_area.viewport()
            and event.type() == QEvent.Type.Wheel
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps)
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def open_externally(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.path))

    def done(self, result: int) -> None:
        self.job.cancel()
        self.refit_timer.stop()
        self._remember_size()
        super().done(result)
