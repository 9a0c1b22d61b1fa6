"""Errors shown to the user: a dialog that names the file and the problem, never a traceback.

:func:`install_excepthook` routes unexpected exceptions (in slots, timers, workers) to a dialog that points at
the log file; the app keeps running and the workspace is kept (autosave keeps a copy).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from types import TracebackType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefgen.errors import BriefgenError, IdList, InputError, UnknownIdError
from briefgen.gui.mnemonics import label_buttons
from briefgen.logs import log_exception

ID_LISTS = {
    IdList.SELECT: str(QT_TRANSLATE_NOOP("Errors", "Ticked sections")),
    IdList.EXCLUDE: str(QT_TRANSLATE_NOOP("Errors", "Excluded sentences")),
    IdList.PIN: str(QT_TRANSLATE_NOOP("Errors", "Pinned sentences")),
}
"""How the app names the id lists in an :class:`UnknownIdError` (translated where shown)."""


def describe(exc: BaseException) -> tuple[str, str]:
    """(file, problem) in plain words; file is ``""`` when the error concerns no file."""
    if isinstance(exc, UnknownIdError):
        return exc.path or "", exc.worded(QCoreApplication.translate("Errors", ID_LISTS[exc.id_list]))
    if isinstance(exc, InputError):
        return exc.path or "", exc.reason
    if isinstance(exc, BriefgenError):
        return getattr(exc, "path", "") or "", str(getattr(exc, "reason", exc))
    if isinstance(exc, OSError):
        return exc.filename or "", exc.strerror or str(exc)
    return "", f"{type(exc).__name__}: {exc}"


def error_text(exc: BaseException) -> str:
    path, problem = describe(exc)
    return f"{path}\n\n{problem}" if path else problem


_open_boxes: set[QMessageBox] = set()


def _show(box: QMessageBox) -> QMessageBox:
    """Show *box* without blocking (window-modal) and keep it alive until it closes."""
    box.setObjectName("errorDialog")
    label_buttons(box)
    _open_boxes.add(box)
    box.finished.connect(lambda _r: _open_boxes.discard(box))
    box.open()
    return box


def open_error_dialogs() -> list[QMessageBox]:
    """Error dialogs currently shown (for tests and for closing them at exit)."""
    return [b for b in _open_boxes if b.isVisible()]


def show_error(parent: QWidget | None, title: str, exc: BaseException) -> QMessageBox:
    """A warning dialog for an expected error (bad file, unreadable project...)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, title, QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(error_text(exc))
    return _show(box)


def show_errors(parent: QWidget | None, title: str, errors: Sequence[InputError]) -> QMessageBox | None:
    """One dialog listing several files that could not be used."""
    if not errors:
        return None
    box = QMessageBox(QMessageBox.Icon.Warning, title, title, QMessageBox.StandardButton.Ok, parent)
    lines = [f"• {e.path}: {e.reason}" if e.path else f"• {e.reason}" for e in errors[:20]]
    if len(errors) > 20:
        lines.append(
            QCoreApplication.translate("ErrorsDialog", "… and {n} more", None, len(errors) - 20).format(
                n=len(errors) - 20
            )
        )
    box.setInformativeText("\n".join(lines))
    return _show(box)


def show_unexpected(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    log_path = log_exception(exc)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("ErrorsDialog", "Something went wrong"),
        QCoreApplication.translate("ErrorsDialog", "Something went wrong, but your work is still open."),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    where = (
        "\n\n" + QCoreApplication.translate("ErrorsDialog", "Details were written to {path}").format(path=log_path)
        if log_path
        else ""
    )
    save = QCoreApplication.translate("ErrorsDialog", "Save your project before going on.")
    box.setInformativeText(f"{type(exc).__name__}: {exc}{where}\n\n{save}")
    return _show(box)


_in_hook = False
_before_dialog: Callable[[], object] | None = None


def _hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    global _in_hook
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if _in_hook:  # an error while showing an error: log only
        log_exception(exc)
        return
    _in_hook = True
    try:
        if _before_dialog is not None:
            try:
                _before_dialog()  # keep the work first (autosave)
            except Exception as inner:
                log_exception(inner)
        show_unexpected(QApplication.activeWindow(), exc.with_traceback(tb))
    finally:
        _in_hook = False


def forget_work() -> None:
    """The window is closed: the error hook has no work left to keep (no autosave from it after this)."""
    global _before_dialog
    _before_dialog = None


def install_excepthook(keep_work: Callable[[], object] | None = None) -> None:
    """Route unexpected exceptions to a dialog; *keep_work* (e.g. an autosave) runs before it is shown."""
    global _before_dialog
    _before_dialog = keep_work
    sys.excepthook = _hook
