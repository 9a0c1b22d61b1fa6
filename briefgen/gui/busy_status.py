"""Long work in the status bar: what is being done, a progress bar, an estimate of the time left, and Cancel.

The estimate is the rate so far applied to what is left; it appears once the work has run for a moment and
reported some progress, so it is never a guess from nothing.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

ESTIMATE_AFTER_S = 1.0
"""No estimate before the work has run this long (the first steps say little about the rest)."""


def remaining_text(elapsed: float, done: int, total: int) -> str:
    """``about 40 s left`` / ``about 3 min left``, or ``""`` when there is nothing to go on."""
    if done <= 0 or total <= done or elapsed < ESTIMATE_AFTER_S:
        return ""
    left = elapsed * (total - done) / done
    if left < 1:
        return QCoreApplication.translate("BusyStatus", "almost done")
    if left < 90:
        return QCoreApplication.translate("BusyStatus", "about {n} s left").format(n=max(1, round(left)))
    return QCoreApplication.translate("BusyStatus", "about {n} min left").format(n=round(left / 60))


class BusyStatus(QWidget):
    """Progress bar and Cancel button for the status bar; hidden while nothing runs."""

    cancelRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.estimate = QLabel("", self)
        self.estimate.setAccessibleName(self.tr("Time left"))
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Progress"))
        self.cancel = QToolButton(self)
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Stop this work (Esc)"))
        self.cancel.setAccessibleName(self.tr("Cancel the work in progress"))
        self.cancel.clicked.connect(self.cancelRequested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.estimate)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self._started = 0.0
        self.hide()

    def start(self) -> None:
        """Work began: an indeterminate bar until the first progress report."""
        self._started = time.monotonic()
        self.bar.setRange(0, 0)
        self.estimate.setText("")
        self.show()

    def progress(self, done: int, total: int) -> None:
        if not self.isVisible():
            self.start()
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self.estimate.setText(remaining_text(time.monotonic() - self._started, done, total))

    def stop(self) -> None:
        self.hide()
        self.estimate.setText("")
