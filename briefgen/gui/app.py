"""Start-up of the desktop app: QApplication, logging, the exception hook, the main window, and what it opens
first (a project, some sources, recovered work, or the bundled samples on a first run)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from briefgen import __version__
from briefgen.gui.autosave import discard_recovery, pending_recovery
from briefgen.gui.errors_dialog import install_excepthook
from briefgen.gui.main_window import MainWindow
from briefgen.gui.settings import Settings
from briefgen.logs import get_logger
from briefgen.project import PROJECT_SUFFIX


def sample_paths() -> list[str]:
    """The bundled sample sources (resources/samples/), or nothing if they are not installed."""
    from briefgen.ingest import supported_extensions
    from briefgen.resources import resources_dir

    folder = resources_dir() / "samples"
    if not folder.is_dir():
        return []
    suffixes = tuple(supported_extensions())
    return [str(p) for p in sorted(folder.iterdir()) if p.is_file() and p.suffix.lower() in suffixes]


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("briefgen")
    app.setApplicationDisplayName("briefgen")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("briefgen")
    return app


def ask_recover(window: MainWindow) -> bool:
    answer = QMessageBox.question(
        window,
        "Recover unsaved work?",
        "briefgen did not close properly last time. Recover the work that was not saved?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def open_initial(window: MainWindow, paths: Sequence[str], *, samples: bool = True) -> None:
    """What the window shows first: the project or sources given, recovered work, or the samples."""
    projects = [p for p in paths if p.endswith(PROJECT_SUFFIX)]
    sources = [p for p in paths if not p.endswith(PROJECT_SUFFIX)]
    if projects:

        def then_add_sources() -> None:
            if sources:
                window.add_paths(sources)

        window.project_io.open(projects[0], ask=False, on_done=then_add_sources)
        return
    recovery = pending_recovery()
    if recovery is not None and not sources:
        if ask_recover(window):
            window.project_io.recover(recovery)
            return
        discard_recovery()
    if sources:
        window.add_paths(list(sources))
    elif samples:
        found = sample_paths()
        if found:
            window.add_paths(found, mark_clean=True)


def run_app(paths: Sequence[str] = ()) -> int:
    app = make_application()
    get_logger().info("briefgen %s starting", __version__)
    install_excepthook()
    window = MainWindow(Settings())
    window.show()
    missing = [p for p in paths if not Path(p).exists()]
    QTimer.singleShot(0, lambda: open_initial(window, [p for p in paths if p not in missing]))
    if missing:
        from briefgen.errors import InputError
        from briefgen.gui.errors_dialog import show_errors

        QTimer.singleShot(
            0,
            lambda: show_errors(window, "Some files were not found", [InputError("no such file", p) for p in missing]),
        )
    code = app.exec()
    window.runner.shutdown()
    return int(code)
