"""Start-up of the desktop app: QApplication, logging, the exception hook, the main window, and what it opens
first (a project, some sources, recovered work, or the bundled samples, :mod:`briefgen.samples`, on a first run)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from briefgen import __version__
from briefgen.gui.autosave import discard_recovery, pending_recovery
from briefgen.gui.colours import follow_colour_scheme
from briefgen.gui.errors_dialog import install_excepthook
from briefgen.gui.main_window import MainWindow
from briefgen.gui.mnemonics import label_buttons
from briefgen.gui.project_io import remove_stale_temporaries
from briefgen.gui.settings import Settings
from briefgen.gui.translations import install_translators
from briefgen.logs import get_logger
from briefgen.project.format import PROJECT_SUFFIX
from briefgen.samples import samples_dir

APP_ID = "org.briefgen.Briefgen"
"""The desktop file / application id (packaging/bundle_data.py uses the same)."""
SMOKE_TEST_TIMEOUT_MS = 90_000

UI_SWITCH_INTERVAL_S = 0.002
"""How often a busy worker thread hands the interpreter lock over (Python's default is 5 ms): shorter waits for
the UI thread while a worker summarises."""


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    sys.setswitchinterval(UI_SWITCH_INTERVAL_S)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("briefgen")
    app.setApplicationDisplayName("briefgen")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("briefgen")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    install_translators(app)
    follow_colour_scheme(app)
    return app


def app_icon() -> QIcon:
    """The window icon, from resources/icons/ (an empty icon if they are not installed)."""
    from briefgen.resources import resources_dir

    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("briefgen-*.png")):
        icon.addFile(str(png))
    return icon


def ask_recover(window: MainWindow) -> bool:
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("App", "Recover unsaved work?"),
        QCoreApplication.translate(
            "App", "briefgen did not close properly last time. Recover the work that was not saved?"
        ),
        buttons.Yes | buttons.No,
        window,
    )
    box.setDefaultButton(buttons.Yes)
    label_buttons(box)
    return bool(box.exec() == buttons.Yes)


def open_initial(window: MainWindow, paths: Sequence[str], *, samples: bool | None = None) -> None:
    """What the window shows first: the project or sources given, recovered work, the last project (when the
    preference says so), or the bundled samples. *samples* ``None`` means "on a true first run only"."""
    projects = [p for p in paths if p.endswith(PROJECT_SUFFIX)]
    sources = [p for p in paths if not p.endswith(PROJECT_SUFFIX)]
    settings = window.settings
    first_run = not settings.get("first_run_done")
    if first_run:
        settings.set("first_run_done", True)
        settings.save()
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
        return
    last = settings.get("last_project")
    if samples is None and settings.get("reopen_last_project") and last and Path(last).is_file():
        window.project_io.open(last, ask=False)
        return
    if samples or (samples is None and first_run):
        folder = samples_dir()
        if folder is not None:
            window.add_paths([str(folder)], mark_clean=True)


def run_app(paths: Sequence[str] = (), *, smoke_test: bool = False) -> int:
    """Run the app until its window closes. With *smoke_test* the app loads the samples, waits for the first
    preview, closes through the normal path and returns 0, or non-zero if anything went wrong (for packaging)."""
    app = make_application()
    get_logger().info("briefgen %s starting", __version__)
    window = MainWindow(Settings())
    remove_stale_temporaries(window.settings)  # left-overs of killed writes in the app's folders
    install_excepthook(window.autosave.save_now)
    window.show()
    missing = [p for p in paths if not Path(p).exists()]
    given = [p for p in paths if p not in missing]
    QTimer.singleShot(0, lambda: open_initial(window, given, samples=True if smoke_test else None))
    if missing:
        from briefgen.errors import InputError
        from briefgen.gui.errors_dialog import show_errors

        QTimer.singleShot(
            0,
            lambda: show_errors(
                window,
                QCoreApplication.translate("App", "Some files were not found"),
                [InputError(QCoreApplication.translate("App", "no such file"), p) for p in missing],
            ),
        )
    result = {"code": 0}
    if smoke_test:
        _arm_smoke_test(app, window, result)
    code = int(app.exec()) or result["code"]
    if not window.runner.shutdown(100):
        # a worker thread deep in a long computation has not reached its next cancel check: do not let it keep
        # the process alive (the window is closed and every file briefgen writes is written atomically)
        import logging
        import os

        get_logger().warning("exiting with background work unfinished")
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def _arm_smoke_test(app: QApplication, window: MainWindow, result: dict[str, int]) -> None:
    def finish(code: int, message: str) -> None:
        result["code"] = code
        sys.stdout.write(f"smoke test: {message}\n")
        sys.stdout.flush()
        window.close()
        app.quit()

    def on_preview(_: object) -> None:
        if window.last_load_errors:
            finish(5, f"{len(window.last_load_errors)} sample file(s) could not be read")
        else:
            finish(0, f"window up, preview made ({window.status_label.text()})")

    window.preview.updated.connect(on_preview)
    window.preview.failed.connect(lambda exc: finish(3, f"the preview failed: {exc}"))
    window.preview.emptied.connect(lambda reason: finish(3, f"no preview: {reason}"))
    QTimer.singleShot(SMOKE_TEST_TIMEOUT_MS, lambda: finish(4, "no preview within the time limit"))
