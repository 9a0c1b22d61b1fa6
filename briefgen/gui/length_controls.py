"""Steering the summary: length (sentences, words or a percentage; slider plus number), algorithm, template."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSlider, QSpinBox, QVBoxLayout, QWidget

from briefgen.summarize.api import Budget

MODES = (
    ("sentences", "sentences", 1, 60, 5),
    ("words", "words", 20, 3000, 250),
    ("ratio", "% of the text", 1, 100, 10),
)
"""(kind, label, minimum, maximum, default)."""


def budget_value(budget: Budget) -> tuple[str, int]:
    if budget.words is not None:
        return "words", budget.words
    if budget.ratio is not None:
        return "ratio", max(1, round(budget.ratio * 100))
    return "sentences", budget.sentences or 5


def make_budget(kind: str, value: int) -> Budget:
    if kind == "words":
        return Budget(words=value)
    if kind == "ratio":
        return Budget(ratio=value / 100)
    return Budget(sentences=value)


class LengthControls(QWidget):
    budgetChanged = Signal(object)  # noqa: N815
    algorithmChanged = Signal(str)  # noqa: N815
    templateChanged = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox(self)
        for kind, label, *_ in MODES:
            self.mode.addItem(label, kind)
        self.mode.setAccessibleName("Length unit")
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setAccessibleName("Summary length")
        self.spin = QSpinBox(self)
        self.spin.setAccessibleName("Summary length value")
        self.spin.setMinimumWidth(80)
        self.algorithm = QComboBox(self)
        self.algorithm.setAccessibleName("Summary algorithm")
        self.algorithm.setToolTip("How sentences are chosen")
        self.template = QComboBox(self)
        self.template.setAccessibleName("Brief template")
        self.template.setToolTip("How the brief is laid out")
        length_label = QLabel("&Length", self)
        length_label.setBuddy(self.spin)
        algo_label = QLabel("&Method", self)
        algo_label.setBuddy(self.algorithm)
        tmpl_label = QLabel("Te&mplate", self)
        tmpl_label.setBuddy(self.template)
        top = QHBoxLayout()
        top.addWidget(length_label)
        top.addWidget(self.slider, 1)
        top.addWidget(self.spin)
        top.addWidget(self.mode)
        bottom = QHBoxLayout()
        bottom.addWidget(algo_label)
        bottom.addWidget(self.algorithm, 1)
        bottom.addSpacing(12)
        bottom.addWidget(tmpl_label)
        bottom.addWidget(self.template, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self._kind = "sentences"
        self._apply_mode("sentences", 5)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.slider.valueChanged.connect(self.spin.setValue)
        self.spin.valueChanged.connect(self._value_changed)
        self.algorithm.currentIndexChanged.connect(
            lambda _i: self.algorithmChanged.emit(self.algorithm.currentData() or "")
        )
        self.template.currentIndexChanged.connect(
            lambda _i: self.templateChanged.emit(self.template.currentData() or "")
        )

    def _apply_mode(self, kind: str, value: int) -> None:
        _, _, lo, hi, _ = next(m for m in MODES if m[0] == kind)
        self._kind = kind
        for w in (self.slider, self.spin):
            w.blockSignals(True)
            w.setRange(lo, hi)
            w.setValue(max(lo, min(hi, value)))
            w.blockSignals(False)
        self.spin.setSuffix("%" if kind == "ratio" else "")

    def _mode_changed(self, _index: int) -> None:
        kind = self.mode.currentData()
        default = next(m[4] for m in MODES if m[0] == kind)
        self._apply_mode(kind, default)
        self.budgetChanged.emit(self.budget())

    def _value_changed(self, value: int) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(value)
        self.slider.blockSignals(False)
        self.budgetChanged.emit(self.budget())

    def budget(self) -> Budget:
        return make_budget(self._kind, self.spin.value())

    def set_budget(self, budget: Budget) -> None:
        kind, value = budget_value(budget)
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(self.mode.findData(kind))
        self.mode.blockSignals(False)
        self._apply_mode(kind, value)

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str]], current: str) -> None:
        combo.blockSignals(True)
        combo.clear()
        for name, label in items:
            combo.addItem(label, name)
        if combo.findData(current) < 0:
            combo.addItem(current, current)
        combo.setCurrentIndex(combo.findData(current))
        combo.blockSignals(False)

    def set_algorithms(self, items: list[tuple[str, str]], current: str) -> None:
        self._fill(self.algorithm, items, current)

    def set_templates(self, items: list[tuple[str, str]], current: str) -> None:
        self._fill(self.template, items, current)
