"""The Length control governs the whole brief: its units, the live count beside it (the export's numbers), the
template's own length, what was left out to fit, and the tree's marks on copies of the same story."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from briefgen.build import BuildResult
from briefgen.gui.left_out import left_out_message
from briefgen.gui.length_controls import MODES, count_text
from briefgen.gui.main_window import MainWindow
from briefgen.gui.section_tree_model import COPY_ROLE
from briefgen.summarize.api import Budget
from tests.gui.conftest import LOAD_TIMEOUT_MS, current, load

STORY = """\
# {headline}

By {byline}

Published: 2025-03-{day}

## The decision

Millbrook council voted on Thursday to close the old ferry pier after engineers found deep cracks in its timber piles.
The pier has carried foot passengers across the Rill estuary since 1911 and was last repaired in 1987.
{title}Daniel Osei, the council's head of transport, said the structure could no longer be made safe at a fair cost.
Repairing the pier would cost an estimated £6.4m, against £2.1m for a new floating pontoon a short walk upstream.
About 420 passengers use the ferry on a typical weekday, most of them commuters and schoolchildren.

## What happens next

The ferry will run from a temporary landing stage at Grove Quay from the first week of May.
Work on the pontoon is due to start in the summer and finish before the end of next year.
Local traders fear that fewer visitors will reach the high street while the old pier stands empty.
The Millbrook Society has asked the council to keep the pier's iron gates and lamp posts as a memorial.
A public meeting about the plans will be held at the town library on the last Tuesday of the month.
"""

ORIGINAL_TITLE = "Millbrook to close its century-old ferry pier"


@pytest.fixture
def same_story_twice(tmp_path: Path) -> list[Path]:
    """Two outlets' versions of one story: same body text, small edits, different headlines."""
    first = tmp_path / "harbour-wire.md"
    second = tmp_path / "coastal-times.md"
    first.write_text(STORY.format(headline=ORIGINAL_TITLE, byline="Ana Ruiz", day="04", title="Mr "), encoding="utf-8")
    copy = STORY.format(
        headline="Council shuts Millbrook ferry pier after cracks found", byline="Staff reporter", day="05", title=""
    )
    second.write_text(copy.replace("on Thursday", "this week"), encoding="utf-8")
    return [first, second]


def _samples(samples_dir: Path) -> list[Path]:
    return sorted(samples_dir.iterdir())


def _steer(qtbot, window: MainWindow, change: Callable[[], object]) -> BuildResult:
    """Run *change* and wait for the preview it causes."""
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS) as blocker:
        change()
    result = blocker.args[0]
    assert isinstance(result, BuildResult)
    return result


def test_count_text_has_the_right_plurals() -> None:
    assert count_text(412, 18, 2) == "412 words · 18 sentences · 2 pages"
    assert count_text(1, 1, 1) == "1 word · 1 sentence · 1 page"
    assert count_text(1200, 40, None) == "1,200 words · 40 sentences"


def test_units_and_ranges() -> None:
    ranges = {kind: (lo, hi, default) for kind, _label, lo, hi, default in MODES}
    assert ranges == {
        "sentences": (1, 200, 5),
        "words": (20, 20_000, 250),
        "ratio": (1, 100, 10),
        "pages": (1, 50, 2),
    }


def test_the_pages_unit_gives_a_page_budget(qtbot, window: MainWindow, samples_dir: Path) -> None:
    load(qtbot, window, _samples(samples_dir))
    length = window.length
    pages_at = length.mode.findData("pages")
    assert pages_at >= 0 and length.mode.itemText(pages_at) == "pages"
    result = _steer(qtbot, window, lambda: length.mode.setCurrentIndex(pages_at))
    assert length.budget() == Budget(pages=2)
    assert window.workspace.state.budget == Budget(pages=2)
    assert (length.spin.minimum(), length.spin.maximum()) == (1, 50)
    assert result.pages is not None and 1 <= result.pages <= 2
    result = _steer(qtbot, window, lambda: length.spin.setValue(1))
    assert window.workspace.state.budget == Budget(pages=1)
    assert result.pages == 1
    assert length.count.text().endswith("· 1 page")
    # set_budget (a project being opened) shows a page budget too, without emitting a change
    with qtbot.assertNotEmitted(length.budgetChanged):
        length.set_budget(Budget(pages=7))
    assert length.mode.currentData() == "pages" and length.spin.value() == 7 and length.budget() == Budget(pages=7)


def test_the_count_shows_what_the_preview_has(qtbot, window: MainWindow, samples_dir: Path, tmp_path: Path) -> None:
    load(qtbot, window, _samples(samples_dir))
    result = current(window)
    brief = result.brief
    words, sentences = brief.word_count(), len(brief.sentences())
    assert words > 0 and sentences > 0
    assert result.pages is not None  # measured by the preview build, not guessed
    label = window.length.count
    assert label.text() == count_text(words, sentences, result.pages)
    assert f"{words:,} word" in label.text() and f"{sentences} sentence" in label.text()
    assert not window.length.count_is_stale()
    # a change greys the numbers until the new preview arrives; then they are the new brief's
    with qtbot.waitSignal(window.preview.updated, timeout=LOAD_TIMEOUT_MS) as blocker:
        window.length.spin.setValue(2)
        assert window.length.count_is_stale()
    after = blocker.args[0]
    assert not window.length.count_is_stale()
    assert label.text() == count_text(after.brief.word_count(), len(after.brief.sentences()), after.pages)
    # the export has the same numbers: a PDF written from the same choices has as many pages
    from briefgen.build_choices import build_from_choices

    exported = build_from_choices(window.workspace.state.choices(), tmp_path / "brief.pdf")
    assert exported.pages == after.pages
    assert exported.brief.word_count() == after.brief.word_count()
    assert len(exported.brief.sentences()) == len(after.brief.sentences())


def test_choosing_a_template_takes_its_own_length(qtbot, window: MainWindow, samples_dir: Path) -> None:
    load(qtbot, window, _samples(samples_dir))
    combo = window.length.template
    at = combo.findData("executive-one-page")
    assert at >= 0
    result = _steer(qtbot, window, lambda: combo.setCurrentIndex(at))
    assert window.workspace.state.template == "executive-one-page"
    assert window.workspace.state.budget == Budget(pages=1)
    assert window.length.mode.currentData() == "pages" and window.length.spin.value() == 1
    assert result.template.name == "executive-one-page"
    assert result.pages == 1
    assert window.workspace.is_dirty()  # the saved project will have the same length
    # back to the policy brief: its own length again
    policy = combo.findData("policy-brief")
    _steer(qtbot, window, lambda: combo.setCurrentIndex(policy))
    from briefgen.compose import template_budget
    from briefgen.templates.store import resolve_template

    assert window.workspace.state.budget == template_budget(resolve_template("policy-brief"))
    assert window.length.budget() == window.workspace.state.budget


def test_the_status_bar_names_what_was_left_out(qtbot, window: MainWindow, samples_dir: Path) -> None:
    load(qtbot, window, _samples(samples_dir))
    assert window.workspace.state.template == "policy-brief"
    length = window.length
    if length.mode.currentData() != "sentences":
        _steer(qtbot, window, lambda: length.mode.setCurrentIndex(length.mode.findData("sentences")))
    assert length.spin.value() != 1
    result = _steer(qtbot, window, lambda: length.spin.setValue(1))
    assert window.workspace.state.budget == Budget(sentences=1)
    left_out = result.brief.left_out
    assert left_out, "a one-sentence policy brief leaves parts out"
    label = window.left_out_label
    assert label.isVisible()
    assert label.text().startswith("Left out to fit the length: ")
    assert (label.text(), label.toolTip()) == left_out_message(left_out)
    for item in left_out:
        assert item.heading in label.toolTip()
    # a long brief has room for everything again: the message goes
    result = _steer(qtbot, window, lambda: length.spin.setValue(200))
    assert not result.brief.left_out or label.text() == left_out_message(result.brief.left_out)[0]
    if not result.brief.left_out:
        assert not label.isVisible() and label.text() == ""


def test_the_tree_marks_copies_of_the_same_story(qtbot, window: MainWindow, same_story_twice: list[Path]) -> None:
    load(qtbot, window, same_story_twice)
    window.tree.expandAll()
    summary = current(window).summary
    assert summary.copies, "the second outlet's sections repeat the first's"
    model = window.tree_model
    for copy_id, original_id in summary.copies.items():
        index = model.index_for(copy_id)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        assert "also in" in text and ORIGINAL_TITLE in text
        assert index.data(COPY_ROLE) == original_id
        assert "The brief shows the story once" in index.data(Qt.ItemDataRole.ToolTipRole)
        original = model.index_for(original_id)
        assert "also in" not in original.data(Qt.ItemDataRole.DisplayRole)
    assert summary.article_copies
    for article_id in summary.article_copies:
        assert "also in" in model.index_for(article_id).data(Qt.ItemDataRole.DisplayRole)
    # untick the original source: the copy is no longer a copy of anything in the brief, and its mark goes
    first_source = model.index(0, 0)
    copy_id = next(iter(summary.copies))
    result = _steer(
        qtbot, window, lambda: model.setData(first_source, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    )
    assert copy_id not in result.summary.copies
    index = model.index_for(copy_id)
    assert "also in" not in index.data(Qt.ItemDataRole.DisplayRole)
    assert index.data(COPY_ROLE) is None


def test_the_template_editor_keeps_a_length_in_pages_and_part_shares(qtbot) -> None:
    import dataclasses

    from briefgen.gui.template_form import TemplateForm
    from briefgen.templates import store
    from briefgen.templates.serialize import template_to_dict
    from briefgen.templates.validate import template_from_dict

    one_page = store.get_template("executive-one-page")
    assert one_page.summary.pages == 1
    shared = dataclasses.replace(
        one_page, parts=tuple(dataclasses.replace(p, share=0.5) if n == 0 else p for n, p in enumerate(one_page.parts))
    )
    form = TemplateForm()
    qtbot.addWidget(form)
    for template in (one_page, shared):
        form.load(template_to_dict(template))
        assert template_from_dict(form.to_dict(), "test") == template


def test_the_template_editor_shows_a_length_in_words_without_decimals(qtbot) -> None:
    from PySide6.QtWidgets import QComboBox, QDoubleSpinBox

    from briefgen.gui.template_form import TemplateForm
    from briefgen.templates import store
    from briefgen.templates.serialize import template_to_dict

    form = TemplateForm()
    qtbot.addWidget(form)
    form.load(template_to_dict(store.get_template("policy-brief")))
    length, kind = form.widget("summary.length"), form.widget("summary.length_kind")
    assert isinstance(length, QDoubleSpinBox) and isinstance(kind, QComboBox)
    assert kind.currentText() == "words" and length.text() == "700"  # was "700.00"
    kind.setCurrentText("ratio")
    length.setValue(0.25)
    assert length.text() == "0.25"  # a share keeps its decimals
