"""A form for every template setting, built from the template's JSON form (``template_to_dict``).

Each leaf value gets a widget that suits it (text, number, switch, colour, or a list of choices); the parts
of the brief get a table (:mod:`briefgen.gui.template_parts`); colours, the logo and fonts have their own fields
(:mod:`briefgen.gui.template_fields`). :meth:`TemplateForm.to_dict` gives the JSON back for validation, and
:meth:`TemplateForm.mark_error` highlights the field a validation message names.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from briefgen.gui.template_fields import FONT_FIELDS, ColourEdit, LogoEdit, installed_families
from briefgen.gui.template_parts import PartsTable
from briefgen.templates.schema import (
    BibliographyStyle,
    CitationStyle,
    DateFormat,
    OutputFormat,
    SupportMark,
)
from briefgen.templates.style import Align, FontFamily, LogoPosition, MarkingPlacement, PageSize


def _values(enum: Any) -> list[str]:
    return [str(m.value) for m in enum]


CHOICES: dict[str, list[str]] = {
    "title.date_format": _values(DateFormat),
    "title.align": _values(Align),
    "page.size": _values(PageSize),
    "fonts.body": _values(FontFamily),
    "fonts.heading": _values(FontFamily),
    "logo.position": _values(LogoPosition),
    "marking.placement": _values(MarkingPlacement),
    "citations.style": _values(CitationStyle),
    "citations.bibliography": _values(BibliographyStyle),
    "citations.support": _values(SupportMark),
    "output.format": _values(OutputFormat),
}
TIPS: dict[str, str] = {
    "citations.support": str(
        QT_TRANSLATE_NOOP(
            "TemplateForm",
            "none; count: “3 sources” after the marker of a sentence several sources carry; "
            "dagger: “†” after the marker of a sentence only one source carries",
        )
    ),
    "citations.mark_new": str(
        QT_TRANSLATE_NOOP(
            "TemplateForm", "A small “new” tag before sentences that were not in the project's previous export"
        )
    ),
}
"""Dotted path -> tooltip of its widget (translated, context ``TemplateForm``, where shown)."""
RANGES: dict[str, tuple[float, float, int]] = {
    "page.margins": (5, 60, 1),
    "fonts.size": (7, 16, 1),
    "fonts.line_spacing": (1.0, 2.0, 2),
    "logo.width": (5, 80, 1),
}
"""Dotted path (or its parent) -> (minimum, maximum, decimals)."""
GROUP_TITLES = {
    "title": str(QT_TRANSLATE_NOOP("TemplateForm", "Title block")),
    "page": str(QT_TRANSLATE_NOOP("TemplateForm", "Page")),
    "fonts": str(QT_TRANSLATE_NOOP("TemplateForm", "Fonts")),
    "colours": str(QT_TRANSLATE_NOOP("TemplateForm", "Colours")),
    "logo": str(QT_TRANSLATE_NOOP("TemplateForm", "Logo")),
    "marking": str(QT_TRANSLATE_NOOP("TemplateForm", "Protective marking")),
    "header": str(QT_TRANSLATE_NOOP("TemplateForm", "Header")),
    "footer": str(QT_TRANSLATE_NOOP("TemplateForm", "Footer")),
    "summary": str(QT_TRANSLATE_NOOP("TemplateForm", "Summary")),
    "citations": str(QT_TRANSLATE_NOOP("TemplateForm", "Citations")),
    "output": str(QT_TRANSLATE_NOOP("TemplateForm", "Output")),
}
"""Group -> its title (translated, context ``TemplateForm``, where shown)."""
LENGTH_KINDS = ("sentences", "words", "ratio", "pages")
"""Units of the whole brief's default length (``summary``)."""


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


class TemplateForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widgets: dict[str, QWidget] = {}
        self._data: dict[str, Any] = {}
        self._layout = QVBoxLayout(self)
        self._groups: list[QWidget] = []
        self.parts = PartsTable(self)
        self.parts.changed.connect(self.changed.emit)

    # ---- building ------------------------------------------------------------------------------------------
    def load(self, data: dict[str, Any]) -> None:
        self._data = data
        self._widgets.clear()
        for group in self._groups:
            self._layout.removeWidget(group)
            group.deleteLater()
        self._groups = []
        general = QGroupBox(self.tr("Template"), self)
        form = QFormLayout(general)
        for key in ("name", "label", "description"):
            form.addRow(_label(key), self._leaf(key, data.get(key, ""), general))
        self._add_group(general)
        for key, value in data.items():
            if isinstance(value, dict) and key != "summary":
                title = (
                    QCoreApplication.translate("TemplateForm", GROUP_TITLES[key])
                    if key in GROUP_TITLES
                    else _label(key)
                )
                box = QGroupBox(title, self)
                form = QFormLayout(box)
                self._fill(form, key, value, box)
                self._add_group(box)
        self._add_group(self._summary_group(data.get("summary", {})))
        self._add_group(self.parts.group_box(data.get("parts", []), self))

    def _add_group(self, group: QWidget) -> None:
        self._groups.append(group)
        self._layout.addWidget(group)

    def _fill(self, form: QFormLayout, prefix: str, value: dict[str, Any], parent: QWidget) -> None:
        for key, sub in value.items():
            path = f"{prefix}.{key}"
            if isinstance(sub, dict):
                self._fill(form, path, sub, parent)
            else:
                form.addRow(_label(path.split(".", 1)[1].replace(".", " ")), self._leaf(path, sub, parent))

    def _leaf(self, path: str, value: Any, parent: QWidget) -> QWidget:
        widget: QWidget
        if path in FONT_FIELDS:
            fonts = QComboBox(parent)
            fonts.setEditable(True)
            fonts.addItems(CHOICES[path])
            fonts.insertSeparator(fonts.count())
            fonts.addItems(installed_families())
            fonts.setCurrentText(str(value))
            fonts.setToolTip(
                self.tr("serif or sans (briefgen picks a font that has every character), or an installed family")
            )
            fonts.currentTextChanged.connect(lambda _t: self.changed.emit())
            widget = fonts
        elif path in CHOICES:
            combo = QComboBox(parent)
            combo.addItems(CHOICES[path])
            if str(value) not in CHOICES[path]:
                combo.addItem(str(value))
            combo.setCurrentText(str(value))
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            widget = combo
        elif isinstance(value, bool):
            check = QCheckBox(parent)
            check.setChecked(value)
            check.toggled.connect(lambda _v: self.changed.emit())
            widget = check
        elif isinstance(value, int | float):
            lo, hi, decimals = RANGES.get(path, RANGES.get(path.rsplit(".", 1)[0], (0, 10_000, 2)))
            spin = QDoubleSpinBox(parent)
            spin.setDecimals(decimals)
            spin.setRange(lo, hi)
            spin.setValue(float(value))
            spin.valueChanged.connect(lambda _v: self.changed.emit())
            widget = spin
        elif path == "logo.path":
            logo = LogoEdit("" if value is None else str(value), parent)
            logo.changed.connect(self.changed.emit)
            widget = logo
        elif isinstance(value, str) and path.startswith("colours."):
            colour = ColourEdit(value, parent)
            colour.changed.connect(self.changed.emit)
            widget = colour
        else:
            edit = QLineEdit("" if value is None else str(value), parent)
            edit.setCursorPosition(0)  # a text longer than the field shows its beginning, not its end
            edit.textChanged.connect(lambda _t: self.changed.emit())
            widget = edit
        widget.setAccessibleName(path)
        widget.setObjectName(path)
        if path in TIPS:
            widget.setToolTip(self.tr(TIPS[path]))
        self._widgets[path] = widget
        return widget

    def _summary_group(self, summary: dict[str, Any]) -> QGroupBox:
        box = QGroupBox(self.tr(GROUP_TITLES["summary"]), self)
        form = QFormLayout(box)
        algo = QComboBox(box)
        from briefgen.gui.engine_choices import algorithm_choices

        for name, label in algorithm_choices():
            algo.addItem(label, name)
        algo.setCurrentIndex(max(0, algo.findData(summary.get("algorithm", "default"))))
        algo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        kind = QComboBox(box)
        kind.addItems(LENGTH_KINDS)
        current = next((k for k in LENGTH_KINDS if k in summary), "sentences")
        kind.setCurrentText(current)
        value = QDoubleSpinBox(box)
        value.setRange(0.01, 5000)

        def show_decimals(_index: int = 0) -> None:
            ratio = kind.currentText() == "ratio"
            value.setDecimals(2 if ratio else 0)  # "700 words", not "700.00"
            value.setMinimum(0.01 if ratio else 1)

        show_decimals()
        value.setValue(float(summary.get(current, 5)))
        kind.currentIndexChanged.connect(show_decimals)
        kind.currentIndexChanged.connect(lambda _i: self.changed.emit())
        value.valueChanged.connect(lambda _v: self.changed.emit())
        for w, path in ((algo, "summary.algorithm"), (kind, "summary.length_kind"), (value, "summary.length")):
            w.setAccessibleName(path)
            w.setObjectName(path)
            self._widgets[path] = w
        form.addRow(self.tr("Algorithm"), algo)
        form.addRow(self.tr("Length in"), kind)
        form.addRow(self.tr("Length"), value)
        return box

    # ---- reading back --------------------------------------------------------------------------------------
    def widget(self, path: str) -> QWidget | None:
        return self._widgets.get(path)

    def _read(self, path: str) -> Any:
        w = self._widgets[path]
        if isinstance(w, QComboBox):
            return w.currentText()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QDoubleSpinBox):
            value = w.value()
            return int(value) if w.decimals() == 0 or value == int(value) else value
        if isinstance(w, ColourEdit):
            return w.text()
        if isinstance(w, LogoEdit):
            return w.text().strip() or None
        assert isinstance(w, QLineEdit)
        text = w.text()
        return None if path == "logo.path" and not text.strip() else text

    def to_dict(self) -> dict[str, Any]:
        def rebuild(prefix: str, value: Any) -> Any:
            if isinstance(value, dict):
                return {k: rebuild(f"{prefix}.{k}" if prefix else k, v) for k, v in value.items()}
            return self._read(prefix) if prefix in self._widgets else value

        out: dict[str, Any] = {}
        for key, value in self._data.items():
            if key in ("summary", "parts"):
                continue
            out[key] = rebuild(key, value)
        algo = self._widgets["summary.algorithm"]
        kind = self._widgets["summary.length_kind"]
        length = self._widgets["summary.length"]
        assert isinstance(algo, QComboBox) and isinstance(kind, QComboBox) and isinstance(length, QDoubleSpinBox)
        amount: float | int = length.value() if kind.currentText() == "ratio" else int(length.value())
        out["summary"] = {"algorithm": algo.currentData() or "default", kind.currentText(): amount}
        out["parts"] = self.parts.parts()
        return out

    def mark_error(self, field: str | None) -> None:
        """Outline the widget of the dotted *field* (and clear earlier marks)."""
        for path, w in self._widgets.items():
            bad = bool(field) and (path == field or (field or "").startswith(path + "."))
            w.setStyleSheet("border: 2px solid #B3261E;" if bad else "")
        self.parts.mark_error(bool(field and field.startswith("parts")))
