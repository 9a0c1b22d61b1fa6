"""Screenshots of the desktop app for the README: the main window (also at 800×600 and in dark mode), the
template editor, the export dialog and preview, and the preferences.

Run with a display (Xvfb) or offscreen::

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/make_screenshots.py
    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py

The app is driven the way a new user would: first run with the bundled samples, export a PDF, open the
template editor. Settings go to a temporary folder, never the user's own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "screenshots"
sys.path.insert(0, str(HERE.parent))


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="briefgen-shots-"))
    for var, sub in (("BRIEFGEN_CONFIG_DIR", "config"), ("BRIEFGEN_DATA_DIR", "data"), ("BRIEFGEN_LOG_DIR", "log")):
        os.environ[var] = str(tmp / sub)
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QWidget

    from briefgen.gui.app import make_application, open_initial
    from briefgen.gui.export_dialog import ExportDialog
    from briefgen.gui.main_window import MainWindow
    from briefgen.gui.settings import Settings
    from briefgen.gui.template_editor import TemplateEditor

    app = make_application(["briefgen"])
    OUT.mkdir(parents=True, exist_ok=True)

    def wait_for(signal: object, timeout_ms: int = 60_000) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)  # type: ignore[attr-defined]
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shot(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(OUT / name))
        print(OUT / name)

    settings = Settings()
    settings.set("export_dir", str(tmp))
    window = MainWindow(settings)
    window.resize(1440, 900)
    window.show()
    open_initial(window, [])
    wait_for(window.preview.settled)
    sources = window.workspace.state.corpus.sources
    if not sources:
        print("no sample sources were loaded", file=sys.stderr)
        return 1
    window.tree.expandAll()
    # show where the first brief sentence comes from, as a click on it would
    result = window.preview.result
    if result is not None and result.brief.sentences():
        window.show_sentence(result.brief.sentences()[0].citations[0].sentence)
    shot(window, "main-window.png")

    window.show_template_editor()
    editor = window.template_editor
    assert isinstance(editor, TemplateEditor)
    editor.resize(1240, 660)  # its size on a 1366×768 screen (the offscreen screen is smaller)
    editor.refresh_sample()
    wait_for(editor.sampleReady)
    settle()
    shot(editor, "template-editor.png")
    editor.close()

    window.show_export()
    dialog = window.export_dialog
    assert isinstance(dialog, ExportDialog)
    dialog.open_when_done.setChecked(True)
    shot(dialog, "export-dialog.png")
    dialog.export_button.click()
    wait_for(dialog.exported)
    preview = dialog.preview
    assert preview is not None
    preview.resize(820, 900)
    wait_for(preview.job.signals.done)
    shot(preview, "export-preview.png")
    preview.close()

    window.show_preferences()
    prefs = window.preferences_dialog
    assert prefs is not None
    shot(prefs, "preferences.png")
    prefs.close()

    window.resize(800, 600)
    shot(window, "main-window-800x600.png")

    from PySide6.QtCore import Qt

    from briefgen.gui.colours import apply_colour_scheme

    apply_colour_scheme(app, Qt.ColorScheme.Dark)
    window.resize(1440, 900)
    settle(600)
    shot(window, "main-window-dark.png")
    apply_colour_scheme(app, Qt.ColorScheme.Light)
    window.workspace.mark_saved(window.workspace.path)
    window.close()
    window.runner.shutdown()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
