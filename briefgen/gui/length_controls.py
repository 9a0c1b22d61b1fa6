"""Steering the brief: its length (sentences, words, a percentage of the text or pages; slider plus number),
with a count of what the previewed brief actually has beside it, the algorithm and the template.

The length governs the whole brief, every part together. The count shows the preview's numbers, which are the
export's numbers: the page count is measured on the rendered PDF by the preview build.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

from briefgen.gui.shortcuts import WINDOW_UNDO
from briefgen.gui.translations import plural_form
from briefgen.summarize.api import Budget

MODES = (
    ("sentences", str(QT_TRANSLATE_NOOP("LengthControls", "sentences")), 1, 200, 5),
    ("words", str(QT_TRANSLATE_NOOP("LengthControls", "words")), 20, 20_000, 250),
    ("ratio", str(QT_TRANSLATE_NOOP("LengthControls", "% of the text")), 1, 100, 10),
    ("pages", str(QT_TRANSLATE_NOOP("LengthControls", "pages")), 1, 50, 2),
)
"""(kind, label, minimum, maximum, default); the labels are translated (context ``LengthControls``) where shown."""

COUNT_TIP = str(
    QT_TRANSLATE_NOOP(
        "LengthControls", "What the brief in the preview has; an export of the same choices has the same."
    )
)
STALE_TIP = str(QT_TRANSLATE_NOOP("LengthControls", "Updating: these are the numbers of the previous preview."))


CHOOSER_MIN_CHARS = 10
"""The Method and Template boxes never get narrower than this many characters."""


def combo_needed_width(combo: QComboBox) -> int:
    """The width *combo* needs to show its longest item in full."""
    fm = combo.fontMetrics()
    text = max((fm.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    size = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, QSize(text, fm.height()), combo)
    return size.width()


def budget_value(budget: Budget) -> tuple[str, int]:
    if budget.pages is not None:
        return "pages", budget.pages
    if budget.words is not None:
        return "words", budget.words
    if budget.ratio is not None:
        return "ratio", max(1, round(budget.ratio * 100))
    return "sentences", budget.sentences or 5


SINGULAR = {"sentences": "sentence", "words": "word", "pages": "page"}


def budget_text(budget: Budget) -> str:
    """``900 words``, ``1 page``, ``12 sentences``, ``20% of the text``."""
    kind, value = budget_value(budget)
    if kind == "ratio":
        return QCoreApplication.translate("LengthControls", "{n} percent of the text").format(n=value)
    return plural(value, SINGULAR[kind])


def make_budget(kind: str, value: int) -> Budget:
    if kind == "pages":
        return Budget(pages=value)
    if kind == "words":
        return Budget(words=value)
    if kind == "ratio":
        return Budget(ratio=value / 100)
    return Budget(sentences=value)


def plural(n: int, word: str) -> str:
    """``1 page``, ``2 pages``, ``1,200 words`` (*word* ``"word"``, ``"sentence"`` or ``"page"``, translated)."""
    if word == "word":
        text = QCoreApplication.translate("LengthControls", "{n} word(s)", None, n)
    elif word == "sentence":
        text = QCoreApplication.translate("LengthControls", "{n} sentence(s)", None, n)
    elif word == "page":
        text = QCoreApplication.translate("LengthControls", "{n} page(s)", None, n)
    else:
        text = f"{{n}} {word}(s)"
    return plural_form(text, n).format(n=f"{n:,}")


def count_text(words: int, sentences: int, pages: int | None) -> str:
    """``412 words · 18 sentences · 2 pages`` (without pages when they were not measured)."""
    parts = [plural(words, "word"), plural(sentences, "sentence")]
    if pages is not None:
        parts.append(plural(pages, "page"))
    return " · ".join(parts)


class LengthControls(QWidget):
    budgetChanged = Signal(object)  # noqa: N815
    algorithmChanged = Signal(str)  # noqa: N815
    templateChanged = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox(self)
        for kind, label, *_ in MODES:
            self.mode.addItem(QCoreApplication.translate("LengthControls", label), kind)
        self.mode.setAccessibleName(self.tr("Length unit"))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setAccessibleName(self.tr("Brief length"))
        self.slider.setToolTip(self.tr("The length of the whole brief, all its parts together"))
        self.spin = QSpinBox(self)
        self.spin.setAccessibleName(self.tr("Brief length value"))
        self.spin.setMinimumWidth(80)
        self.spin.setProperty(WINDOW_UNDO, True)  # each value is a step of the window's history (Ctrl+Z undoes it)
        self.count = QLabel("", self)
        """Not in this widget's layout: the window shows it beside the preview's heading, just above the length
        (a row of its own would cost height, and beside the slider it would squeeze the slider)."""
        self.count.setAccessibleName(self.tr("Brief size"))
        self.count.setToolTip(self.tr(COUNT_TIP))
        self.count.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.algorithm = QComboBox(self)
        self.algorithm.setAccessibleName(self.tr("Summary algorithm"))
        self.algorithm.setToolTip(self.tr("How sentences are chosen"))
        self.template = QComboBox(self)
        self.template.setAccessibleName(self.tr("Brief template"))
        self.template.setToolTip(self.tr("How the brief is laid out; choosing one also takes its own length"))
        for combo in (self.algorithm, self.template):
            # sized by the layout, not by the longest item (a long template name must not widen the window)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(CHOOSER_MIN_CHARS)
        length_label = QLabel(self.tr("&Length"), self)
        length_label.setBuddy(self.spin)
        self.algo_label = QLabel(self.tr("Meth&od"), self)
        self.algo_label.setBuddy(self.algorithm)
        self.tmpl_label = QLabel(self.tr("Te&mplate"), self)
        self.tmpl_label.setBuddy(self.template)
        top = QHBoxLayout()
        top.addWidget(length_label)
        top.addWidget(self.slider, 1)
        top.addWidget(self.spin)
        top.addWidget(self.mode)
        self.choosers = QGridLayout()
        """Method and Template: side by side when both fit in full, else one above the other."""
        self.choosers.setHorizontalSpacing(8)
        self.one_row: bool | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self.choosers)
        self._arrange(one_row=False)
        self._kind = "sentences"
        self._apply_mode("sentences", 5)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.slider.valueChanged.connect(self.spin.setValue)
        self.spin.valueChanged.connect(self._value_changed)
        self.algorithm.currentIndexChanged.connect(
            lambda _i: self.algorithmChanged.emit(self.algorithm.currentData() or "")
        )
        self.algorithm.currentIndexChanged.connect(lambda _i: self._show_method_tip())
        self.template.currentIndexChanged.connect(
            lambda _i: self.templateChanged.emit(self.template.currentData() or "")
        )

    # ---- Method and Template: one row or two ---------------------------------------------------------------
    def one_row_width(self) -> int:
        """The width at which Method and Template both show their longest item side by side."""
        labels = self.algo_label.sizeHint().width() + self.tmpl_label.sizeHint().width()
        spacing = 3 * self.choosers.horizontalSpacing() + 12
        return labels + combo_needed_width(self.algorithm) + combo_needed_width(self.template) + spacing

    def _arrange(self, *, one_row: bool) -> None:
        if one_row == self.one_row:
            return
        self.one_row = one_row
        grid = self.choosers
        for w in (self.algo_label, self.algorithm, self.tmpl_label, self.template):
            grid.removeWidget(w)
        for column in range(4):
            grid.setColumnStretch(column, 0)
            grid.setColumnMinimumWidth(column, 0)
        grid.addWidget(self.algo_label, 0, 0)
        grid.addWidget(self.algorithm, 0, 1)
        if one_row:
            grid.addWidget(self.tmpl_label, 0, 2)
            grid.addWidget(self.template, 0, 3)
            grid.setColumnStretch(1, 1)
            grid.setColumnStretch(3, 2)
        else:
            grid.addWidget(self.tmpl_label, 1, 0)
            grid.addWidget(self.template, 1, 1)
            grid.setColumnStretch(1, 1)
        self._set_column_minimums()

    def _set_column_minimums(self) -> None:
        """Side by side, each box gets the width of its longest item."""
        one_row = bool(self.one_row)
        self.choosers.setColumnMinimumWidth(1, combo_needed_width(self.algorithm) if one_row else 0)
        self.choosers.setColumnMinimumWidth(3, combo_needed_width(self.template) if one_row else 0)

    def _rearrange(self) -> None:
        self._arrange(one_row=self.width() >= self.one_row_width())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        """As narrow as the two-row arrangement allows (the one-row one is only used when there is room)."""
        hint = super().minimumSizeHint()
        if self.one_row:
            label = max(self.algo_label.sizeHint().width(), self.tmpl_label.sizeHint().width())
            chooser = max(self.algorithm.minimumSizeHint().width(), self.template.minimumSizeHint().width())
            layout = self.layout()
            top = layout.itemAt(0) if layout is not None else None
            narrow = max(label + chooser + self.choosers.horizontalSpacing(), top.minimumSize().width() if top else 0)
            hint.setWidth(min(hint.width(), narrow))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._rearrange()

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

    # ---- the count of the previewed brief ------------------------------------------------------------------
    def show_count(self, words: int, sentences: int, pages: int | None) -> None:
        """The numbers of a new preview (``pages`` is ``None`` when they were not measured)."""
        text = count_text(words, sentences, pages)
        self.count.setText(text)
        self.count.setEnabled(True)
        self.count.setToolTip(f"{text}\n{self.tr(COUNT_TIP)}")  # in full, should a narrow window cut the label

    def mark_count_stale(self) -> None:
        """A new preview is on its way: grey the numbers until it arrives."""
        if self.count.text():
            self.count.setEnabled(False)
            self.count.setToolTip(self.tr(STALE_TIP))

    def clear_count(self) -> None:
        """No brief (nothing to summarise, or it could not be made)."""
        self.count.setText("")
        self.count.setEnabled(True)
        self.count.setToolTip(self.tr(COUNT_TIP))

    def count_is_stale(self) -> bool:
        return not self.count.isEnabled()

    # ---- algorithm and template ----------------------------------------------------------------------------
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
        from briefgen.gui.engine_choices import method_tip

        self._fill(self.algorithm, items, current)
        for index in range(self.algorithm.count()):
            self.algorithm.setItemData(index, method_tip(self.algorithm.itemData(index)), Qt.ItemDataRole.ToolTipRole)
        self._show_method_tip()
        self._refit()

    def _show_method_tip(self) -> None:
        """The closed box's tooltip explains the chosen method (the open list explains each)."""
        tip = self.algorithm.currentData(Qt.ItemDataRole.ToolTipRole)
        self.algorithm.setToolTip(
            self.tr("How sentences are chosen: {tip}").format(tip=tip) if tip else self.tr("How sentences are chosen")
        )

    def set_templates(self, items: list[tuple[str, str]], current: str) -> None:
        self._fill(self.template, items, current)
        self._refit()

    def _refit(self) -> None:
        """New items may be longer or shorter: choose the arrangement again."""
        one_row = self.isVisible() and self.width() >= self.one_row_width()
        if one_row != self.one_row:
            self._arrange(one_row=one_row)
        else:
            self._set_column_minimums()
        self.updateGeometry()
