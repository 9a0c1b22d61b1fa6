"""The citation details form: a URL or a DOI in the URL field, checked as it is stored, with what is wrong said
under the field; and the template form's corroboration settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox

from briefgen.build import build_brief
from briefgen.gui.metadata_form import MetadataForm
from briefgen.gui.template_form import TemplateForm
from briefgen.gui.workspace import Workspace
from briefgen.model import Metadata
from briefgen.project.workspace import WorkspaceState
from briefgen.templates.serialize import template_to_dict
from briefgen.templates.store import get_template
from briefgen.templates.validate import template_from_dict
from tests.render.citation_corpus import article_id, citation_corpus


@pytest.fixture
def form(qtbot, tmp_path: Path) -> Iterator[MetadataForm]:
    workspace = Workspace()
    workspace.reset(WorkspaceState(citation_corpus(tmp_path)), None)
    form = MetadataForm(workspace)
    qtbot.addWidget(form)
    form.set_article(article_id(workspace.state.corpus, "gazette"))
    yield form
    workspace.undo_stack.clear()  # a workspace without a parent would signal while it is being deleted


def _type(form: MetadataForm, field: str, text: str) -> None:
    form.fields[field].setText(text)
    form.commit()  # what editingFinished does


def _stored(form: MetadataForm) -> Metadata:
    assert form.article_id is not None
    return form.workspace.state.metadata.get(form.article_id, Metadata())


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("10.5555/coast.2024.17", "https://doi.org/10.5555/coast.2024.17"),
        ("doi:10.5555/coast.2024.17", "https://doi.org/10.5555/coast.2024.17"),
        ("https://doi.org/10.5555/coast.2024.17", "https://doi.org/10.5555/coast.2024.17"),
        ("  https://eastmouth-gazette.example/barrier  ", "https://eastmouth-gazette.example/barrier"),
    ],
)
def test_a_url_or_doi_is_stored_and_a_doi_as_a_link(form: MetadataForm, typed: str, stored: str) -> None:
    _type(form, "url", typed)
    assert form.url_problem_text() is None and form.url_problem.isHidden()
    assert _stored(form).url == stored
    assert form.fields["url"].text() == stored  # the form shows what will be printed


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("www.eastmouth-gazette.example/barrier", "https://"),
        ("doi:abc", "Not a DOI"),
        ("10.55/x", "Not a DOI"),
        ("ftp://files.example/barrier.pdf", "ftp"),
        ("barrier.txt", "Not a web address or a DOI"),
    ],
)
def test_a_wrong_url_is_said_inline_and_not_stored(form: MetadataForm, typed: str, said: str) -> None:
    _type(form, "url", typed)
    problem = form.url_problem_text()
    assert problem is not None and said in problem
    assert not form.url_problem.isHidden()
    assert "border" in form.fields["url"].styleSheet()
    assert form.fields["url"].accessibleDescription() == problem
    assert _stored(form).url is None
    assert form.fields["url"].text() == typed  # left for the user to fix


def test_other_fields_are_stored_while_the_url_is_wrong_and_the_message_clears_when_fixed(
    form: MetadataForm,
) -> None:
    _type(form, "url", "https://eastmouth-gazette.example/barrier")
    form.fields["url"].setText("eastmouth-gazette.example/barrier")
    _type(form, "author", "Tom Hale")
    assert _stored(form) == Metadata(author="Tom Hale", url="https://eastmouth-gazette.example/barrier")
    assert form.fields["url"].text() == "eastmouth-gazette.example/barrier"  # still shown, with its message
    assert form.url_problem_text() is not None
    form.fields["url"].setText("10.5555/gazette.1")  # fixed: the message goes as soon as it is right
    assert form.url_problem_text() is None and form.fields["url"].styleSheet() == ""
    form.commit()
    assert _stored(form).url == "https://doi.org/10.5555/gazette.1"


def test_the_edited_doi_ends_the_entry(form: MetadataForm) -> None:
    _type(form, "url", "doi:10.5555/gazette.1")
    corpus = form.workspace.state.effective_corpus()
    template = get_template("policy-brief")
    pins = [s.articles[0].sentences[0].id for s in corpus.sources]
    brief = build_brief(corpus, template, pin=pins).brief
    entry = next(e for e in brief.sources if e.article_id == form.article_id)
    assert entry.formatted.endswith("Flood barrier approved after long debate. https://doi.org/10.5555/gazette.1")


def test_choosing_another_article_clears_the_message(form: MetadataForm) -> None:
    _type(form, "url", "not a url")
    assert form.url_problem_text() is not None
    form.set_article(article_id(form.workspace.state.corpus, "dubois"))
    assert form.url_problem_text() is None and form.fields["url"].text() == ""


def test_template_form_offers_support_and_new_marks_and_round_trips(qtbot) -> None:
    form = TemplateForm()
    qtbot.addWidget(form)
    form.load(template_to_dict(get_template("policy-brief")))
    support = form.widget("citations.support")
    mark_new = form.widget("citations.mark_new")
    assert isinstance(support, QComboBox) and isinstance(mark_new, QCheckBox)
    assert [support.itemText(i) for i in range(support.count())] == ["none", "count", "dagger"]
    assert support.currentText() == "none" and not mark_new.isChecked()
    assert support.toolTip() and mark_new.toolTip()
    with qtbot.waitSignal(form.changed):
        support.setCurrentText("dagger")
    mark_new.setChecked(True)
    edited = template_from_dict(form.to_dict(), "test")
    assert (edited.citations.support, edited.citations.mark_new) == ("dagger", True)
    assert edited.citations.style == get_template("policy-brief").citations.style


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("5 March 2025", "2025-03-05"), ("March 2025", "2025-03"), ("2025-03-05", "2025-03-05"), ("2025", "2025")],
)
def test_a_date_written_in_words_is_stored_in_the_citation_form(form: MetadataForm, typed: str, stored: str) -> None:
    _type(form, "date", typed)
    assert _stored(form).date == stored
    assert form.fields["date"].text() == stored and not form.fields["date"].styleSheet()


def test_a_text_that_is_no_date_is_marked_and_not_stored(form: MetadataForm) -> None:
    _type(form, "date", "2024-01-02")
    _type(form, "date", "sometime soon")
    assert _stored(form).date == "2024-01-02"
    assert form.fields["date"].styleSheet() and "YYYY-MM-DD" in form.fields["date"].accessibleDescription()
