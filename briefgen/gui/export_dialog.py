"""Export the brief to PDF, DOCX or Markdown in a worker, with progress, cancel and "open when done".

The dialog proposes the file this workspace was last exported to, else a name made from the brief's title in
the folder last exported to; it asks before replacing a file that exists.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefgen.build import BuildResult
from briefgen.build_choices import BriefChoices, build_from_choices
from briefgen.errors import InputError
from briefgen.gui.errors_dialog import show_error
from briefgen.gui.mnemonics import label_buttons
from briefgen.gui.pdf_preview import PdfPreviewDialog
from briefgen.gui.screen_fit import fit_to_screen
from briefgen.gui.settings import Settings
from briefgen.gui.workers import Job, JobRunner
from briefgen.templates.schema import OutputFormat

FORMAT_LABELS = {
    OutputFormat.PDF: str(QT_TRANSLATE_NOOP("ExportDialog", "PDF document (.pdf)")),
    OutputFormat.DOCX: str(QT_TRANSLATE_NOOP("ExportDialog", "Word document (.docx)")),
    OutputFormat.MARKDOWN: str(QT_TRANSLATE_NOOP("ExportDialog", "Markdown (.md)")),
}
"""What the Format box calls each :class:`OutputFormat` (in its order); translated where shown. A file's suffix is
``.`` and the format's value."""
KIND_NAMES = {
    OutputFormat.DOCX: str(QT_TRANSLATE_NOOP("ExportDialog", "Word files")),
    OutputFormat.MARKDOWN: str(QT_TRANSLATE_NOOP("ExportDialog", "Markdown files")),
}
"""What a notice calls the files of a format that "Open when done" hands to another program; translated where
shown."""
MAX_STEM_CHARS = 80
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?", re.IGNORECASE)
"""Names Windows keeps for devices, whatever the extension."""


def safe_file_stem(title: str, fallback: str = "brief") -> str:
    """A file name (without extension) from *title* that every common file system accepts: no path
    separators, no characters Windows or macOS refuse, no control characters, no leading or trailing dots or
    spaces, no device name, at most 80 characters (cut at a word)."""
    text = unicodedata.normalize("NFC", title)
    text = " ".join(_UNSAFE.sub(" ", text).split())
    if len(text) > MAX_STEM_CHARS:
        cut = text[:MAX_STEM_CHARS]
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut
    text = text.strip(" .")
    if not text or _RESERVED.fullmatch(text):
        return fallback
    return text


class ExportDialog(QDialog):
    exported = Signal(str)
    failed = Signal(object)
    openFailed = Signal(str)  # noqa: N815
    """A notice for the user: the brief was saved, but "Open when done" found no program to open it."""

    def __init__(
        self,
        choices: BriefChoices,
        runner: JobRunner,
        settings: Settings,
        *,
        suggested_name: str = "brief",
        output_format: str = "pdf",
        last_path: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export brief"))
        self.setObjectName("exportDialog")
        self.choices = choices
        self.runner = runner
        self.settings = settings
        self.job: Job | None = None
        self.preview: PdfPreviewDialog | None = None
        self.warnings: list[str] = []
        self.build_result: BuildResult | None = None
        """The finished export (its brief), once done."""
        self.replace_prompt: QMessageBox | None = None
        """The "replace the existing file?" question, while it is shown."""

        self.format = QComboBox(self)
        for fmt in OutputFormat:
            self.format.addItem(self.tr(FORMAT_LABELS[fmt]), str(fmt))
        self.format.setCurrentIndex(max(0, self.format.findData(output_format)))
        self.format.setAccessibleName(self.tr("Export format"))
        folder = settings.get("export_dir") or str(Path.home())
        proposed = Path(folder) / f"{suggested_name}{self._suffix()}"
        if last_path and Path(last_path).parent.is_dir():  # where this brief went last time
            proposed = Path(last_path).with_suffix(self._suffix())
        self.path = QLineEdit(str(proposed), self)
        self.path.setAccessibleName(self.tr("Export file"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.open_when_done = QCheckBox(self.tr("&Open when done"), self)
        self.open_when_done.setChecked(bool(settings.get("open_when_done")))
        self.open_when_done.setToolTip(self.tr("PDF: show it here; Word and Markdown: open in their usual app"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.hide()
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        label_buttons(self.buttons)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel)
        form = QFormLayout()
        format_label = QLabel(self.tr("&Format"), self)
        format_label.setBuddy(self.format)
        path_label = QLabel(self.tr("&Save as"), self)
        path_label.setBuddy(self.path)
        form.addRow(format_label, self.format)
        form.addRow(path_label, row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.open_when_done)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        fit_to_screen(self, 560, self.sizeHint().height())

    def _suffix(self) -> str:
        name = self.format.currentData()
        return f".{OutputFormat(name)}"

    def output_format(self) -> str:
        return str(self.format.currentData())

    def _format_changed(self, _index: int) -> None:
        self.path.setText(str(Path(self.path.text()).with_suffix(self._suffix())))

    def browse(self) -> None:
        label = self.format.currentText()
        file_filter = f"{label};;" + self.tr("All files (*)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export brief"), self.path.text(), file_filter)
        if path:
            if not Path(path).suffix:
                path += self._suffix()
            self.path.setText(path)
            self.settings.set("export_dir", str(Path(path).parent))
            self.settings.save()

    def start_export(self) -> None:
        path = self.path.text().strip()
        if not path:
            self.status.setText(self.tr("Choose where to save the brief."))
            return
        if Path(path).suffix.lower() != self._suffix():
            path = str(Path(path).with_suffix(self._suffix()))
            self.path.setText(path)
        if not Path(path).parent.is_dir():
            show_error(self, self.tr("Cannot export"), InputError(self.tr("the folder does not exist"), path))
            return
        if Path(path).is_dir():
            show_error(self, self.tr("Cannot export"), InputError(self.tr("is a folder; give a file name"), path))
            return
        if Path(path).exists():
            self.ask_replace(path)
            return
        self._run_export(path)

    def ask_replace(self, path: str) -> None:
        """Ask (without blocking) whether to replace the existing *path*; the export goes on only if so."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Replace file?"),
            self.tr("“{name}” already exists in {folder}.").format(name=Path(path).name, folder=Path(path).parent),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("replacePrompt")
        box.setInformativeText(self.tr("Replace it with the new brief? Its current contents will be lost."))
        replace = box.addButton(self.tr("&Replace"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        self.replace_prompt = box
        box.finished.connect(lambda _r: self._replace_answered(box, replace, path))
        box.open()

    def _replace_answered(self, box: QMessageBox, replace: object, path: str) -> None:
        self.replace_prompt = None
        if box.clickedButton() is replace:
            self._run_export(path)
        else:
            self.status.setText(self.tr("Not exported: the file was kept. Choose another name, or export again."))
            self.path.setFocus()
        box.deleteLater()

    def _run_export(self, path: str) -> None:
        self.export_button.setEnabled(False)
        self.progress.show()
        self.status.setText(self.tr("Exporting…"))
        choices = self.choices
        self.job = self.runner.start(
            lambda progress, cancel: build_from_choices(choices, path, progress=progress, cancel=cancel),
            "export",
        )
        self.job.signals.progress.connect(self._on_progress)
        self.job.signals.finished.connect(lambda result: self._on_done(path, result.warnings, result))
        self.job.signals.failed.connect(self._on_failed)
        self.job.signals.cancelled.connect(self._on_cancelled)

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setValue(int(100 * done / total) if total else 0)
        self.status.setText(message)

    def _on_done(self, path: str, warnings: tuple[str, ...] = (), result: BuildResult | None = None) -> None:
        self.job = None
        self.warnings = list(warnings)
        self.build_result = result
        self.progress.setValue(100)
        self.settings.set("export_dir", str(Path(path).parent))
        self.settings.set("open_when_done", self.open_when_done.isChecked())
        self.settings.save()
        self.exported.emit(path)
        if self.open_when_done.isChecked():
            if self.output_format() == "pdf":
                self.preview = PdfPreviewDialog(path, self.runner, self.parentWidget(), self.settings)
                self.preview.show()
            elif not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
                self.openFailed.emit(self.open_failed_message(path))
        self.accept()

    def open_failed_message(self, path: str) -> str:
        """What to tell the user when no program opens the exported *path*: where it was saved, and why it did
        not open."""
        kind = KIND_NAMES.get(OutputFormat(self.output_format()))
        where = Path(path)
        if kind is None:
            return self.tr("Saved {name} in {folder}, but no program here opens it.").format(
                name=where.name, folder=where.parent
            )
        return self.tr("Saved {name} in {folder}, but no program here opens {kind}.").format(
            name=where.name, folder=where.parent, kind=self.tr(kind)
        )

    def _on_failed(self, exc: BaseException) -> None:
        self.job = None
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("Export failed."))
        self.failed.emit(exc)
        if not isinstance(exc, InputError):
            from briefgen.logs import log_exception

            log_exception(exc)
        show_error(self, self.tr("The brief could not be exported"), exc)

    def _on_cancelled(self) -> None:
        self.job = None
        self.export_button.setEnabled(True)
        self.progress.setValue(0)
        self.status.setText(self.tr("Export cancelled; no file was written."))

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
        else:
            self.reject()
