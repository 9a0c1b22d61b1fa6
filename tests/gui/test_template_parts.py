"""The template editor's parts table greys out the fields the engine ignores for a part's type (Group by off
"sections"; Count on the executive summary and the source list; As list where a part is always a list or never
one), says why in a tooltip, and follows when a row's type is changed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QWidget

from briefgen.gui.template_parts import PART_COLUMNS, PartsTable
from briefgen.templates.schema import PartType
from briefgen.templates.serialize import template_to_dict
from briefgen.templates.store import get_template
from briefgen.templates.validate import template_from_dict

COLUMN = {name: PART_COLUMNS.index(name) for name in PART_COLUMNS}
PARTS: list[dict[str, Any]] = [
    {"type": "key_points", "heading": "Key points", "count": 4, "as_list": True},
    {"type": "executive_summary", "heading": "Summary"},
    {"type": "sections", "heading": "Sections", "count": 3, "as_list": False, "group_by": "article"},
    {"type": "keyphrases", "heading": "Key phrases", "count": 25, "as_list": False},
    {"type": "sources", "heading": "Sources"},
]


@pytest.fixture
def make_table(qtbot) -> Iterator[Callable[[list[dict[str, Any]]], PartsTable]]:
    """Show a parts table with the given parts in a window of its own (kept alive here: qtbot holds its widgets
    weakly)."""
    hosts: list[QWidget] = []

    def make(parts: list[dict[str, Any]]) -> PartsTable:
        host = QWidget()
        hosts.append(host)
        qtbot.addWidget(host)
        table = PartsTable(host)
        table.group_box(parts, host)
        host.show()
        return table

    yield make


def _cell(table: PartsTable, row: int, column: str) -> QWidget:
    widget = table.cellWidget(row, COLUMN[column])
    assert widget is not None
    return widget


def _type(table: PartsTable, row: int) -> QComboBox:
    combo = _cell(table, row, "type")
    assert isinstance(combo, QComboBox)
    return combo


def _choose(combo: QComboBox, value: str) -> None:
    """Pick the entry holding *value* (the lists show labels, not the template's values)."""
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_the_lists_show_labels_and_the_template_keeps_its_values(make_table) -> None:
    table = make_table(PARTS)
    shown = [_type(table, row).currentText() for row in range(len(PARTS))]
    assert shown == ["Key points", "Executive summary", "Source sections", "Key phrases", "Source list"]
    group = _cell(table, 2, "group_by")
    assert isinstance(group, QComboBox) and group.currentText() == "Article"
    assert [p["type"] for p in table.parts()] == [p["type"] for p in PARTS]
    assert table.parts()[2]["group_by"] == "article"


def test_group_by_is_only_for_source_sections(make_table) -> None:
    table = make_table(PARTS)
    for row, part in enumerate(PARTS):
        group = _cell(table, row, "group_by")
        assert isinstance(group, QComboBox)
        sections = part["type"] == PartType.SECTIONS
        assert group.isEnabled() == sections, part["type"]
        assert group.toolTip() == ("" if sections else "Only for source sections"), part["type"]
    assert _cell(table, 2, "group_by").property("currentData") == "article"


def test_count_and_as_list_are_greyed_where_the_engine_ignores_them(make_table) -> None:
    table = make_table(PARTS)
    counted = {r: _cell(table, r, "count").isEnabled() for r in range(len(PARTS))}
    assert counted == {0: True, 1: False, 2: True, 3: True, 4: False}  # not the summary, not the source list
    for row in (1, 4):
        assert _cell(table, row, "count").toolTip(), PARTS[row]["type"]
    listed = {r: _cell(table, r, "as_list").isEnabled() for r in range(len(PARTS))}
    assert listed == {0: False, 1: False, 2: True, 3: False, 4: False}
    assert _cell(table, 0, "as_list").toolTip() == "Always a list"
    keyphrases = _cell(table, 3, "count")
    assert isinstance(keyphrases, QSpinBox)
    assert (keyphrases.minimum(), keyphrases.maximum(), keyphrases.value()) == (1, 30, 25)
    assert isinstance(_cell(table, 0, "count"), QSpinBox)
    assert _cell(table, 0, "count").property("maximum") == 20  # what the engine accepts for key points


def test_the_fields_follow_a_change_of_type(make_table) -> None:
    table = make_table(PARTS)
    changes: list[bool] = []
    table.changed.connect(lambda: changes.append(True))
    _choose(_type(table, 2), "quotes")  # sections -> quotes
    group, as_list = _cell(table, 2, "group_by"), _cell(table, 2, "as_list")
    assert isinstance(as_list, QCheckBox)
    assert not group.isEnabled() and group.toolTip() == "Only for source sections"
    assert not as_list.isEnabled() and as_list.toolTip() == "Always a list"
    assert changes
    _choose(_type(table, 0), "sections")  # key points -> sections
    assert _cell(table, 0, "group_by").isEnabled() and _cell(table, 0, "group_by").toolTip() == ""
    assert _cell(table, 0, "as_list").isEnabled()
    _choose(_type(table, 3), "sources")  # key phrases -> the source list (a second one: invalid, but shown)
    assert not _cell(table, 3, "count").isEnabled()
    _choose(_type(table, 1), "timeline")  # executive summary -> timeline
    assert _cell(table, 1, "count").isEnabled() and _cell(table, 1, "count").toolTip() == ""


def test_what_the_table_gives_back_is_a_valid_template(make_table) -> None:
    table = make_table(PARTS)
    _choose(_type(table, 3), "key_figures")  # key phrases (25) -> key figures: the count keeps to 1..20
    count = _cell(table, 3, "count")
    assert isinstance(count, QSpinBox) and count.value() == 20
    data = template_to_dict(get_template("policy-brief"))
    data["parts"] = table.parts()
    template = template_from_dict(data, "the editor")
    assert [p.type for p in template.parts][2:4] == [PartType.SECTIONS, PartType.KEY_FIGURES]
