"""Windows fit the screen and stay usable when small; the PDF preview zooms and remembers its size.

The offscreen screen is small (800 px wide), which makes it a good test of fitting."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfWriter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from briefgen.gui.export_dialog import ExportDialog
from briefgen.gui.length_controls import combo_needed_width
from briefgen.gui.main_window import MainWindow
from briefgen.gui.pdf_preview import ZOOM_STEP, PdfPreviewDialog
from briefgen.gui.screen_fit import FRAME_ALLOWANCE
from briefgen.gui.settings import Settings
from briefgen.gui.sources_panel import MIN_ROWS
from briefgen.gui.template_editor import EDITOR_SIZE, TemplateEditor
from tests.gui.conftest import LOAD_TIMEOUT_MS, load, send_wheel


def _fits_screen(widget: QWidget) -> bool:
    area = widget.screen().availableGeometry()
    frame = widget.frameGeometry()
    return frame.width() <= area.width() and frame.height() <= area.height()


def _settle(qtbot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size().width() == width and window.size().height() == height)
    QApplication.processEvents()  # the layouts follow


def _choosers_show_their_longest_item(window: MainWindow) -> bool:
    length = window.length
    return all(c.width() >= combo_needed_width(c) for c in (length.algorithm, length.template))


def test_every_pane_stays_usable_at_800_by_600(qtbot, window: MainWindow, samples_dir: Path) -> None:
    load(qtbot, window, sorted(samples_dir.iterdir()))
    _settle(qtbot, window, 800, 600)
    assert window.minimumSizeHint().width() <= 800 and window.minimumSizeHint().height() <= 600
    assert window.reading.width() >= 160 and window.reading.height() >= 300
    assert window.preview_pane.width() >= 280
    assert window.tree.width() >= 200 and window.tree.height() >= 100
    sources = window.sources_panel.list
    assert sources.count() >= 2 and sources.height() >= MIN_ROWS * sources.sizeHintForRow(0)  # five rows at least
    assert _choosers_show_their_longest_item(window)  # "One-page executive summary" in full
    for button in (window.sources_panel.add_button, window.sources_panel.add_folder_button):
        assert button.width() >= button.minimumSizeHint().width()
    for field in window.metadata_form.fields.values():
        assert field.width() >= 100


def test_method_and_template_are_not_cut_off_at_the_default_size(qtbot, window: MainWindow) -> None:
    _settle(qtbot, window, 1320, 820)
    assert _choosers_show_their_longest_item(window)
    assert window.length.one_row  # there is room for them side by side
    _settle(qtbot, window, 1000, 700)
    assert _choosers_show_their_longest_item(window)


def test_windows_and_dialogs_fit_the_screen(qtbot, window: MainWindow, seeds_dir: Path, tmp_path: Path) -> None:
    assert _fits_screen(window)
    window.show_template_editor()
    editor = window.template_editor
    assert isinstance(editor, TemplateEditor)
    qtbot.waitExposed(editor)
    assert _fits_screen(editor)
    editor.close()
    load(qtbot, window, sorted(seeds_dir.iterdir()))
    window.show_export()
    dialog = window.export_dialog
    assert isinstance(dialog, ExportDialog)
    qtbot.waitExposed(dialog)
    assert _fits_screen(dialog)
    dialog.close()
    window.show_shortcuts()
    shortcuts = window.shortcuts_dialog
    assert shortcuts is not None
    qtbot.waitExposed(shortcuts)
    assert _fits_screen(shortcuts)
    shortcuts.close()


def test_the_template_editor_opens_at_a_size_that_fits_a_1366_by_768_laptop(qtbot, window: MainWindow) -> None:
    width, height = EDITOR_SIZE
    panel = 40  # a desktop's task bar
    assert width + FRAME_ALLOWANCE.width() <= 1366 and height + FRAME_ALLOWANCE.height() + panel <= 768
    editor = TemplateEditor("policy-brief", window.runner, window)
    qtbot.addWidget(editor)
    hint = editor.minimumSizeHint()
    assert hint.width() <= width and hint.height() <= height, "its content does not force it larger"
    assert editor.width() <= width and editor.height() <= height


def _blank_pdf(path: Path, pages: int) -> Path:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)  # A4
    with path.open("wb") as f:
        writer.write(f)
    return path


def _preview(qtbot, window: MainWindow, pdf: Path, settings: Settings) -> PdfPreviewDialog:
    preview = PdfPreviewDialog(str(pdf), window.runner, window, settings)
    with qtbot.waitSignal(preview.job.signals.done, timeout=LOAD_TIMEOUT_MS):
        preview.show()
    qtbot.waitExposed(preview)
    return preview


def test_pdf_preview_fits_the_screen_zooms_and_remembers_its_size(qtbot, window: MainWindow, tmp_path: Path) -> None:
    pdf = _blank_pdf(tmp_path / "brief.pdf", 2)
    settings = window.settings
    preview = _preview(qtbot, window, pdf, settings)
    assert _fits_screen(preview)  # 860 x 920 would not: the buttons must stay on the screen
    assert len(preview.page_labels) == 2
    # fit width (the default): the page fills the width of the scroll area
    room = preview.scroll_area.viewport().width()
    page = preview.page_labels[0]
    qtbot.waitUntil(lambda: abs(page.width() - (room - 24)) <= 2)
    # fit page: a whole page shows
    preview.fit_page_button.click()
    assert page.height() <= preview.scroll_area.viewport().height() - 24 + 2
    fitted = preview.zoom
    # zoom in and out with the buttons, and with Ctrl+wheel over the pages
    preview.zoom_in_button.click()
    assert abs(preview.zoom - fitted * ZOOM_STEP) < 1e-6 and preview.fit is None
    assert abs(page.width() - preview.page_size(0).width()) <= 1
    preview.zoom_out_button.click()
    assert abs(preview.zoom - fitted) < 1e-6
    send_wheel(preview.scroll_area.viewport(), 2, Qt.KeyboardModifier.ControlModifier)
    assert abs(preview.zoom - fitted * ZOOM_STEP**2) < 1e-6
    assert preview.zoom_label.text() == f"{round(preview.zoom * 100)} %"
    send_wheel(preview.scroll_area.viewport(), -2, Qt.KeyboardModifier.ControlModifier)
    assert abs(preview.zoom - fitted) < 1e-6
    # its size is remembered for the next preview
    preview.resize(620, 480)
    preview.close()
    assert settings.get("pdf_preview_size") == [620, 480]
    again = _preview(qtbot, window, pdf, Settings())
    assert (again.width(), again.height()) == (620, 480)
    again.close()
