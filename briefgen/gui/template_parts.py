"""The template form's table of the brief's parts, in order: each part's type, heading, sentence count, whether it
is a list and how sections are grouped; buttons add, remove and move parts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefgen.templates.schema import GroupBy, PartType
from briefgen.templates.validate import COUNT_RANGES, UNCOUNTED

PART_COLUMNS = ("type", "heading", "count", "as_list", "group_by")
ALWAYS_LISTS = (PartType.KEY_POINTS, PartType.KEY_FIGURES, PartType.QUOTES, PartType.TIMELINE)
"""Parts the brief always shows as a list, whatever ``as_list`` says."""
ONLY_SECTIONS = str(QT_TRANSLATE_NOOP("PartsTable", "Only for source sections"))
UNUSED_TIPS = {
    "count": {
        PartType.EXECUTIVE_SUMMARY: str(QT_TRANSLATE_NOOP("PartsTable", "The summary's length follows the Length")),
        PartType.SOURCES: str(QT_TRANSLATE_NOOP("PartsTable", "The source list lists every source cited")),
    },
    "as_list": dict.fromkeys(ALWAYS_LISTS, str(QT_TRANSLATE_NOOP("PartsTable", "Always a list"))),
}
"""Why a part's field is greyed out, where the reason is not :data:`ONLY_SECTIONS`."""


def applies(column: str, kind: str) -> bool:
    """Whether the engine uses *column* of a part of type *kind* (``validate`` rejects ``count`` on the uncounted
    parts and ``group_by`` off ``sections``; the others are always lists or never are)."""
    if column == "count":
        return kind not in UNCOUNTED
    if column in ("as_list", "group_by"):
        return kind == PartType.SECTIONS
    return True


PART_LABELS = {
    PartType.KEY_POINTS: QT_TRANSLATE_NOOP("PartsTable", "Key points"),
    PartType.EXECUTIVE_SUMMARY: QT_TRANSLATE_NOOP("PartsTable", "Executive summary"),
    PartType.SECTIONS: QT_TRANSLATE_NOOP("PartsTable", "Source sections"),
    PartType.KEY_FIGURES: QT_TRANSLATE_NOOP("PartsTable", "Key figures"),
    PartType.QUOTES: QT_TRANSLATE_NOOP("PartsTable", "Quotations"),
    PartType.KEYPHRASES: QT_TRANSLATE_NOOP("PartsTable", "Key phrases"),
    PartType.DIFFERENCES: QT_TRANSLATE_NOOP("PartsTable", "Where the sources differ"),
    PartType.TIMELINE: QT_TRANSLATE_NOOP("PartsTable", "Timeline"),
    PartType.SOURCES: QT_TRANSLATE_NOOP("PartsTable", "Source list"),
    GroupBy.SECTION: QT_TRANSLATE_NOOP("PartsTable", "Section"),
    GroupBy.ARTICLE: QT_TRANSLATE_NOOP("PartsTable", "Article"),
    GroupBy.HEADING: QT_TRANSLATE_NOOP("PartsTable", "Heading"),
}
"""What the Type and Group by lists show for each value (the template file keeps the value)."""


def _fill(combo: QComboBox, enum: Any, value: object) -> None:
    """*combo* listing *enum*'s members by their labels, each holding its value, with *value* chosen (the first
    member when it is none of them)."""
    for member in enum:
        combo.addItem(
            QCoreApplication.translate("PartsTable", str(PART_LABELS.get(member, member.value))), member.value
        )
    combo.setCurrentIndex(max(0, combo.findData(str(value))))


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


class PartsTable(QTableWidget):
    """One row per part; :meth:`parts` reads them back as the template's JSON has them."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(PART_COLUMNS), parent)
        self.setHorizontalHeaderLabels([_label(c) for c in PART_COLUMNS])
        header = self.horizontalHeader()  # Heading takes the room the other columns' contents leave
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PART_COLUMNS.index("heading"), QHeaderView.ResizeMode.Stretch)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAccessibleName(self.tr("Parts of the brief"))
        self.itemChanged.connect(lambda _i: self.changed.emit())

    def parts(self) -> list[dict[str, Any]]:
        return [self._part_at(r) for r in range(self.rowCount())]

    def mark_error(self, bad: bool) -> None:
        self.setStyleSheet("border: 2px solid #B3261E;" if bad else "")

    def group_box(self, parts: list[dict[str, Any]], parent: QWidget) -> QGroupBox:
        """The table with *parts* in a titled box with its buttons."""
        box = QGroupBox(self.tr("Parts of the brief (in order)"), parent)
        layout = QVBoxLayout(box)
        self.setParent(box)
        self.blockSignals(True)
        self.setRowCount(0)
        for part in parts:
            self._add_part_row(part)
        self.blockSignals(False)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Add p&art"), self._new_part),
            (self.tr("Remo&ve part"), self._remove_part),
            (self.tr("Move u&p"), lambda: self._move_part(-1)),
            (self.tr("Move do&wn"), lambda: self._move_part(1)),
        ):
            b = QPushButton(text, box)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        layout.addWidget(self)
        layout.addLayout(buttons)
        self.setMinimumHeight(170)
        return box

    def _new_part(self) -> None:
        self._add_part_row({"type": "key_points", "heading": "Key points", "count": 4})
        self.changed.emit()

    def _add_part_row(self, part: dict[str, Any]) -> None:
        row = self.rowCount()
        self.insertRow(row)
        type_combo = QComboBox(self)
        _fill(type_combo, PartType, part.get("type", ""))
        type_combo.setProperty("share", part.get("share"))  # no field of its own: kept as it was
        self.setCellWidget(row, 0, type_combo)
        self.setItem(row, 1, QTableWidgetItem(str(part.get("heading", ""))))
        count = QSpinBox(self)
        count.setRange(1, 50)  # the type's own range is set below
        count.setValue(int(part.get("count", 5)))
        count.valueChanged.connect(lambda _v: self.changed.emit())
        self.setCellWidget(row, 2, count)
        as_list = QCheckBox(self)
        as_list.setChecked(bool(part.get("as_list", False)))
        as_list.toggled.connect(lambda _v: self.changed.emit())
        self.setCellWidget(row, 3, as_list)
        group = QComboBox(self)
        _fill(group, GroupBy, part.get("group_by", GroupBy.SECTION))
        group.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.setCellWidget(row, 4, group)
        for widget, name in (
            (type_combo, self.tr("Part {n} type")),
            (count, self.tr("Part {n} count")),
            (as_list, self.tr("Part {n} as a list")),
            (group, self.tr("Part {n} grouped by")),
        ):
            widget.setAccessibleName(name.format(n=row + 1))
        fields = {"count": count, "as_list": as_list, "group_by": group}

        def type_changed(_index: int = 0) -> None:
            self._follow_type(PartType(type_combo.currentData()), fields)

        type_changed()
        type_combo.currentIndexChanged.connect(type_changed)
        type_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    @staticmethod
    def _follow_type(kind: PartType, fields: dict[str, QWidget]) -> None:
        """Grey out the fields the engine ignores for a part of type *kind*, saying why in the tooltip; a count
        keeps to the type's range."""
        for column, widget in fields.items():
            used = applies(column, kind)
            widget.setEnabled(used)
            why = UNUSED_TIPS.get(column, {}).get(kind, ONLY_SECTIONS)
            widget.setToolTip("" if used else QCoreApplication.translate("PartsTable", why))
        count = fields["count"]
        if isinstance(count, QSpinBox):
            count.setRange(*COUNT_RANGES.get(kind, (1, 20)))

    def _part_at(self, row: int) -> dict[str, Any]:
        type_combo = self.cellWidget(row, 0)
        count = self.cellWidget(row, 2)
        as_list = self.cellWidget(row, 3)
        group = self.cellWidget(row, 4)
        assert isinstance(type_combo, QComboBox) and isinstance(count, QSpinBox)
        assert isinstance(as_list, QCheckBox) and isinstance(group, QComboBox)
        item = self.item(row, 1)
        part: dict[str, Any] = {"type": str(type_combo.currentData()), "heading": item.text() if item else ""}
        if part["type"] not in (PartType.SOURCES, PartType.EXECUTIVE_SUMMARY):
            part["count"] = count.value()
            part["as_list"] = as_list.isChecked()
        if part["type"] == PartType.SECTIONS:
            part["group_by"] = str(group.currentData())
        share = type_combo.property("share")
        if share is not None:
            part["share"] = share
        return part

    def _remove_part(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)
            self.changed.emit()

    def _move_part(self, step: int) -> None:
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.rowCount():
            return
        parts = [self._part_at(r) for r in range(self.rowCount())]
        parts.insert(target, parts.pop(row))
        self.blockSignals(True)
        self.setRowCount(0)
        for part in parts:
            self._add_part_row(part)
        self.blockSignals(False)
        self.setCurrentCell(target, 1)
        self.changed.emit()
